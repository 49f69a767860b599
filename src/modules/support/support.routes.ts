import type { FastifyInstance } from "fastify";
import type { SupportModuleDeps } from "./support-deps.ts";

/** Remote support: the technician's session pages and the customer's /support/connect. */
export function registerSupportModule(_app: FastifyInstance, _deps: SupportModuleDeps): void {}
