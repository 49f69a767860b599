import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ConsentAsset, consentBundler } from "./consent-bundle.ts";
import type { ConsentDeps } from "./consent-deps.ts";

/** A year, for URLs whose `?v=` names their content: a new version is a new URL. */
const immutable = "public, max-age=31536000, immutable";
/**
 * The bare /consent.js URL sits in sites' HTML and cannot change; five minutes of cache, then an
 * ETag revalidation, puts a new inventory in front of visitors soon after it is activated.
 */
const revalidate = "public, max-age=300, must-revalidate";

/** /consent.js and /consent.css, built from web/consent with the policy's inventory baked in. */
export function registerConsentScriptRoutes(app: FastifyInstance, deps: ConsentDeps): void {
  const bundle = consentBundler({ policy: deps.policy, publicUrl: deps.config.PUBLIC_URL });
  // Loaded by every page of the company website: the global per-IP limit is for forms and
  // would cut off a visitor browsing fast, while the answers are cached and cheap.
  const routeConfig = { config: { rateLimit: false as const } };
  app.get("/consent.js", routeConfig, async (request, reply) =>
    sendAsset(request, reply, (await bundle()).script, "text/javascript; charset=utf-8"),
  );
  app.get("/consent.css", routeConfig, async (request, reply) =>
    sendAsset(request, reply, (await bundle()).css, "text/css; charset=utf-8"),
  );
}

function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  asset: ConsentAsset,
  contentType: string,
) {
  const etag = `"${asset.version}"`;
  const { v } = request.query as { v?: unknown };
  reply
    .header("content-type", contentType)
    .header("etag", etag)
    .header("cache-control", v === asset.version ? immutable : revalidate)
    // Helmet answers same-origin by default, which would stop every other site from loading
    // the banner with a script or link tag.
    .header("cross-origin-resource-policy", "cross-origin");
  if (request.headers["if-none-match"] === etag) return reply.code(304).send();
  return reply.send(asset.body);
}
