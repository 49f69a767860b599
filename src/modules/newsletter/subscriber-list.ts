import { and, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { KeysetCursor } from "../../core/keyset-cursor.ts";
import { notQuarantined } from "../scanner/index.ts";
import { newsletterConsents, newsletterSubscribers } from "./newsletter.tables.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import { opener } from "./subscriber-store.ts";

export const subscriberStates = ["subscribed", "unsubscribed", "undeliverable"] as const;
export type SubscriberState = (typeof subscriberStates)[number];

export interface SubscriberFilter {
  email?: string | undefined;
  name?: string | undefined;
  topic?: string | undefined;
  state?: SubscriberState | undefined;
  after?: KeysetCursor | undefined;
}

export interface SubscriberLine {
  id: string;
  subjectId: string;
  name: string | null;
  email: string | null;
  locale: Locale;
  topics: string[];
  createdAt: Date;
  unsubscribedAt: Date | null;
  undeliverableAt: Date | null;
}

const pageSize = 50;

/** Newest first, 50 a page; e-mail and name are found through the vault's blind indexes. */
export async function listSubscribers(
  deps: Pick<NewsletterDeps, "db" | "vault">,
  filter: SubscriberFilter,
): Promise<{ lines: SubscriberLine[]; next?: KeysetCursor }> {
  const conditions: SQL[] = [
    isNotNull(newsletterSubscribers.subjectId),
    notQuarantined(newsletterSubscribers.id),
  ];
  if (filter.email) {
    const subjectId = await deps.vault.findSubject(deps.db, { email: filter.email });
    if (!subjectId) return { lines: [] };
    conditions.push(eq(newsletterSubscribers.subjectId, subjectId));
  }
  if (filter.name) {
    const subjectIds = await deps.vault.findSubjectsByName(deps.db, filter.name);
    if (subjectIds.length === 0) return { lines: [] };
    conditions.push(inArray(newsletterSubscribers.subjectId, subjectIds));
  }
  if (filter.topic) {
    conditions.push(sql`${newsletterSubscribers.topics} ? ${filter.topic}`);
  }
  const state = stateCondition(filter.state);
  if (state) conditions.push(state);
  if (filter.after) {
    const { createdAt, id } = filter.after;
    const older = or(
      lt(newsletterSubscribers.createdAt, createdAt),
      and(eq(newsletterSubscribers.createdAt, createdAt), lt(newsletterSubscribers.id, id)),
    );
    if (older) conditions.push(older);
  }
  const rows = await deps.db
    .select()
    .from(newsletterSubscribers)
    .where(and(...conditions))
    .orderBy(desc(newsletterSubscribers.createdAt), desc(newsletterSubscribers.id))
    .limit(pageSize + 1);
  const lines: SubscriberLine[] = [];
  for (const row of rows.slice(0, pageSize)) {
    if (!row.subjectId) continue;
    const open = opener(deps, row.subjectId, "newsletter_subscribers", row.id);
    lines.push({
      id: row.id,
      subjectId: row.subjectId,
      name: await open("name_ciphertext", row.nameCiphertext),
      email: await open("email_ciphertext", row.emailCiphertext),
      locale: row.locale as Locale,
      topics: row.topics,
      createdAt: row.createdAt,
      unsubscribedAt: row.unsubscribedAt,
      undeliverableAt: row.undeliverableAt,
    });
  }
  const last = lines.at(-1);
  return rows.length > pageSize && last
    ? { lines, next: { createdAt: last.createdAt, id: last.id } }
    : { lines };
}

function stateCondition(state: SubscriberState | undefined): SQL | undefined {
  switch (state) {
    case "subscribed":
      return and(
        sql`jsonb_array_length(${newsletterSubscribers.topics}) > 0`,
        isNull(newsletterSubscribers.undeliverableAt),
      );
    case "unsubscribed":
      return sql`jsonb_array_length(${newsletterSubscribers.topics}) = 0`;
    case "undeliverable":
      return isNotNull(newsletterSubscribers.undeliverableAt);
    default:
      return undefined;
  }
}

export interface NewsletterCounts {
  /** Deliverable readers per topic. */
  topics: Record<string, number>;
  subscribed: number;
  unsubscribed: number;
  undeliverable: number;
  pendingSignups: number;
}

/** The numbers at the top of the list: one query each, no personal data. */
export async function newsletterCounts(
  deps: Pick<NewsletterDeps, "db">,
): Promise<NewsletterCounts> {
  const perTopic = await queryRows<{ topic: string; n: number }>(
    deps.db,
    sql`select t.topic, count(*)::int as n
        from newsletter_subscribers s, jsonb_array_elements_text(s.topics) as t(topic)
        where s.undeliverable_at is null group by t.topic`,
  );
  const [totals] = await queryRows<{
    subscribed: number;
    unsubscribed: number;
    undeliverable: number;
    pending: number;
  }>(
    deps.db,
    sql`select
          count(*) filter (where jsonb_array_length(topics) > 0 and undeliverable_at is null)::int as subscribed,
          count(*) filter (where jsonb_array_length(topics) = 0)::int as unsubscribed,
          count(*) filter (where undeliverable_at is not null)::int as undeliverable,
          (select count(*) from newsletter_signups)::int as pending
        from newsletter_subscribers`,
  );
  return {
    topics: Object.fromEntries(perTopic.map((row) => [row.topic, row.n])),
    subscribed: totals?.subscribed ?? 0,
    unsubscribed: totals?.unsubscribed ?? 0,
    undeliverable: totals?.undeliverable ?? 0,
    pendingSignups: totals?.pending ?? 0,
  };
}

export interface ConsentEvent {
  id: string;
  topic: string;
  source: string;
  sourceDetail: string | null;
  policyVersion: string;
  locale: string;
  wording: string;
  ip: string | null;
  requestedAt: Date | null;
  givenAt: Date;
  withdrawnAt: Date | null;
  withdrawnVia: string | null;
}

/** Every consent the reader gave and withdrew, oldest first: the proof a regulator asks for. */
export async function consentHistory(
  deps: Pick<NewsletterDeps, "db" | "vault">,
  subscriberId: string,
): Promise<ConsentEvent[]> {
  const rows = await deps.db
    .select()
    .from(newsletterConsents)
    .where(eq(newsletterConsents.subscriberId, subscriberId))
    .orderBy(newsletterConsents.givenAt, newsletterConsents.topic);
  const events: ConsentEvent[] = [];
  for (const row of rows) {
    const ip =
      row.subjectId && row.ipCiphertext
        ? await opener(
            deps,
            row.subjectId,
            "newsletter_consents",
            row.id,
          )("ip_ciphertext", row.ipCiphertext)
        : null;
    events.push({
      id: row.id,
      topic: row.topic,
      source: row.source,
      sourceDetail: row.sourceDetail,
      policyVersion: row.policyVersion,
      locale: row.locale,
      wording: row.wording,
      ip,
      requestedAt: row.requestedAt,
      givenAt: row.givenAt,
      withdrawnAt: row.withdrawnAt,
      withdrawnVia: row.withdrawnVia,
    });
  }
  return events;
}
