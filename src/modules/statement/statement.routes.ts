import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { z } from "zod";
import { pageContext } from "../../core/http/index.ts";
import type { Policy } from "../../policy/policy.schema.ts";
import { CookiePolicyPage, StatementPage } from "./statement.pages.tsx";

/**
 * The statement only changes with the policy, so each page is rendered once per policy content
 * and language. The pages carry no nonce (no inline script or style), so the HTML is shareable.
 */
class RenderedPages {
  readonly #pages = new Map<string, string>();

  constructor(readonly policyHash: string) {}

  send<Props>(reply: FastifyReply, key: string, render: () => VNode<Props>): FastifyReply {
    let html = this.#pages.get(key);
    if (html === undefined) {
      html = `<!doctype html>${renderToString(render() as VNode)}`;
      this.#pages.set(key, html);
    }
    return reply.type("text/html; charset=utf-8").send(html);
  }
}

export function policyHashOf(policy: Policy): string {
  return createHash("sha256").update(JSON.stringify(policy)).digest("hex").slice(0, 16);
}

export function registerStatementRoutes(
  app: FastifyInstance,
  deps: { policy: () => Policy },
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  let cache = new RenderedPages(policyHashOf(deps.policy()));
  const pagesFor = (policy: Policy) => {
    const hash = policyHashOf(policy);
    if (cache.policyHash !== hash) cache = new RenderedPages(hash);
    return cache;
  };

  typed.get(
    "/privacy",
    { schema: { querystring: z.object({ contact: z.literal("show").optional() }).loose() } },
    async (request, reply) => {
      const policy = deps.policy();
      const revealEmail = request.query.contact === "show";
      // The address only appears after a visitor asked for it; search engines need not keep it.
      if (revealEmail) reply.header("x-robots-tag", "noindex");
      const context = pageContext(request, reply);
      return pagesFor(policy).send(reply, `privacy:${context.locale}:${revealEmail}`, () =>
        h(StatementPage, { context, policy, revealEmail }),
      );
    },
  );

  typed.get("/cookies", async (request, reply) => {
    const policy = deps.policy();
    const context = pageContext(request, reply);
    return pagesFor(policy).send(reply, `cookies:${context.locale}`, () =>
      h(CookiePolicyPage, { context, policy }),
    );
  });
}
