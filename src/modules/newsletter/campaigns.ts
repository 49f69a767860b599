import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import { type AuditActor, type AuditDetails, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import { isLocale, type Locale, translate } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { type Policy, type PolicyNotice, pendingPolicyNotices } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { runningAgreementExists } from "../customers/index.ts";
import { notQuarantined } from "../scanner/index.ts";
import { type BatchedMail, enqueueMailBatch, isMailAddress } from "./campaign-outbox.ts";
import {
  type CampaignContent,
  type CampaignRenderer,
  prepareCampaign,
  type RenderedCampaign,
  renderCampaign,
  unknownPlaceholders,
} from "./campaign-render.ts";
import { type CampaignKind, newsletterCampaigns } from "./newsletter.tables.ts";
import { subscriberLinks } from "./subscriber-links.ts";
import { opener } from "./subscriber-store.ts";
import { knownTopics } from "./topics.ts";

export type Campaign = typeof newsletterCampaigns.$inferSelect;

/** What the campaign service needs: the subscribers' vault, the policy's topics, the mail settings. */
export interface CampaignDeps {
  db: Db;
  vault: Vault;
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  policy: () => Policy;
}

/** A draft as staff write it. */
export interface CampaignDraft {
  kind: CampaignKind;
  subject: string;
  markdown: string;
  topics: readonly string[];
}

export const campaignProblems = [
  "not_found",
  "not_draft",
  "not_scheduled",
  "empty",
  "notice_topics",
  "no_topics",
  "unknown_topic",
  "unknown_placeholder",
] as const;
export type CampaignProblem = (typeof campaignProblems)[number];

/** Something staff can fix: the page shows it in their language, next to what they typed. */
export class CampaignError extends Error {
  override name = "CampaignError";
  constructor(readonly problem: CampaignProblem) {
    super(`campaign refused: ${problem}`);
  }
}

/**
 * The campaigns the policy module's notices become are written by the job, not by staff; this
 * id stands for "the system" where a campaign names its author.
 */
export const systemAuthorId = "00000000-0000-0000-0000-000000000000";
/** The reader of a test mail or a preview: no such subscriber exists, so its links do nothing. */
const sampleSubscriberId = "00000000-0000-0000-0000-000000000000";
const jobActor: AuditActor = { type: "system", id: "newsletter.campaigns" };
const recordType = "newsletter.campaign";
const staffActor = (staffId: string): AuditActor => ({ type: "staff", id: staffId });

/** Subscribers read, decrypted and queued per transaction. */
const defaultBatchSize = 1000;
/** Decryptions in flight at once: enough to keep a PostgreSQL pool busy. */
const decryptConcurrency = 16;

async function audit(
  db: Db,
  clock: Clock,
  actor: AuditActor,
  action: string,
  campaignId: string,
  details: AuditDetails,
): Promise<void> {
  await appendAudit(db, {
    clock,
    entry: { actor, action, recordType, recordId: campaignId, purpose: "newsletter", details },
  });
}

/** Guard clauses for what staff wrote; returns the draft as stored (trimmed, known topics). */
function checkedDraft(policy: Policy, draft: CampaignDraft): CampaignDraft {
  const subject = draft.subject.trim();
  const markdown = draft.markdown.replace(/\s+$/, "");
  if (subject === "" || markdown.trim() === "") throw new CampaignError("empty");
  const wanted = [...new Set(draft.topics)];
  // A service notice reaches customers whatever their topics: topics would suggest otherwise.
  if (draft.kind === "service_notice" && wanted.length > 0) {
    throw new CampaignError("notice_topics");
  }
  const topics = knownTopics(policy, wanted);
  if (topics.length !== wanted.length) throw new CampaignError("unknown_topic");
  if (unknownPlaceholders(`${subject}\n${markdown}`).length > 0) {
    throw new CampaignError("unknown_placeholder");
  }
  return { kind: draft.kind, subject, markdown, topics };
}

export async function createCampaign(
  deps: CampaignDeps,
  input: { draft: CampaignDraft; staffId: string },
): Promise<Campaign> {
  const draft = checkedDraft(deps.policy(), input.draft);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(newsletterCampaigns)
      .values({
        ...draft,
        topics: [...draft.topics],
        status: "draft",
        createdBy: input.staffId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!campaign) throw new Error("the campaign insert returned no row");
    await audit(
      tx,
      deps.clock,
      staffActor(input.staffId),
      "newsletter.campaign_created",
      campaign.id,
      {
        kind: campaign.kind,
        topics: campaign.topics.length,
      },
    );
    return campaign;
  });
}

