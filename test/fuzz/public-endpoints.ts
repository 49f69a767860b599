import type { FastifyInstance } from "fastify";
import { isBackOffice } from "../../src/modules/staff/index.ts";

export interface PublicEndpoint {
  method: string;
  url: string;
}

export const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every route a visitor can reach without a session, from the app's own route catalogue, so a
 * new public route is fuzzed without editing the test: everything outside the back office, and
 * the back-office routes that declare themselves "public" (login, setup link). HEAD routes are
 * the GET handlers again; their GET endpoint sends a share of its inputs as HEAD.
 */
export function publicEndpoints(app: FastifyInstance): PublicEndpoint[] {
  const seen = new Set<string>();
  const endpoints: PublicEndpoint[] = [];
  for (const route of app.routeCatalogue) {
    if (route.method === "HEAD") continue;
    if (isBackOffice(route.url) && route.config.permission !== "public") continue;
    const key = endpointName(route);
    if (seen.has(key)) continue;
    seen.add(key);
    endpoints.push({ method: route.method, url: route.url });
  }
  return endpoints;
}

export function endpointName(endpoint: PublicEndpoint): string {
  return `${endpoint.method} ${endpoint.url}`;
}
