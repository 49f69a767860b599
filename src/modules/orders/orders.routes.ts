import type { FastifyInstance } from "fastify";
import { registerInvoiceDownloadRoutes } from "./invoice-download.routes.ts";
import { registerOrdersAdminRoutes } from "./orders-admin.routes.ts";
import { registerOrdersApiRoutes } from "./orders-api.routes.ts";
import type { OrdersModuleDeps } from "./orders-deps.ts";
import { registerOrdersImportRoutes } from "./orders-import.routes.ts";

/** Orders: the web shop's API, the back office (entry, life cycle, invoices), CSV import. */
export function registerOrdersModule(app: FastifyInstance, deps: OrdersModuleDeps): void {
  registerOrdersApiRoutes(app, deps);
  registerOrdersAdminRoutes(app, deps);
  registerOrdersImportRoutes(app, deps);
  registerInvoiceDownloadRoutes(app, deps);
}
