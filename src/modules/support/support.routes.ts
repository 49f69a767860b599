import type { FastifyInstance } from "fastify";
import { registerSupportAdminRoutes } from "./support-admin.routes.ts";
import { sessionCodeShelf } from "./support-admin-codes.ts";
import { registerSupportConnectRoutes } from "./support-connect.routes.ts";
import type { SupportModuleDeps } from "./support-deps.ts";

/** Remote support: the technician's session pages and the customer's /support/connect. */
export function registerSupportModule(app: FastifyInstance, deps: SupportModuleDeps): void {
  // Per app, like the password store: the code of a waiting session, to show it again.
  registerSupportAdminRoutes(app, deps, sessionCodeShelf(deps.clock));
  registerSupportConnectRoutes(app, deps);
}
