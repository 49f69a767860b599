import { asc, isNull } from "drizzle-orm";
import type { Clock } from "../core/clock.ts";
import type { Db } from "../core/db/database.ts";
import { locales, translate } from "../core/i18n/index.ts";
import type { Policy } from "./policy.schema.ts";
import { policyNotices } from "./policy.tables.ts";

export type PolicyNotice = typeof policyNotices.$inferSelect;

/**
 * Writes the important notice for a version with `notify: true`, in every language, in the
 * caller's transaction (the activation). Sending it is the newsletter module's job: it knows who
 * has a running service.
 */
export async function queuePolicyNotice(
  db: Db,
  options: { clock: Clock; policy: Policy; contentHash: string; publicUrl: string },
): Promise<void> {
  const { policy, contentHash, publicUrl } = options;
  const params = {
    organisation: policy.organisation.name,
    date: policy.version.effectiveDate,
    changelog: policy.version.changelog,
    url: new URL("/privacy", publicUrl).toString(),
    versionsUrl: new URL("/privacy/versions", publicUrl).toString(),
  };
  const subject: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const locale of locales) {
    subject[locale] = translate(locale, "notice.policy.subject", params);
    body[locale] = translate(locale, "notice.policy.body", params);
  }
  await db
    .insert(policyNotices)
    .values({ contentHash, subject, body, createdAt: options.clock.now() })
    .onConflictDoNothing();
}

export async function pendingPolicyNotices(db: Db): Promise<PolicyNotice[]> {
  return db
    .select()
    .from(policyNotices)
    .where(isNull(policyNotices.sentAt))
    .orderBy(asc(policyNotices.createdAt));
}
