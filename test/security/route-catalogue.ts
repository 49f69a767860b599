import { randomUUID } from "node:crypto";
import type { RouteEntry } from "../../src/core/http/index.ts";

export const unsafeMethods: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** "GET /admin/contact/:id": how the security suites name a route. */
export function routeKey(route: Pick<RouteEntry, "method" | "url">): string {
  return `${route.method} ${route.url}`;
}

/** The names of a route pattern's parameters: `:id`, `:subjectId`, … */
export function paramsOf(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? "");
}

/**
 * A URL for a route pattern: each parameter from `values`, else a fresh UUID (a token-shaped
 * string for `:token`), so nothing real is hit by accident; a wildcard becomes one segment.
 */
export function concreteUrl(pattern: string, values: Record<string, string> = {}): string {
  return pattern
    .replace(/:([A-Za-z]+)/g, (_whole, name: string) => {
      const value = values[name] ?? (name === "token" ? "A".repeat(43) : randomUUID());
      return encodeURIComponent(value);
    })
    .replace(/\*$/, "x");
}

/**
 * The product's own rule (core/http/security.ts): a form post from a page carries a CSRF token,
 * the JSON API under /api/ does not, because it never authenticates with cookies.
 */
export function isFormPost(route: Pick<RouteEntry, "method" | "url">): boolean {
  return unsafeMethods.has(route.method) && !route.url.startsWith("/api/");
}
