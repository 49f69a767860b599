import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";

export interface ConsentDeps {
  db: Db;
  clock: Clock;
  config: Config;
  dataMap: DataMap;
  vault: Vault;
  /** The policy in force: its cookie inventory and consent rules. */
  policy: () => Policy;
}
