import type { FastifyContextConfig } from "fastify";
import type { Locale, Translate } from "../i18n/index.ts";

/** What the core adds to every Fastify request and to the app instance. */
declare module "fastify" {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
  interface FastifyInstance {
    site: SiteIdentity;
    routeCatalogue: RouteEntry[];
  }
  interface FastifyContextConfig {
    /** This page route reads a multipart form with readMultipartForm, which checks its CSRF token. */
    multipartForm?: boolean;
  }
}

export interface SiteIdentity {
  /** Shown in every page's header and title; from the policy file once it lands. */
  organisationName: string;
}

export interface RouteEntry {
  method: string;
  url: string;
  config: FastifyContextConfig;
}