/** Only a draft changes: what is scheduled or sent is what was checked and previewed. */
export async function updateCampaign(
  deps: CampaignDeps,
  input: { campaignId: string; draft: CampaignDraft; staffId: string },
): Promise<Campaign> {
  const draft = checkedDraft(deps.policy(), input.draft);
  return deps.db.transaction(async (tx) => {
    const [campaign] = await tx
      .update(newsletterCampaigns)
      .set({ ...draft, topics: [...draft.topics], updatedAt: deps.clock.now() })
      .where(
        and(eq(newsletterCampaigns.id, input.campaignId), eq(newsletterCampaigns.status, "draft")),
      )
      .returning();
    if (!campaign) {
      throw new CampaignError(
        (await readCampaign(tx, input.campaignId)) ? "not_draft" : "not_found",
      );
    }
    await audit(
      tx,
      deps.clock,
      staffActor(input.staffId),
      "newsletter.campaign_updated",
      campaign.id,
      {
        kind: campaign.kind,
        topics: campaign.topics.length,
      },
    );
    return campaign;
  });
}

/**
 * A draft goes out at `at` (the campaign job looks every minute). A newsletter needs a topic:
 * without one it would reach nobody, and "everybody" is not a consent anyone gave.
 */
export async function scheduleCampaign(
  deps: Pick<CampaignDeps, "db" | "clock">,
  input: { campaignId: string; staffId: string; at: Date },
): Promise<Campaign> {
  return changeSchedule(deps, { ...input, immediately: false });
}

/** Scheduled for now: the job starts queueing within the minute, at the mail rate configured. */
export async function sendCampaignNow(
  deps: Pick<CampaignDeps, "db" | "clock">,
  input: { campaignId: string; staffId: string },
): Promise<Campaign> {
  return changeSchedule(deps, { ...input, at: deps.clock.now(), immediately: true });
}

async function changeSchedule(
  deps: Pick<CampaignDeps, "db" | "clock">,
  input: { campaignId: string; staffId: string; at: Date; immediately: boolean },
): Promise<Campaign> {
  return deps.db.transaction(async (tx) => {
    const current = await readCampaign(tx, input.campaignId, { lock: true });
    if (!current) throw new CampaignError("not_found");
    if (current.status !== "draft") throw new CampaignError("not_draft");
    if (current.kind === "newsletter" && current.topics.length === 0) {
      throw new CampaignError("no_topics");
    }
    const [campaign] = await tx
      .update(newsletterCampaigns)
      .set({ status: "scheduled", scheduledAt: input.at, updatedAt: deps.clock.now() })
      .where(eq(newsletterCampaigns.id, input.campaignId))
      .returning();
    if (!campaign) throw new CampaignError("not_found");
    await audit(
      tx,
      deps.clock,
      staffActor(input.staffId),
      "newsletter.campaign_scheduled",
      campaign.id,
      {
        kind: campaign.kind,
        at: input.at.toISOString(),
        immediately: input.immediately,
      },
    );
    return campaign;
  });
}

/** Back to draft while nothing was queued yet; once the job started, it finishes. */
export async function unscheduleCampaign(
  deps: Pick<CampaignDeps, "db" | "clock">,
  input: { campaignId: string; staffId: string },
): Promise<Campaign> {
  return deps.db.transaction(async (tx) => {
    const [campaign] = await tx
      .update(newsletterCampaigns)
      .set({ status: "draft", scheduledAt: null, updatedAt: deps.clock.now() })
      .where(
        and(
          eq(newsletterCampaigns.id, input.campaignId),
          eq(newsletterCampaigns.status, "scheduled"),
        ),
      )
      .returning();
    if (!campaign) {
      throw new CampaignError(
        (await readCampaign(tx, input.campaignId)) ? "not_scheduled" : "not_found",
      );
    }
    await audit(
      tx,
      deps.clock,
      staffActor(input.staffId),
      "newsletter.campaign_unscheduled",
      campaign.id,
      {
        kind: campaign.kind,
      },
    );
    return campaign;
  });
}

