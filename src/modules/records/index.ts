import type { FastifyInstance } from "fastify";
import { registerDataMapRoutes } from "./datamap.routes.ts";
import { registerHoldsRoutes } from "./holds.routes.ts";
import type { RecordsModuleDeps } from "./records-module-deps.ts";
import { registerRetentionRoutes } from "./retention.routes.ts";
import { registerSubjectRoutes } from "./subjects.routes.ts";

export type { RecordsModuleDeps } from "./records-module-deps.ts";
export { RetentionWhy } from "./retention-why.tsx";

/** Back office for the data map: record types, retention preview, legal holds, subjects. */
export function registerRecordsModule(app: FastifyInstance, deps: RecordsModuleDeps): void {
  registerDataMapRoutes(app, deps);
  registerRetentionRoutes(app, deps);
  registerHoldsRoutes(app, deps);
  registerSubjectRoutes(app, deps);
}
