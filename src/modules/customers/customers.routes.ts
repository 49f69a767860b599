import type { FastifyInstance } from "fastify";
import type { CustomersModuleDeps } from "./customers-deps.ts";

/** Staff: customers, their agreements, people, dossier and tickets, and everything held on them. */
export function registerCustomersModule(_app: FastifyInstance, _deps: CustomersModuleDeps): void {}
