import type { FastifyInstance } from "fastify";
import type { RegistersDeps } from "./registers-deps.ts";

/** /admin/processors: the processors register. */
export function registerProcessorRoutes(_app: FastifyInstance, _deps: RegistersDeps): void {}