export async function readCampaign(
  db: Db,
  campaignId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<Campaign | undefined> {
  const query = db.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaignId));
  const [campaign] = lock ? await query.for("update") : await query;
  return campaign;
}

/** Newest first; the back office shows the last `limit`. */
export async function listCampaigns(db: Db, { limit = 200 }: { limit?: number } = {}) {
  return db
    .select()
    .from(newsletterCampaigns)
    .orderBy(desc(newsletterCampaigns.createdAt), desc(newsletterCampaigns.id))
    .limit(limit);
}

type CampaignSource = Pick<Campaign, "kind" | "topics" | "subject" | "markdown" | "createdBy">;

/**
 * A staff campaign: one Markdown text for every language; the footer is the reader's. A policy
 * notice's campaign keeps its Dutch plain text, and shows as plain text.
 */
export function campaignContent(campaign: CampaignSource): CampaignContent {
  return {
    kind: campaign.kind,
    topics: campaign.topics,
    format: campaign.createdBy === systemAuthorId ? "plain" : "markdown",
    text: () => ({ subject: campaign.subject, body: campaign.markdown }),
  };
}

/** The campaign as a sample reader would get it: the back office's preview. */
export function previewCampaign(
  deps: Pick<CampaignDeps, "vault" | "config" | "policy">,
  campaign: CampaignSource,
  reader: { name: string; locale: Locale },
): RenderedCampaign {
  return renderCampaign(campaignContent(campaign), deps.policy(), {
    name: reader.name,
    locale: reader.locale,
    links: subscriberLinks(deps.vault, deps.config.PUBLIC_URL, sampleSubscriberId),
    topics: campaign.topics,
  });
}

/**
 * A test mail to the staff member's own address, rendered as a reader with their name would get
 * it, marked as a test in the subject. Its links name no subscriber, so they change nothing.
 */
export async function sendTestMail(
  deps: CampaignDeps,
  input: { campaignId: string; staffId: string; to: string; name: string; locale: Locale },
): Promise<void> {
  const campaign = await readCampaign(deps.db, input.campaignId);
  if (!campaign) throw new CampaignError("not_found");
  const rendered = previewCampaign(deps, campaign, input);
  await deps.db.transaction(async (tx) => {
    await enqueueMail(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: {
        purpose: "newsletter.test",
        sealedUnder: "installation",
        locale: input.locale,
        to: input.to,
        subject: `${translate(input.locale, "newsletter-admin.test.subject_prefix")} ${rendered.subject}`,
        text: rendered.text,
        html: rendered.html,
        headers: rendered.headers,
      },
    });
    // The address is the staff member's own, and stays out of the log like any other.
    await audit(
      tx,
      deps.clock,
      staffActor(input.staffId),
      "newsletter.campaign_test_sent",
      campaign.id,
      {
        kind: campaign.kind,
        locale: input.locale,
      },
    );
  });
}

export interface CampaignProgress {
  /** Deliveries queued for this campaign, whatever became of the mail. */
  recipients: number;
  /** Waiting for the delivery job (or being sent right now). */
  queued: number;
  /** Kept in the outbox because no SMTP server is configured. */
  held: number;
  sent: number;
  failed: number;
  /** Withdrawn before sending, e.g. the reader unsubscribed in the meantime. */
  cancelled: number;
  /**
   * Mail deleted from the outbox after its retention, or because its reader was erased; the
   * delivery row still counts it.
   */
  removed: number;
  /** Readers who unsubscribed, or withdrew one of the campaign's topics, after it started. */
  unsubscribedAfterwards: number;
}

const noProgress: CampaignProgress = {
  recipients: 0,
  queued: 0,
  held: 0,
  sent: 0,
  failed: 0,
  cancelled: 0,
  removed: 0,
  unsubscribedAfterwards: 0,
};

