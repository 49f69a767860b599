import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy, PolicyStore } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";

/** What the processors, disclosures and breach registers need from the app. */
export interface RegistersDeps {
  db: Db;
  clock: Clock;
  dataMap: DataMap;
  vault: Vault;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL" | "UPLOAD_MAX_FILE_BYTES">;
  policy: () => Policy;
  /** Editing a processor activates a new policy version, so the statement shows it at once. */
  policies: PolicyStore;
}
