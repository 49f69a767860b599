import type { FastifyInstance } from "fastify";
import type { OrdersModuleDeps } from "./orders-deps.ts";

/** Orders: the web shop's API, the back office (entry, life cycle, invoices), CSV import. */
export function registerOrdersModule(_app: FastifyInstance, _deps: OrdersModuleDeps): void {}
