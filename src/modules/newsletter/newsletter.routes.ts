import type { FastifyInstance } from "fastify";
import { registerCampaignAdminRoutes } from "./campaign-admin.routes.ts";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";
import { registerNewsletterVisitorRoutes } from "./newsletter-visitor.routes.ts";
import { registerSubscriberAdminRoutes } from "./subscriber-admin.routes.ts";

/** The newsletter: visitors' sign-up and preferences, staff campaigns and subscribers. */
export function registerNewsletterModule(app: FastifyInstance, deps: NewsletterModuleDeps): void {
  registerNewsletterVisitorRoutes(app, deps);
  registerCampaignAdminRoutes(app, deps);
  registerSubscriberAdminRoutes(app, deps);
}
