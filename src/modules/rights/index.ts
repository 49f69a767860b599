import type { FastifyInstance } from "fastify";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import { registerExportRoutes } from "./export.routes.ts";

export interface RightsModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  dataMap: DataMap;
  vault: Vault;
}

/** The person's side of the rights engine: downloading an access or portability package. */
export function registerRightsModule(app: FastifyInstance, deps: RightsModuleDeps): void {
  registerExportRoutes(app, { db: deps.db, vault: deps.vault, clock: deps.clock });
}