/** The counts of several campaigns in one query, for the list. */
export async function campaignsProgress(
  db: Db,
  campaignIds: readonly string[],
): Promise<Map<string, CampaignProgress>> {
  const progress = new Map<string, CampaignProgress>();
  if (campaignIds.length === 0) return progress;
  const rows = await queryRows<CampaignProgress & { campaign_id: string }>(
    db,
    sql`select d.campaign_id::text as campaign_id,
          count(*)::int as recipients,
          count(*) filter (where o.status in ('queued', 'sending'))::int as queued,
          count(*) filter (where o.status = 'held')::int as held,
          count(*) filter (where o.status = 'sent')::int as sent,
          count(*) filter (where o.status = 'failed')::int as failed,
          count(*) filter (where o.status = 'cancelled')::int as cancelled,
          count(*) filter (where o.id is null)::int as removed,
          count(*) filter (where c.started_at is not null and (
            s.unsubscribed_at > c.started_at
            or exists (
              select 1 from newsletter_consents w
              where w.subscriber_id = d.subscriber_id
                and w.withdrawn_at > c.started_at
                and c.topics ? w.topic)))::int as "unsubscribedAfterwards"
        from newsletter_deliveries d
        join newsletter_campaigns c on c.id = d.campaign_id
        left join outbox o on o.id = d.outbox_id
        left join newsletter_subscribers s on s.id = d.subscriber_id
        where d.campaign_id = any(${uuidArray(campaignIds)}::uuid[])
        group by d.campaign_id`,
  );
  for (const { campaign_id, ...counts } of rows) progress.set(campaign_id, counts);
  return progress;
}

export async function campaignProgress(db: Db, campaignId: string): Promise<CampaignProgress> {
  return (await campaignsProgress(db, [campaignId])).get(campaignId) ?? { ...noProgress };
}

// A type, not an interface: a job's summary is a record of counts.
export type CampaignRunSummary = {
  /** Scheduled campaigns whose time came. */
  started: number;
  /** Mails queued in this run. */
  queued: number;
  /** Campaigns (policy notices included) that reached their last reader. */
  finished: number;
  /** Policy notices sent to their last reader and marked sent. */
  notices: number;
};

export interface CampaignRunOptions {
  signal?: AbortSignal | undefined;
  batchSize?: number | undefined;
}

/**
 * The campaign job's body: the policy module's pending notices become service notices, scheduled
 * campaigns whose time came start, and every campaign being sent gets its readers queued, a
 * batch per transaction. Safe to kill and to run in several processes: a reader already in
 * `newsletter_deliveries` is skipped, the delivery row is written before its mail and in the
 * same transaction, and a batch holds its campaign's row so two processes take turns.
 */
export async function enqueueDueCampaigns(
  deps: CampaignDeps,
  { signal, batchSize = defaultBatchSize }: CampaignRunOptions = {},
): Promise<CampaignRunSummary> {
  const summary: CampaignRunSummary = { started: 0, queued: 0, finished: 0, notices: 0 };
  const policy = deps.policy();
  const run = async (
    campaign: Campaign,
    content: CampaignContent,
    onFinish?: (tx: Db) => Promise<void>,
  ) => {
    const result = await queueCampaign(deps, campaign, prepareCampaign(content, policy), {
      content,
      signal,
      batchSize,
      onFinish,
    });
    summary.queued += result.queued;
    if (result.finished) summary.finished += 1;
    return result.finished;
  };

  for (const notice of await pendingPolicyNotices(deps.db)) {
    if (signal?.aborted) return summary;
    const campaign = await openNoticeCampaign(deps, notice);
    if (campaign.status === "sent") {
      await markNoticeSent(deps.db, notice.contentHash, deps.clock.now());
      continue;
    }
    const finished = await run(campaign, noticeContent(notice), (tx) =>
      markNoticeSent(tx, notice.contentHash, deps.clock.now()),
    );
    if (finished) summary.notices += 1;
  }

  summary.started = await startDueCampaigns(deps);
  const sending = await deps.db
    .select()
    .from(newsletterCampaigns)
    .where(
      and(
        eq(newsletterCampaigns.status, "sending"),
        // A policy notice's campaign is driven by its notice, above.
        ne(newsletterCampaigns.createdBy, systemAuthorId),
      ),
    )
    .orderBy(asc(newsletterCampaigns.startedAt));
  for (const campaign of sending) {
    if (signal?.aborted) break;
    await run(campaign, campaignContent(campaign));
  }
  return summary;
}

