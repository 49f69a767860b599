import type { FastifyInstance } from "fastify";
import type { ScannerDeps } from "./scanner-deps.ts";

/** Stub: the back office's /admin/quarantine pages. */
export function registerQuarantineAdminRoutes(_app: FastifyInstance, _deps: ScannerDeps): void {}
