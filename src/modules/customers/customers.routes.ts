import type { FastifyInstance } from "fastify";
import { registerCustomersAdminRoutes } from "./customers-admin.routes.ts";
import type { CustomersModuleDeps } from "./customers-deps.ts";

/** Staff: customers, their agreements, people, dossier and tickets, and everything held on them. */
export function registerCustomersModule(app: FastifyInstance, deps: CustomersModuleDeps): void {
  registerCustomersAdminRoutes(app, deps);
}
