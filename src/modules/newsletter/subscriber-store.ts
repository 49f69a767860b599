import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { publishAnchorEvent, refreshRetention, retentionFor } from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import {
  newsletterConsentRecordType,
  newsletterSubscriberRecordType,
} from "./newsletter.records.ts";
import {
  type ConsentSource,
  newsletterConsents,
  newsletterSubscribers,
} from "./newsletter.tables.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";

/** One topic's consent as it is given: the proof stores all of this. */
export interface Grant {
  topic: string;
  wording: string;
  source: ConsentSource;
  sourceDetail?: string | undefined;
  policyVersion: string;
  /** When it was asked (the form), if before it was given (the link). */
  requestedAt?: Date | undefined;
}

/** How a consent ended, kept with the proof. */
export type WithdrawalRoute =
  | "unsubscribe_link"
  | "one_click"
  | "preference_centre"
  | "rights_request"
  | "objection"
  | "staff";

export interface Subscriber {
  id: string;
  subjectId: string;
  periodId: string;
  name: string | null;
  email: string | null;
  locale: Locale;
  topics: string[];
  createdAt: Date;
  unsubscribedAt: Date | null;
  undeliverableAt: Date | null;
}

/**
 * Records consents for topics and makes sure the person is a subscriber with them. Someone who
 * had unsubscribed from everything starts a new period, so the old 6-month clock stops applying.
 */
export async function grantTopics(
  deps: NewsletterDeps,
  input: {
    subjectId: string;
    name: string;
    email: string;
    locale: Locale;
    ip?: string | undefined;
    grants: readonly Grant[];
  },
): Promise<string> {
  const { db } = deps;
  const now = deps.clock.now();
  const [existing] = await db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.subjectId, input.subjectId))
    .for("update");
  const id = existing?.id ?? randomUUID();
  // Only a new consent restarts a reader who had left every topic: a name changed in the
  // preference centre must not stop the 6-month clock of someone who unsubscribed.
  const restarting = !existing || (existing.topics.length === 0 && input.grants.length > 0);
  const periodId = restarting ? randomUUID() : existing.periodId;
  const live = new Set(existing && !restarting ? existing.topics : []);
  const fresh = input.grants.filter((grant) => !live.has(grant.topic));
  const seal = sealer(deps, input.subjectId, "newsletter_subscribers", id);
  const values = {
    nameCiphertext: await seal("name_ciphertext", input.name),
    emailCiphertext: await seal("email_ciphertext", input.email),
    locale: input.locale,
    updatedAt: now,
    ...(fresh.length > 0 || restarting
      ? {
          periodId,
          topics: [...live, ...fresh.map((grant) => grant.topic)],
          unsubscribedAt: null,
          undeliverableAt: null,
        }
      : {}),
  };
  if (existing) {
    await db.update(newsletterSubscribers).set(values).where(eq(newsletterSubscribers.id, id));
    if (restarting) {
      await refreshRetention(
        db,
        deps.dataMap,
        newsletterSubscriberRecordType,
        input.subjectId,
        periodId,
      );
    }
  } else {
    const state = await retentionFor(db, deps.dataMap, newsletterSubscriberRecordType, {
      subjectId: input.subjectId,
      key: periodId,
    });
    await db.insert(newsletterSubscribers).values({
      id,
      subjectId: input.subjectId,
      ...state,
      periodId,
      topics: fresh.map((grant) => grant.topic),
      unsubscribedAt: null,
      undeliverableAt: null,
      ...values,
      createdAt: now,
    });
  }
  await recordConsents(deps, { ...input, subscriberId: id, periodId, grants: fresh });
  return id;
}

async function recordConsents(
  deps: NewsletterDeps,
  input: {
    subjectId: string;
    subscriberId: string;
    periodId: string;
    locale: Locale;
    ip?: string | undefined;
    grants: readonly Grant[];
  },
): Promise<void> {
  if (input.grants.length === 0) return;
  const now = deps.clock.now();
  const state = await retentionFor(deps.db, deps.dataMap, newsletterConsentRecordType, {
    subjectId: input.subjectId,
    key: input.periodId,
  });
  const rows = [];
  for (const grant of input.grants) {
    const id = randomUUID();
    const seal = sealer(deps, input.subjectId, "newsletter_consents", id);
    rows.push({
      id,
      subjectId: input.subjectId,
      ...state,
      subscriberId: input.subscriberId,
      periodId: input.periodId,
      topic: grant.topic,
      source: grant.source,
      sourceDetail: grant.sourceDetail ?? null,
      policyVersion: grant.policyVersion,
      locale: input.locale,
      wording: grant.wording,
      ipCiphertext: input.ip ? await seal("ip_ciphertext", input.ip) : null,
      requestedAt: grant.requestedAt ?? null,
      givenAt: now,
    });
  }
  await deps.db.insert(newsletterConsents).values(rows);
}

/**
 * Ends the consents for some topics. With none left the person is unsubscribed: queued
 * newsletters to them are cancelled before the next send, and the 6-month clock starts
 * (a customer with a running service is kept for service notices until it ends).
 */
