import { defineJob, type JobDefinition } from "../../core/jobs/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { enqueueDueCampaigns } from "./campaigns.ts";

/** What the campaign job needs beyond its context: the readers' vault and the policy's topics. */
export interface NewsletterCampaignsJobDeps {
  vault: Vault;
  /** The policy in force: the footer names a reader's topics in their language. */
  policy: () => Policy;
}

/**
 * Every minute, so "send now" starts within one and a scheduled campaign at its minute. It only
 * queues: the mail delivery job sends at MAIL_RATE_PER_SECOND. A run with nothing due costs two
 * small queries. A shutdown stops it between batches; the next run (or another process, on
 * PostgreSQL) carries on with the readers not yet in `newsletter_deliveries`.
 */
export const newsletterCampaignsSchedule = "0 * * * * *";

/** Its dependencies are asked for when it runs, so listing the jobs needs no master key. */
export function newsletterCampaignsJob(deps: () => NewsletterCampaignsJobDeps): JobDefinition {
  return defineJob({
    name: "newsletter.campaigns",
    description:
      "Sends the privacy statement's pending change notices as service notices to customers with a running service, starts scheduled newsletter campaigns whose time came, and queues each campaign's mail (one per reader, with their own unsubscribe link) in batches, skipping readers already queued.",
    schedule: newsletterCampaignsSchedule,
    run: async ({ db, clock, config, signal }) => {
      const { vault, policy } = deps();
      return enqueueDueCampaigns({ db, clock, vault, config, policy }, { signal });
    },
  });
}
