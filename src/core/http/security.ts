import { randomBytes } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";
import { AppError } from "./app-error.ts";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface SecurityOptions {
  config: Config;
  secureCookies: boolean;
}

export async function registerSecurity(
  app: FastifyInstance,
  { config, secureCookies }: SecurityOptions,
): Promise<void> {
  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: secureCookies ? [] : null,
      },
    },
    hsts: secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
  });

  await app.register(fastifyRateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError("rate_limited", {
        params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });

  await app.register(fastifyCookie, {
    // Without COOKIE_SECRET a per-process secret still protects forms; they expire on restart.
    secret: config.COOKIE_SECRET ?? randomBytes(32).toString("hex"),
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: "_csrf",
    cookieOpts: { path: "/", sameSite: "lax", httpOnly: true, secure: secureCookies, signed: true },
    getToken: csrfTokenOf,
  });
  // preValidation: after the body is parsed, before it is validated, so a forged post learns
  // nothing about which fields would have been accepted.
  app.addHook("preValidation", async (request, reply) => {
    if (!needsCsrfCheck(request)) return;
    if (isMultipart(request)) {
      // A multipart body is streamed, so its token is checked by readMultipartForm, as the first
      // part; a page route that did not opt in to reading it that way refuses multipart.
      if (request.routeOptions.config.multipartForm !== true) throw new AppError("csrf");
      return;
    }
    await checkCsrf(app, request, reply);
  });
}

const tokensFromMultipart = new WeakMap<FastifyRequest, string>();

/** Verifies a token read from a multipart body (see readMultipartForm). */
export async function verifyMultipartCsrf(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): Promise<void> {
  tokensFromMultipart.set(request, token);
  await checkCsrf(request.server, request, reply);
}

function checkCsrf(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Form posts from pages carry a token; the JSON API does not, because it never authenticates
 * with cookies, so a forged cross-site request gains nothing there. An unknown route gets its
 * 404, not a 403.
 */
function needsCsrfCheck(request: FastifyRequest): boolean {
  return unsafeMethods.has(request.method) && !isApi(request) && !request.is404;
}

export function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

function isMultipart(request: FastifyRequest): boolean {
  return (request.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
}

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const fromMultipart = tokensFromMultipart.get(request);
  if (fromMultipart !== undefined) return fromMultipart;
  const fromBody = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof fromBody === "string") return fromBody;
  const header = request.headers["x-csrf-token"];
  return typeof header === "string" ? header : undefined;
}

/** The hidden field every page form carries; also sets the signed secret cookie. */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
