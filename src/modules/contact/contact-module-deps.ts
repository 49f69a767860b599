import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import type { QuarantineHook, SensitiveDataHook } from "../scanner/index.ts";

export interface ContactModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  dataMap: DataMap;
  vault: Vault;
  policy: () => Policy;
  sensitiveData: SensitiveDataHook;
  /** Holds a suspicious request for the privacy role; tests of other things leave it out. */
  quarantine?: QuarantineHook;
}
