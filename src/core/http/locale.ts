import type { FastifyInstance } from "fastify";
import { defaultLocale, detectLocale, isLocale, translator } from "../i18n/index.ts";

export const LOCALE_COOKIE = "lang";

/** Decorates every request with its language and a `t()` bound to it. */
export function registerLocale(app: FastifyInstance, options: { secureCookies: boolean }): void {
  app.decorateRequest("locale", defaultLocale);
  app.decorateRequest("t", translator(defaultLocale));
  app.addHook("onRequest", async (request, reply) => {
    const query = (request.query as Record<string, unknown> | undefined)?.lang;
    request.locale = detectLocale({
      query,
      cookie: request.cookies[LOCALE_COOKIE],
      acceptLanguage: request.headers["accept-language"],
    });
    request.t = translator(request.locale);
    // A language picked with the switcher is remembered: a functional cookie, no consent needed.
    if (isLocale(query) && request.cookies[LOCALE_COOKIE] !== query) {
      reply.setCookie(LOCALE_COOKIE, query, {
        path: "/",
        maxAge: 60 * 60 * 24 * 365,
        sameSite: "lax",
        httpOnly: true,
        secure: options.secureCookies,
      });
    }
  });
}
