import type { FastifyInstance } from "fastify";
import type { ConsentDeps } from "./consent-deps.ts";

export function registerConsentApiRoutes(_app: FastifyInstance, _deps: ConsentDeps): void {
  // Filled in by the part of the module that owns these routes.
}
