import type { FastifyInstance } from "fastify";
import type { ContactModuleDeps } from "./contact-module-deps.ts";

/** The staff inbox: /admin/contact. */
export function registerContactAdminRoutes(_app: FastifyInstance, _deps: ContactModuleDeps): void {}
