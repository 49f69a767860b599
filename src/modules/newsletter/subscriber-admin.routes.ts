import type { FastifyInstance } from "fastify";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";

/** Staff: the subscriber list, consent history, CSV import, and the bounce endpoint. */
export function registerSubscriberAdminRoutes(
  _app: FastifyInstance,
  _deps: NewsletterModuleDeps,
): void {}
