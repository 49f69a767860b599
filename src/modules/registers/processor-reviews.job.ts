import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { defaultLocale, translator } from "../../core/i18n/index.ts";
import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import type { Processor } from "../../policy/index.ts";
import { activePrivacyOfficers } from "../staff/index.ts";
import { brusselsDay, type ReviewStage, reviewStage } from "./processor-review-status.ts";
import { registerReminders } from "./registers.tables.ts";
import type { RegistersDeps } from "./registers-deps.ts";

export type ProcessorReviewsJobDeps = Pick<RegistersDeps, "policy" | "vault">;

export interface ProcessorReviewDeps extends ProcessorReviewsJobDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
}

/** Daily at 07:10 (JOBS_TIMEZONE): review dates are days, so once a day finds all there is. */
export const processorReviewsSchedule = "0 10 7 * * *";

/**
 * Mails every active privacy officer when a processor's review is 30 days away and again when it
 * is due, once per stage. The reminder row is the dedup key and is inserted in the transaction
 * that queues the mails, so a re-run or a run killed halfway mails nothing twice. The item names
 * the review date too: a processor given a new date after its review starts afresh.
 */
export async function sendProcessorReviewReminders(
  deps: ProcessorReviewDeps,
): Promise<{ reminders: number; mails: number }> {
  const summary = { reminders: 0, mails: 0 };
  const officers = await activePrivacyOfficers(deps.db);
  // Nobody to tell: leave the stages unmarked, so the first officer added hears of them.
  if (officers.length === 0) return summary;
  const now = deps.clock.now();
  const today = brusselsDay(now);
  for (const processor of deps.policy().processors) {
    const stage = reviewStage(processor.reviewDate, today);
    if (!stage || !processor.reviewDate) continue;
    const sent = await deps.db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(registerReminders)
        .values({
          kind: "processor_review",
          item: `${processor.name}@${processor.reviewDate}`,
          stage,
          sentAt: now,
        })
        .onConflictDoNothing()
        .returning({ stage: registerReminders.stage });
      if (!claimed) return 0;
      for (const officer of officers) {
        await mailReviewReminder(tx, deps, { to: officer.email, processor, stage });
      }
      return officers.length;
    });
    if (sent > 0) summary.reminders += 1;
    summary.mails += sent;
  }
  return summary;
}

/** Dutch, the officers' working language, with the link to the processor's page. */
async function mailReviewReminder(
  tx: Db,
  deps: Pick<ProcessorReviewDeps, "clock" | "config" | "vault">,
  options: { to: string; processor: Processor; stage: ReviewStage },
): Promise<void> {
  const { processor, stage } = options;
  const t = translator(defaultLocale);
  const link = new URL(
    `/admin/processors/${encodeURIComponent(processor.name)}`,
    deps.config.PUBLIC_URL,
  ).toString();
  const params = { name: processor.name, date: processor.reviewDate ?? "", link };
  const kind = stage === "due" ? "due" : "soon";
  await enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "registers.processor_review",
      sealedUnder: "installation",
      locale: defaultLocale,
      to: options.to,
      subject: t(`processors.mail.${kind}.subject`, params),
      text: `${t(`processors.mail.${kind}.body`, params)}\n`,
    },
  });
}

export function processorReviewsJob(deps: () => ProcessorReviewsJobDeps): JobDefinition {
  return defineJob({
    name: "registers.processor_reviews",
    description:
      "Mails the privacy officers when a processor's contract review is 30 days away and when it is due, once per stage, with a link to the processor.",
    schedule: processorReviewsSchedule,
    run: async ({ db, clock, config }) => ({
      ...(await sendProcessorReviewReminders({ ...deps(), db, clock, config })),
    }),
  });
}
