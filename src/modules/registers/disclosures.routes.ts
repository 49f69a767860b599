import type { FastifyInstance } from "fastify";
import type { RegistersDeps } from "./registers-deps.ts";

/** /admin/disclosures: the disclosure log. */
export function registerDisclosureRoutes(_app: FastifyInstance, _deps: RegistersDeps): void {}
