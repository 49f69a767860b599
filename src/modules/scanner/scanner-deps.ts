import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";

export interface ScannerDeps {
  db: Db;
  clock: Clock;
  dataMap: DataMap;
  vault: Vault;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  policy: () => Policy;
}
