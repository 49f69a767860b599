import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import type { BrowserContext, Page } from "playwright-core";
import { isBackOffice } from "../../src/modules/staff/index.ts";
import { screenshot, seriousViolations, viewports } from "./browser.ts";

export type Audience = "anonymous" | "admin";

/**
 * Every GET route without path parameters, from the running app's own catalogue, so a page added
 * later is checked without anyone remembering to list it. Back-office routes go to an admin,
 * except those open to anyone (login, setup), which a visitor sees signed out.
 */
export function pageRoutes(app: FastifyInstance, audience: Audience): string[] {
  const urls = app.routeCatalogue
    .filter((route) => route.method === "GET" && !/[:*]/.test(route.url))
    .filter((route) => {
      const signedOut = !isBackOffice(route.url) || route.config.permission === "public";
      return signedOut === (audience === "anonymous");
    })
    .map((route) => route.url);
  return [...new Set(urls)].sort();
}

/**
 * The response's content type: only HTML is a page. JSON, CSV, PDF, scripts and the like are
 * left out by what the server sends, not by a list someone has to keep.
 */
export async function contentTypeOf(context: BrowserContext, url: string): Promise<string> {
  const response = await context.request.get(url);
  return response.headers()["content-type"] ?? "";
}

/** axe at phone and desktop width (a serious or critical finding names the page and rule). */
export async function auditPage(page: Page, url: string, path: string): Promise<void> {
  const status = (await page.goto(url))?.status() ?? 0;
  // A rate-limited or failed answer is an error page: checking it would say nothing of the page.
  assert.ok(status > 0 && status < 500 && status !== 429, `${path} answered ${status}`);
  const name = path === "/" ? "root" : path.slice(1).replace(/[^a-zA-Z0-9]+/g, "-");
  for (const [width, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    assert.deepEqual(await seriousViolations(page), [], `${path} at ${width} width`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at ${width} width`);
    await screenshot(page, `page-${name}-${width}`);
  }
}
