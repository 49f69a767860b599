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
  app.addHook("preHandler", async (request, reply) => {
    if (!needsCsrfCheck(request)) return;
    await new Promise<void>((resolve, reject) => {
      app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
    });
  });
}

/**
 * Form posts from pages carry a token; the JSON API does not, because it never authenticates
 * with cookies, so a forged cross-site request gains nothing there.
 */
function needsCsrfCheck(request: FastifyRequest): boolean {
  return unsafeMethods.has(request.method) && !request.url.startsWith("/api/");
}

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body?._csrf;
  if (typeof fromBody === "string") return fromBody;
  // Multipart fields attached to the body arrive as { value }.
  if (fromBody && typeof fromBody === "object" && "value" in fromBody) {
    return String((fromBody as { value: unknown }).value);
  }
  const header = request.headers["x-csrf-token"];
  return typeof header === "string" ? header : undefined;
}

/** The hidden field every page form carries; also sets the signed secret cookie. */
export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