export async function withdrawTopics(
  deps: NewsletterDeps,
  input: {
    subscriberId: string;
    topics?: readonly string[];
    via: WithdrawalRoute;
    actor: AuditActor;
  },
): Promise<{ withdrawn: string[]; unsubscribed: boolean }> {
  const { db } = deps;
  const [row] = await db
    .select()
    .from(newsletterSubscribers)
    .where(eq(newsletterSubscribers.id, input.subscriberId))
    .for("update");
  if (!row?.subjectId) return { withdrawn: [], unsubscribed: false };
  const withdrawn = row.topics.filter((topic) => !input.topics || input.topics.includes(topic));
  if (withdrawn.length === 0) return { withdrawn, unsubscribed: false };
  const now = deps.clock.now();
  const remaining = row.topics.filter((topic) => !withdrawn.includes(topic));
  await db
    .update(newsletterConsents)
    .set({ withdrawnAt: now, withdrawnVia: input.via })
    .where(
      and(
        eq(newsletterConsents.subscriberId, row.id),
        inArray(newsletterConsents.topic, withdrawn),
        isNull(newsletterConsents.withdrawnAt),
      ),
    );
  const unsubscribed = remaining.length === 0;
  await db
    .update(newsletterSubscribers)
    .set({ topics: remaining, updatedAt: now, ...(unsubscribed ? { unsubscribedAt: now } : {}) })
    .where(eq(newsletterSubscribers.id, row.id));
  await cancelQueuedNewsletters(db, row.id, remaining, now);
  if (unsubscribed) {
    await publishAnchorEvent(
      db,
      { dataMap: deps.dataMap, clock: deps.clock },
      { event: "newsletter.unsubscribed", subjectId: row.subjectId, key: row.periodId },
    );
  }
  await appendAudit(db, {
    clock: deps.clock,
    entry: {
      actor: input.actor,
      action: unsubscribed ? "newsletter.unsubscribed" : "newsletter.topics_withdrawn",
      subjectId: row.subjectId,
      recordType: newsletterSubscriberRecordType.id,
      recordId: row.id,
      purpose: "newsletter",
      details: { via: input.via, topics: withdrawn.length },
    },
  });
  return { withdrawn, unsubscribed };
}

/**
 * Newsletters already queued for this reader about topics they no longer follow are cancelled
 * in the same transaction, so an unsubscribe is in force before the next send. Service notices
 * are not about topics and stay.
 */
async function cancelQueuedNewsletters(
  db: Db,
  subscriberId: string,
  remaining: readonly string[],
  now: Date,
): Promise<void> {
  await db.execute(sql`
    update outbox set status = 'cancelled', retain_until = ${now},
           retention_reason = 'mail.cancelled_unsubscribed'
    where status in ('queued', 'held')
      and id in (
        select d.outbox_id from newsletter_deliveries d
        join newsletter_campaigns c on c.id = d.campaign_id
        where d.subscriber_id = ${subscriberId}
          and c.kind = 'newsletter'
          and not (c.topics ?| ${sql.raw(textArray(remaining))}))`);
}

const topicId = /^[a-z0-9_-]+$/;

/** A literal array for jsonb's `?|`, which both drivers take alike only when it is inline SQL. */
function textArray(values: readonly string[]): string {
  for (const value of values) {
    // Topic ids come from the policy's subscriber rows, never straight from a visitor.
    if (!topicId.test(value))
      throw new Error("a newsletter topic id is lower-case letters, digits, _ and -");
  }
  return `array[${values.map((value) => `'${value}'`).join(", ")}]::text[]`;
}

export async function readSubscriber(
  deps: Pick<NewsletterDeps, "db" | "vault">,
  by: { id: string } | { subjectId: string },
): Promise<Subscriber | undefined> {
  const [row] = await deps.db
    .select()
    .from(newsletterSubscribers)
    .where(
      "id" in by
        ? eq(newsletterSubscribers.id, by.id)
        : eq(newsletterSubscribers.subjectId, by.subjectId),
    );
  if (!row?.subjectId) return undefined;
  const open = opener(deps, row.subjectId, "newsletter_subscribers", row.id);
  return {
    id: row.id,
    subjectId: row.subjectId,
    periodId: row.periodId,
    name: await open("name_ciphertext", row.nameCiphertext),
    email: await open("email_ciphertext", row.emailCiphertext),
    locale: row.locale as Locale,
    topics: row.topics,
    createdAt: row.createdAt,
    unsubscribedAt: row.unsubscribedAt,
    undeliverableAt: row.undeliverableAt,
  };
}

function sealer(
  deps: Pick<NewsletterDeps, "db" | "vault">,
  subjectId: string,
  table: string,
  recordId: string,
) {
  return (column: string, value: string) =>
    deps.vault.encryptField(deps.db, {
      subjectId,
      purpose: "newsletter",
      table,
      column,
      recordId,
      value,
    });
}

export function opener(
  deps: Pick<NewsletterDeps, "db" | "vault">,
  subjectId: string,
  table: string,
  recordId: string,
) {
  return async (column: string, ciphertext: string): Promise<string | null> => {
    const value = await deps.vault.decryptField(deps.db, {
      subjectId,
      purpose: "newsletter",
      table,
      column,
      recordId,
      ciphertext,
    });
    return isErased(value) ? null : value;
  };
}
