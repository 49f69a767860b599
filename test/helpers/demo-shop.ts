import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";

/** Path of the company page that embeds the cookie banner, served by the test server. */
export const demoShopPath = "/demo-shop";

const fakeAnalytics = new URL("../fixtures/consent/fake-analytics.js", import.meta.url);

/**
 * A company page as the integrator writes it: one script tag for the banner, analytics (a fake
 * that sets `_ga` like gtag.js) held back as text/plain until consent, and a "cookie settings"
 * link in the footer. The product serves no such page itself; the company's own website does.
 */
export async function registerDemoShop(app: FastifyInstance): Promise<void> {
  const analytics = await readFile(fakeAnalytics, "utf8");
  app.get(demoShopPath, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(demoShopHtml()),
  );
  app.get(`${demoShopPath}/analytics.js`, async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").send(analytics),
  );
}

function demoShopHtml(): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Computerwinkel Demo</title>
<script src="/consent.js" defer></script>
<script type="text/plain" data-category="analytics" src="${demoShopPath}/analytics.js"></script>
</head>
<body>
<header><h1>Computerwinkel Demo</h1></header>
<main><p>Wij herstellen computers en netwerken voor kleine bedrijven in Vlaanderen.</p></main>
<footer><a href="#cookie-settings">Cookie-instellingen</a></footer>
</body>
</html>`;
}
