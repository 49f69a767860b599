import type { FastifyInstance } from "fastify";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";

/** Staff: campaigns and service notices, with preview, test send, scheduling and progress. */
export function registerCampaignAdminRoutes(
  _app: FastifyInstance,
  _deps: NewsletterModuleDeps,
): void {}
