import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { z } from "zod";
import type { Db } from "../../core/db/database.ts";
import { AppError, csrfToken, pageContext, sendPage } from "../../core/http/index.ts";
import { findPolicyVersion, listPolicyVersions, type Policy } from "../../policy/index.ts";
import {
  type ConsentCookie,
  consentCookieName,
  inventoryVersion,
  parseConsentCookie,
} from "../consent/index.ts";
import { CookiePolicyPage, StatementPage, type VisitorChoice } from "./statement.pages.tsx";
import { statementSections } from "./statement-sections.ts";
import { changedSections, DiffPage, VersionsPage } from "./versions.pages.tsx";

/**
 * The statement only changes with the policy, so each page is rendered once per policy content
 * and language. The pages carry no nonce (no inline script or style), so the HTML is shareable.
 * /cookies is not among them: it shows the visitor's own choice.
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

export interface StatementDeps {
  policy: () => Policy;
  /** The content hash of policy(), kept by the store, so no request has to compute it. */
  policyHash: () => string;
  db: Db;
}

export function registerStatementRoutes(app: FastifyInstance, deps: StatementDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  let cache = new RenderedPages(deps.policyHash());
  const pagesFor = () => {
    const hash = deps.policyHash();
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
      return pagesFor().send(reply, `privacy:${context.locale}:${revealEmail}`, () =>
        h(StatementPage, { context, policy, revealEmail }),
      );
    },
  );

  const hashParams = z.object({ hash: z.string().regex(/^[0-9a-f]{16}$/) });

  typed.get("/privacy/versions", async (request, reply) =>
    sendPage(
      reply,
      h(VersionsPage, {
        context: pageContext(request, reply),
        versions: await listPolicyVersions(deps.db),
        currentHash: deps.policyHash(),
      }),
    ),
  );

  typed.get(
    "/privacy/versions/:hash",
    { schema: { params: hashParams } },
    async (request, reply) => {
      const found = await findPolicyVersion(deps.db, request.params.hash);
      if (!found) throw new AppError("not_found");
      const current = deps.policyHash() === request.params.hash;
      return sendPage(
        reply,
        h(StatementPage, {
          context: pageContext(request, reply),
          policy: found.policy,
          revealEmail: false,
          olderVersionOf: current ? undefined : found.version.effectiveDate,
        }),
      );
    },
  );

  typed.get(
    "/privacy/versions/:hash/diff",
    {
      schema: {
        params: hashParams,
        querystring: z.object({ against: z.string().regex(/^[0-9a-f]{16}$/) }),
      },
    },
    async (request, reply) => {
      const [from, to] = await Promise.all([
        findPolicyVersion(deps.db, request.params.hash),
        findPolicyVersion(deps.db, request.query.against),
      ]);
      if (!from || !to) throw new AppError("not_found");
      const context = pageContext(request, reply);
      const changes = changedSections(
        statementSections(from.policy, context.locale, context.t),
        statementSections(to.policy, context.locale, context.t),
      );
      return sendPage(reply, h(DiffPage, { context, from: from.version, to: to.version, changes }));
    },
  );

  // Not from the cache: the page shows this visitor's own choice and carries a form token.
  typed.get("/cookies", async (request, reply) => {
    const policy = deps.policy();
    const cookie = parseConsentCookie(request.cookies[consentCookieName]);
    return sendPage(
      reply,
      h(CookiePolicyPage, {
        context: pageContext(request, reply),
        policy,
        choice: visitorChoiceOf(cookie, inventoryVersion(policy)),
        csrf: csrfToken(reply),
      }),
    );
  });
}

/**
 * What the cookie says, as the page words it. A choice under another inventory version no longer
 * holds (the banner asks again), so it is shown as such rather than as consent.
 */
export function visitorChoiceOf(
  cookie: ConsentCookie | undefined,
  currentVersion: string,
): VisitorChoice {
  if (!cookie) return { state: "none" };
  const { consentId, decidedAt } = cookie;
  if (cookie.inventoryVersion !== currentVersion) {
    return { state: "outdated", consentId, decidedAt };
  }
  const allowedSome = Object.entries(cookie.choices).some(
    ([category, allowed]) => category !== "necessary" && allowed,
  );
  return { state: allowedSome ? "accepted" : "refused", consentId, decidedAt };
}
