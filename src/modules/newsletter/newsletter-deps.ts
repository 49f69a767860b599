import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import type { QuarantineHook } from "../scanner/index.ts";

export interface NewsletterDeps {
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  /** The policy in force: its topics, and the wording a consent was given to. */
  policy: () => Policy;
  /** The content hash of that policy version, recorded with every consent. */
  policyVersion: () => string;
  /**
   * The scanner's quarantine: a sign-up by someone already held as a suspected minor waits with
   * the rest of their data. Tests of other things leave it out.
   */
  minors?: MinorScreening | undefined;
}

export interface MinorScreening {
  heldAsMinor: (tx: Db, subjectId: string) => Promise<boolean>;
  quarantine: QuarantineHook;
}

/** What the module's routes get from the app: the whole configuration. */
export interface NewsletterModuleDeps extends NewsletterDeps {
  config: Config;
}
