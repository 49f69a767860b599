import type { FastifyInstance } from "fastify";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";

/** The visitor's side: sign-up form and API, confirmation link, preference centre, unsubscribe. */
export function registerNewsletterVisitorRoutes(
  _app: FastifyInstance,
  _deps: NewsletterModuleDeps,
): void {}
