import type { FastifyInstance } from "fastify";
import { h } from "preact";
import type { Config } from "../../core/config.ts";
import { pageContext, sendPage } from "../../core/http/index.ts";
import type { Policy } from "../../policy/index.ts";
import { SecurityPage } from "./security.pages.tsx";
import { securityTxt } from "./security-txt.ts";

export interface SecurityDeps {
  config: Pick<Config, "PUBLIC_URL">;
  policy: () => Policy;
}

/** /security for people and /.well-known/security.txt for researchers' tools. */
export function registerSecurityRoutes(app: FastifyInstance, deps: SecurityDeps): void {
  app.get("/.well-known/security.txt", async (_request, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(securityTxt(deps.policy(), deps.config.PUBLIC_URL)),
  );
  app.get("/security", async (request, reply) =>
    sendPage(
      reply,
      h(SecurityPage, { context: pageContext(request, reply), policy: deps.policy() }),
    ),
  );
}
