import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import type { SensitiveDataHook } from "../scanner/index.ts";
import type { PasswordStore } from "./password-store.ts";

export interface SupportDeps {
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
  /** The process's store of handed-over passwords; never the database. */
  passwords: PasswordStore;
  sensitiveData: SensitiveDataHook;
}

export interface SupportModuleDeps extends SupportDeps {
  config: Config;
}
