import type { JobDefinition } from "./core/jobs/index.ts";
import { deliverMailJob } from "./core/mail/index.ts";
import type { DataMap } from "./datamap/index.ts";
import { retentionSweepJob } from "./datamap/retention-sweep.job.ts";
import { cookieScanJob } from "./modules/consent/index.ts";
import { newsletterBouncesJob } from "./modules/newsletter/bounces.job.ts";
import { newsletterCampaignsJob } from "./modules/newsletter/campaigns.job.ts";
import { breachClockJob, processorReviewsJob } from "./modules/registers/index.ts";
import { rightsRemindersJob } from "./modules/rights/index.ts";
import { quarantineExpiryJob, storedScanJob } from "./modules/scanner/index.ts";
import type { Policy } from "./policy/index.ts";
import type { Vault } from "./vault/index.ts";

/** What jobs need beyond a job's context: the server and the CLI open these once. */
export interface ProductJobDeps {
  vault: Vault;
  dataMap: DataMap;
  /** The policy in force: newsletter footers name topics from it. */
  policy: () => Policy;
}

/**
 * Every recurring job of the product; modules add theirs here by hand, like routes in app.ts.
 * The dependencies are asked for only when a job runs: `jobs list` opens no vault.
 */
export function productJobs(deps: () => ProductJobDeps): readonly JobDefinition[] {
  return [
    deliverMailJob(deps),
    retentionSweepJob(deps),
    newsletterCampaignsJob(deps),
    newsletterBouncesJob,
    rightsRemindersJob(deps),
    cookieScanJob(deps),
    quarantineExpiryJob(deps),
    storedScanJob(deps),
    processorReviewsJob(deps),
    breachClockJob(deps),
  ];
}
