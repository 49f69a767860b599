import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import type { MailSealer } from "../../core/mail/index.ts";
import { addPeriod } from "../../datamap/index.ts";
import { activePrivacyOfficers } from "../staff/index.ts";
import { mailStaffReminder, type ReminderLine } from "./admin-mails.ts";
import { deadlineState, effectiveDeadline } from "./request-deadline.ts";
import { rightsRequests } from "./rights.tables.ts";
import { openStatuses } from "./rights-queue.ts";

/**
 * Daily at 07:20 (JOBS_TIMEZONE), before the working day: a deadline is counted in days, so a
 * more frequent run would find nothing new, and a mail at 7 is read before the queue is opened.
 */
export const rightsRemindersSchedule = "0 20 7 * * *";

/** Requests per transaction: one mail per privacy officer per batch. */
export const reminderBatchSize = 100;

export interface ReminderDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  /** Seals the mail to the officers. */
  vault: MailSealer;
}

export interface ReminderSummary {
  requests: number;
  mails: number;
}

const effective = sql`coalesce(${rightsRequests.extendedUntil}, ${rightsRequests.deadlineAt})`;

/**
 * Mails every active privacy officer about each open request that became due within 7 days or
 * overdue, once per request and threshold: the threshold is added to `reminders_sent` in the
 * transaction that queues the mails, so a run killed halfway, or run twice, mails nothing twice.
 * Rows are locked with SKIP LOCKED, so two processes on PostgreSQL share the work.
 */
export async function sendDeadlineReminders(
  deps: ReminderDeps,
  options: { signal?: AbortSignal | undefined; batchSize?: number } = {},
): Promise<ReminderSummary> {
  const summary: ReminderSummary = { requests: 0, mails: 0 };
  const officers = await activePrivacyOfficers(deps.db);
  // Nobody to tell: leave the thresholds unmarked, so the first officer added hears of them.
  if (officers.length === 0) return summary;
  const batchSize = options.batchSize ?? reminderBatchSize;
  while (!options.signal?.aborted) {
    const sent = await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      const rows = await tx
        .select({
          id: rightsRequests.id,
          reference: rightsRequests.reference,
          deadlineAt: rightsRequests.deadlineAt,
          extendedUntil: rightsRequests.extendedUntil,
          remindersSent: rightsRequests.remindersSent,
        })
        .from(rightsRequests)
        .where(
          and(
            inArray(rightsRequests.status, [...openStatuses]),
            lte(effective, addPeriod(now, { days: 7 })),
            sql`not (${rightsRequests.remindersSent} @> case when ${effective} <= ${now}
              then '["overdue"]'::jsonb else '["due_soon"]'::jsonb end)`,
          ),
        )
        .orderBy(asc(effective), asc(rightsRequests.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      const lines: ReminderLine[] = [];
      for (const row of rows) {
        const deadline = effectiveDeadline(row);
        const state = deadlineState(deadline, now);
        if (!deadline || (state !== "overdue" && state !== "due_soon")) continue;
        lines.push({ requestId: row.id, reference: row.reference, deadline, state });
        await tx
          .update(rightsRequests)
          .set({ remindersSent: [...row.remindersSent, state] })
          .where(eq(rightsRequests.id, row.id));
      }
      for (const officer of lines.length > 0 ? officers : []) {
        await mailStaffReminder(tx, deps, { to: officer.email, lines });
      }
      return { locked: rows.length, reminded: lines.length };
    });
    summary.requests += sent.reminded;
    if (sent.reminded > 0) summary.mails += officers.length;
    if (sent.locked < batchSize || sent.reminded === 0) break;
  }
  return summary;
}

/** A reminder carries no personal value; the vault seals it like every mail. */
export function rightsRemindersJob(deps: () => { vault: MailSealer }): JobDefinition {
  return defineJob({
    name: "rights.reminders",
    description:
      "Mails the privacy officers the references of rights requests due within 7 days or overdue, once per request and threshold, with a link to each request.",
    schedule: rightsRemindersSchedule,
    run: async ({ db, clock, config, signal }) => ({
      ...(await sendDeadlineReminders({ db, clock, config, vault: deps().vault }, { signal })),
    }),
  });
}
