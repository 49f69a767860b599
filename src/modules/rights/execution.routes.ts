import type { FastifyInstance } from "fastify";
import type { RightsDeps } from "./rights-deps.ts";

export function registerExecutionRoutes(_app: FastifyInstance, _deps: RightsDeps): void {
  // Filled in by the part of the module that owns these routes.
}
