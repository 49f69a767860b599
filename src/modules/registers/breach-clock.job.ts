import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import { activePrivacyOfficers } from "../staff/index.ts";
import { type ClockStage, latestStage, triageOverdue } from "./breach-deadline.ts";
import { mailBreachOfficers, type OfficerMailDeps } from "./breach-mails.ts";
import { breaches, registerReminders } from "./registers.tables.ts";
import type { RegistersDeps } from "./registers-deps.ts";

export type BreachClockJobDeps = Pick<RegistersDeps, "policy" | "vault">;

/** Every 15 minutes: "6 h left" must not arrive 5 h late. */
export const breachClockSchedule = "0 */15 * * * *";

export interface BreachClockRunDeps extends OfficerMailDeps {
  db: Db;
  clock: Clock;
}

type ReminderStage = ClockStage | "triage";

const stageMessages = {
  "48h": { subject: "breaches.mail.48h.subject", body: "breaches.mail.48h.body" },
  "66h": { subject: "breaches.mail.66h.subject", body: "breaches.mail.66h.body" },
  overdue: { subject: "breaches.mail.overdue.subject", body: "breaches.mail.overdue.body" },
  triage: { subject: "breaches.mail.triage.subject", body: "breaches.mail.triage.body" },
} as const;

/**
 * Mails the privacy officers when a breach's clock reaches 24 h left, 6 h left and the deadline,
 * and when a misuse report waits a day for triage. Each stage is claimed in register_reminders
 * in the transaction that queues its mails, so a run twice, killed, or in two processes at once
 * mails each stage once. The clock stops once the authority notification, or the reason not to
 * notify, is recorded.
 */
export async function sendBreachReminders(
  deps: BreachClockRunDeps,
): Promise<{ reminders: number; mails: number }> {
  const summary = { reminders: 0, mails: 0 };
  // Nobody to tell: leave the stages unclaimed, so the first officer added hears of them.
  if ((await activePrivacyOfficers(deps.db)).length === 0) return summary;
  const now = deps.clock.now();
  const running = await deps.db
    .select({ id: breaches.id, reference: breaches.reference, discoveredAt: breaches.discoveredAt })
    .from(breaches)
    .where(
      and(
        eq(breaches.status, "open"),
        isNotNull(breaches.discoveredAt),
        isNull(breaches.authorityNotifiedAt),
        eq(breaches.authorityReasoning, ""),
      ),
    );
  const due: { id: string; reference: string; stage: ReminderStage }[] = [];
  for (const breach of running) {
    const stage = breach.discoveredAt ? latestStage(breach.discoveredAt, now) : undefined;
    if (stage) due.push({ id: breach.id, reference: breach.reference, stage });
  }
  const waiting = await deps.db
    .select({ id: breaches.id, reference: breaches.reference, createdAt: breaches.createdAt })
    .from(breaches)
    .where(eq(breaches.status, "triage"));
  for (const report of waiting) {
    if (triageOverdue(report.createdAt, now)) {
      due.push({ id: report.id, reference: report.reference, stage: "triage" });
    }
  }
  for (const reminder of due) {
    const mails = await deps.db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(registerReminders)
        .values({ kind: "breach_clock", item: reminder.id, stage: reminder.stage, sentAt: now })
        .onConflictDoNothing()
        .returning({ stage: registerReminders.stage });
      if (!claimed) return 0;
      return mailBreachOfficers(tx, deps, {
        purpose: `breaches.reminder.${reminder.stage}`,
        ...stageMessages[reminder.stage],
        breach: reminder,
      });
    });
    if (mails > 0) summary.reminders += 1;
    summary.mails += mails;
  }
  return summary;
}

/** A reminder names a reference and a link, no personal value; the vault seals it all the same. */
export function breachClockJob(deps: () => BreachClockJobDeps): JobDefinition {
  return defineJob({
    name: "registers.breach_clock",
    description:
      "Mails the privacy officers when a breach's 72-hour notification clock reaches 24 h left, 6 h left and the deadline, and when a misuse report waits a day for triage; each stage once.",
    schedule: breachClockSchedule,
    run: async ({ db, clock, config }) => ({
      ...(await sendBreachReminders({ db, clock, config, vault: deps().vault })),
    }),
  });
}
