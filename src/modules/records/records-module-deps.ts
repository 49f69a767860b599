import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";

export interface RecordsModuleDeps {
  db: Db;
  clock: Clock;
  dataMap: DataMap;
  /** Decrypts a subject's fields, and shreds keys when a sweep empties a purpose. */
  vault: Vault;
}
