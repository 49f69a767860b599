import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { pageContext, sendPage } from "../../core/http/index.ts";
import { HomePage } from "./site.pages.tsx";

export function registerSiteRoutes(app: FastifyInstance): void {
  app.get("/", async (request, reply) =>
    sendPage(reply, h(HomePage, { context: pageContext(request, reply) })),
  );
}
