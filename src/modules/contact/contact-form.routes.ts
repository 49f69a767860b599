import type { FastifyInstance } from "fastify";
import type { ContactModuleDeps } from "./contact-module-deps.ts";

/** The visitor's side: /contact and POST /api/contact. */
export function registerContactFormRoutes(_app: FastifyInstance, _deps: ContactModuleDeps): void {}
