import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { isErased } from "../../vault/index.ts";
import { notQuarantined } from "../scanner/index.ts";
import { newsletterSignupRecordType } from "./newsletter.records.ts";
import { type ConsentSource, newsletterSignups } from "./newsletter.tables.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import { type Grant, grantTopics } from "./subscriber-store.ts";
import { knownTopics, topicWording } from "./topics.ts";

/** How long a confirmation link works; an unconfirmed sign-up is deleted when it runs out. */
export const signupLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export interface SubscriptionRequest {
  name: string;
  email: string;
  topics: readonly string[];
  locale: Locale;
  ip: string;
  source: Extract<ConsentSource, "form" | "api">;
}

export class NoTopicChosenError extends Error {
  override name = "NoTopicChosenError";
}

/**
 * Step one of double opt-in: keeps the sign-up for 7 days and mails a single-use link. The
 * caller answers the same whatever happened, so the form never tells whether an address is
 * already subscribed.
 */
export async function requestSubscription(
  deps: NewsletterDeps,
  input: SubscriptionRequest,
): Promise<void> {
  const policy = deps.policy();
  const topics = knownTopics(policy, input.topics);
  if (topics.length === 0) throw new NoTopicChosenError("choose at least one topic");
  const token = randomBytes(32).toString("base64url");
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + signupLifetimeMs);
  await deps.db.transaction(async (tx) => {
    const { subjectId } = await deps.vault.ensureSubject(tx, {
      email: input.email,
      name: input.name,
    });
    const id = randomUUID();
    const seal = (column: string, value: string) =>
      deps.vault.encryptField(tx, {
        subjectId,
        purpose: "newsletter",
        table: "newsletter_signups",
        column,
        recordId: id,
        value,
      });
    await tx.insert(newsletterSignups).values({
      id,
      subjectId,
      retainUntil: expiresAt,
      retentionReason: { code: "expires" },
      nameCiphertext: await seal("name_ciphertext", input.name),
      emailCiphertext: await seal("email_ciphertext", input.email),
      ipCiphertext: await seal("ip_ciphertext", input.ip),
      locale: input.locale,
      topics,
      wording: Object.fromEntries(
        topics.map((topic) => [topic, topicWording(policy, topic, input.locale)]),
      ),
      source: input.source,
      policyVersion: deps.policyVersion(),
      tokenHash: hashToken(token),
      expiresAt,
      createdAt: now,
    });
    if (deps.minors && (await deps.minors.heldAsMinor(tx, subjectId))) {
      // No confirmation link for a suspected child: the sign-up waits for the privacy officer,
      // and the visitor sees the same page as anyone (the form never tells who we know).
      await deps.minors.quarantine(tx, {
        recordType: newsletterSignupRecordType,
        recordId: id,
        subjectId,
        types: ["minor"],
        reasons: ["minor.known_subject"],
      });
      return;
    }
    const t = translator(input.locale);
    const link = new URL(`/newsletter/confirm?token=${token}`, deps.config.PUBLIC_URL).toString();
    await enqueueMail(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: {
        purpose: "newsletter.confirm",
        sealedUnder: { subjectId, purpose: "newsletter" },
        locale: input.locale,
        to: input.email,
        subject: t("newsletter.mail.confirm.subject"),
        text: t("newsletter.mail.confirm.body", {
          name: input.name,
          link,
          topics: topics
            .map((topic) => `- ${topicWording(policy, topic, input.locale)}`)
            .join("\n"),
          days: 7,
        }),
      },
    });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "subject", id: subjectId },
        action: "newsletter.signup_requested",
        subjectId,
        recordType: newsletterSignupRecordType.id,
        recordId: id,
        purpose: "newsletter",
        details: { source: input.source, topics: topics.length },
      },
    });
  });
}

export type ConfirmOutcome =
  | { status: "confirmed"; subscriberId: string; topics: string[]; locale: Locale }
  | { status: "invalid" }
  | { status: "expired" };

/**
 * Step two: the link was used. The consents are given now, with the wording the form showed,
 * the policy version then in force and both IP addresses; the sign-up row goes (single use).
 */
export async function confirmSubscription(
  deps: NewsletterDeps,
  { token, ip }: { token: string; ip: string },
): Promise<ConfirmOutcome> {
  return deps.db.transaction(async (tx) => {
    const [signup] = await tx
      .select()
      .from(newsletterSignups)
      .where(
        and(
          eq(newsletterSignups.tokenHash, hashToken(token)),
          notQuarantined(newsletterSignups.id),
        ),
      )
      .for("update");
    if (!signup?.subjectId) return { status: "invalid" };
    const now = deps.clock.now();
    if (signup.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
    const open = openSignup(tx, deps, signup.id, signup.subjectId);
    const name = await open("name_ciphertext", signup.nameCiphertext);
    const email = await open("email_ciphertext", signup.emailCiphertext);
    if (name === null || email === null) return { status: "invalid" };
    const locale = signup.locale as Locale;
    const grants: Grant[] = signup.topics.map((topic) => ({
      topic,
      wording: signup.wording[topic] ?? "",
      source: signup.source,
      policyVersion: signup.policyVersion,
      requestedAt: signup.createdAt,
    }));
    const subscriberId = await grantTopics(
      { ...deps, db: tx },
      {
        subjectId: signup.subjectId,
        name,
        email,
        locale,
        ip,
        grants,
      },
    );
    await tx.delete(newsletterSignups).where(eq(newsletterSignups.id, signup.id));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "subject", id: signup.subjectId },
        action: "newsletter.subscribed",
        subjectId: signup.subjectId,
        recordType: "newsletter.subscriber",
        recordId: subscriberId,
        purpose: "newsletter",
        details: { topics: grants.length, source: signup.source },
      },
    });
    return { status: "confirmed", subscriberId, topics: signup.topics, locale };
  });
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function openSignup(tx: Db, deps: NewsletterDeps, recordId: string, subjectId: string) {
  return async (column: string, ciphertext: string): Promise<string | null> => {
    const value = await deps.vault.decryptField(tx, {
      subjectId,
      purpose: "newsletter",
      table: "newsletter_signups",
      column,
      recordId,
      ciphertext,
    });
    return isErased(value) ? null : value;
  };
}