async function startDueCampaigns(deps: Pick<CampaignDeps, "db" | "clock">): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const started = await tx
      .update(newsletterCampaigns)
      .set({ status: "sending", startedAt: now, updatedAt: now })
      .where(
        and(
          eq(newsletterCampaigns.status, "scheduled"),
          sql`${newsletterCampaigns.scheduledAt} <= ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: newsletterCampaigns.id, kind: newsletterCampaigns.kind });
    for (const campaign of started) {
      await audit(tx, deps.clock, jobActor, "newsletter.campaign_started", campaign.id, {
        kind: campaign.kind,
      });
    }
    return started.length;
  });
}

/** The same notice always becomes the same campaign, so a restarted job carries on with it. */
export function noticeCampaignId(contentHash: string): string {
  const hex = createHash("sha256").update(`policy-notice\u0000${contentHash}`).digest("hex");
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function openNoticeCampaign(
  deps: Pick<CampaignDeps, "db" | "clock">,
  notice: PolicyNotice,
): Promise<Campaign> {
  const id = noticeCampaignId(notice.contentHash);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(newsletterCampaigns)
      .values({
        id,
        kind: "service_notice",
        // The Dutch text stands for the notice in the back office; each reader gets theirs.
        subject: notice.subject.nl ?? Object.values(notice.subject)[0] ?? "",
        markdown: notice.body.nl ?? Object.values(notice.body)[0] ?? "",
        topics: [],
        status: "sending",
        createdBy: systemAuthorId,
        createdAt: now,
        updatedAt: now,
        startedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: newsletterCampaigns.id });
    if (inserted.length > 0) {
      await audit(tx, deps.clock, jobActor, "newsletter.campaign_started", id, {
        kind: "service_notice",
        policyNotice: true,
      });
    }
    const campaign = await readCampaign(tx, id);
    if (!campaign) throw new Error("the policy notice's campaign vanished");
    return campaign;
  });
}

function noticeContent(notice: PolicyNotice): CampaignContent {
  const pick = (texts: Record<string, string>, locale: Locale) =>
    texts[locale] ?? texts.nl ?? Object.values(texts)[0] ?? "";
  return {
    kind: "service_notice",
    topics: [],
    format: "plain",
    text: (locale) => ({ subject: pick(notice.subject, locale), body: pick(notice.body, locale) }),
  };
}

async function markNoticeSent(tx: Db, contentHash: string, now: Date): Promise<void> {
  await tx.execute(
    sql`update policy_notices set sent_at = ${now.toISOString()}::timestamptz
        where content_hash = ${contentHash} and sent_at is null`,
  );
}

/** Who a campaign is for: a newsletter's topics, or a service notice's running agreement. */
function audience(campaign: Pick<Campaign, "kind" | "topics">): SQL {
  // A subscriber in quarantine (a suspected minor) gets nothing until the privacy officer decides.
  const reachable = sql`s.subject_id is not null and s.undeliverable_at is null
    and ${notQuarantined(sql`s.id`)}
    and not exists (
      select 1 from processing_restrictions r
      where r.subject_id = s.subject_id and r.lifted_at is null
        and (r.purpose is null or r.purpose = 'newsletter'))`;
  // The restriction test is `mayProcess(…, purpose "newsletter")` for a whole batch at once: a
  // withdrawn consent, an objection or a general restriction stops every mailing.
  if (campaign.kind === "service_notice") {
    // Customers with a running service keep getting legal and important notices, also after
    // unsubscribing from every topic (the statement says so); nobody else gets them.
    return sql`${reachable} and ${runningAgreementExists(sql`s.subject_id`)}`;
  }
  // A JSON parameter rather than an array one: both drivers pass text alike.
  return sql`${reachable}
    and s.topics ?| array(select jsonb_array_elements_text(${JSON.stringify(campaign.topics)}::jsonb))`;
}

interface DueReader {
  id: string;
  subject_id: string;
  name_ciphertext: string;
  email_ciphertext: string;
  locale: string;
  topics: string[];
}

interface OpenedReader {
  id: string;
  subjectId: string;
  name: string;
  email: string;
  locale: Locale;
  topics: string[];
}

interface QueueOptions {
  content: CampaignContent;
  signal: AbortSignal | undefined;
  batchSize: number;
  onFinish?: ((tx: Db) => Promise<void>) | undefined;
}

/**
 * Walks the readers in id order (keyset pages), skipping those already queued, so a restart
 * picks up where the last run stopped. Reading and decrypting happen outside the transaction,
 * which then re-checks each reader under a share lock: an unsubscribe that commits meanwhile
 * either happened first (the reader is left out) or waits and cancels what this batch queued.
 */
async function queueCampaign(
  deps: CampaignDeps,
  campaign: Campaign,
  render: CampaignRenderer,
  { content, signal, batchSize, onFinish }: QueueOptions,
): Promise<{ queued: number; finished: boolean }> {
  const purpose =
    content.kind === "newsletter" ? "newsletter.campaign" : "newsletter.service_notice";
  let queued = 0;
  // The next batch is read and decrypted while this one is written: on PostgreSQL the pool
  // serves both at once; PGlite runs them one after the other, as it runs everything.
  let next = openBatch(deps, campaign, undefined, batchSize);
  for (;;) {
    const batch = await next;
    if (batch.last === undefined) {
      const finished = await finishCampaign(deps, campaign, onFinish);
      return { queued, finished };
    }
    if (signal?.aborted) return { queued, finished: false };
    next = openBatch(deps, campaign, batch.last, batchSize);
    // Awaited at the top of the loop; this only keeps a failure meanwhile from going unhandled.
    next.catch(() => {});
    const written = await writeBatch(deps, campaign, render, purpose, batch.readers);
    if (written === undefined) {
      await next.catch(() => {});
      return { queued, finished: false };
    }
    queued += written;
  }
}

interface OpenedBatch {
  /** The last reader id read (the keyset cursor); undefined when none was left. */
  last: string | undefined;
  /** Those who can be mailed: data not erased, a valid address. */
  readers: OpenedReader[];
}

/** Readers in id order (keyset pages) not queued for this campaign yet, decrypted. */
async function openBatch(
  deps: CampaignDeps,
  campaign: Campaign,
  after: string | undefined,
  batchSize: number,
): Promise<OpenedBatch> {
  const due = await queryRows<DueReader>(
    deps.db,
    sql`select s.id::text as id, s.subject_id::text as subject_id, s.name_ciphertext,
               s.email_ciphertext, s.locale, s.topics
        from newsletter_subscribers s
        where ${audience(campaign)}
          ${after ? sql`and s.id > ${after}::uuid` : sql``}
          and not exists (
            select 1 from newsletter_deliveries d
            where d.campaign_id = ${campaign.id}::uuid and d.subscriber_id = s.id)
        order by s.id
        limit ${batchSize}`,
  );
  // One key query for the batch; then every field opens from the cache.
  await deps.vault.preloadKeys(
    deps.db,
    "newsletter",
    due.map((row) => row.subject_id),
  );
  const readers = await mapConcurrent(due, decryptConcurrency, (row) => openReader(deps, row));
  return {
    last: due.at(-1)?.id,
    readers: readers.filter((reader): reader is OpenedReader => reader !== undefined),
  };
}

/**
 * One transaction per batch: re-checks each reader under a share lock (an unsubscribe that
 * commits meanwhile either came first and the reader is left out, or waits and then cancels
 * what this batch queued), writes the delivery rows (the unique key decides who is still due),
 * then the mails of those rows. Undefined when another process holds the campaign.
 */
async function writeBatch(
  deps: CampaignDeps,
  campaign: Campaign,
  render: CampaignRenderer,
  purpose: string,
  readers: readonly OpenedReader[],
): Promise<number | undefined> {
  return deps.db.transaction(async (tx) => {
    const [mine] = await tx
      .select({ id: newsletterCampaigns.id })
      .from(newsletterCampaigns)
      .where(
        and(eq(newsletterCampaigns.id, campaign.id), eq(newsletterCampaigns.status, "sending")),
      )
      .for("update", { skipLocked: true });
    // Another process is queueing this campaign (or it finished): leave it to that one.
    if (!mine) return undefined;
    if (readers.length === 0) return 0;
    const still = new Set(
      (
        await queryRows<{ id: string }>(
          tx,
          sql`select s.id::text as id from newsletter_subscribers s
              where s.id = any(${uuidArray(readers.map((reader) => reader.id))}::uuid[])
                and ${audience(campaign)}
              for share of s`,
        )
      ).map((row) => row.id),
    );
    const mails = readers
      .filter((reader) => still.has(reader.id))
      .map((reader) => ({ reader, outboxId: randomUUID() }));
    if (mails.length === 0) return 0;
    const now = deps.clock.now();
    const won = new Set(
      (
        await queryRows<{ subscriber_id: string }>(
          tx,
          sql`insert into newsletter_deliveries (campaign_id, subscriber_id, outbox_id, queued_at)
              select ${campaign.id}::uuid, x.subscriber_id, x.outbox_id, ${now.toISOString()}::timestamptz
              from unnest(${uuidArray(mails.map((mail) => mail.reader.id))}::uuid[],
                          ${uuidArray(mails.map((mail) => mail.outboxId))}::uuid[])
                as x (subscriber_id, outbox_id)
              on conflict (campaign_id, subscriber_id) do nothing
              returning subscriber_id::text as subscriber_id`,
        )
      ).map((row) => row.subscriber_id),
    );
    const batch: BatchedMail[] = [];
    for (const { reader, outboxId } of mails) {
      if (!won.has(reader.id)) continue;
      const rendered = render({
        name: reader.name,
        locale: reader.locale,
        links: subscriberLinks(deps.vault, deps.config.PUBLIC_URL, reader.id),
        topics: reader.topics,
      });
      batch.push({
        id: outboxId,
        purpose,
        sealedUnder: { subjectId: reader.subjectId, purpose: "newsletter" },
        locale: reader.locale,
        to: reader.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: rendered.headers,
      });
    }
    await enqueueMailBatch(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mails: batch,
    });
    return batch.length;
  });
}

/** A reader whose data can be read and whose address can take mail; else undefined (skipped). */
async function openReader(deps: CampaignDeps, row: DueReader): Promise<OpenedReader | undefined> {
  const open = opener(deps, row.subject_id, "newsletter_subscribers", row.id);
  // One after the other: the first fetches the person's key, the second finds it cached.
  const email = await open("email_ciphertext", row.email_ciphertext);
  if (email === null || !isMailAddress(email)) return undefined;
  const name = await open("name_ciphertext", row.name_ciphertext);
  return {
    id: row.id,
    subjectId: row.subject_id,
    name: name ?? "",
    email: email.trim(),
    locale: isLocale(row.locale) ? row.locale : "nl",
    topics: row.topics,
  };
}

async function finishCampaign(
  deps: Pick<CampaignDeps, "db" | "clock">,
  campaign: Campaign,
  onFinish: ((tx: Db) => Promise<void>) | undefined,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [finished] = await tx
      .update(newsletterCampaigns)
      .set({ status: "sent", finishedAt: now, updatedAt: now })
      .where(
        and(eq(newsletterCampaigns.id, campaign.id), eq(newsletterCampaigns.status, "sending")),
      )
      .returning({ id: newsletterCampaigns.id });
    if (!finished) return false;
    const [count] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from newsletter_deliveries where campaign_id = ${campaign.id}::uuid`,
    );
    await onFinish?.(tx);
    await audit(tx, deps.clock, jobActor, "newsletter.campaign_sent", campaign.id, {
      kind: campaign.kind,
      recipients: count?.n ?? 0,
    });
    return true;
  });
}

/** One text parameter for a uuid[]: both drivers pass it alike, and ids are checked uuids. */
function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}

async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
