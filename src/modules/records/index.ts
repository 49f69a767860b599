import type { FastifyInstance } from "fastify";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";

export interface RecordsModuleDeps {
  db: Db;
  clock: Clock;
  dataMap: DataMap;
  vault: Vault;
}

/** Back office for the data map: record types, retention preview, legal holds, subjects. */
export function registerRecordsModule(_app: FastifyInstance, _deps: RecordsModuleDeps): void {}
