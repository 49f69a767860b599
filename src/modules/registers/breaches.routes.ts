import type { FastifyInstance } from "fastify";
import type { RegistersDeps } from "./registers-deps.ts";

/** /admin/breaches: the breach register. */
export function registerBreachRoutes(_app: FastifyInstance, _deps: RegistersDeps): void {}
