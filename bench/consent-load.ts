import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { loadConfig } from "../src/core/config.ts";
import { createLogger } from "../src/core/log.ts";
import { type RunningServer, startServer } from "../src/main.ts";
import { chromiumPath, hasChromium, launchChromium } from "../test/helpers/browser.ts";

/**
 * The same company page twice, served by the same server: once bare (the baseline) and once
 * with the one script tag an integrator adds for the banner. No other script, so whatever the
 * second page costs more is the banner's.
 */
function demoPage(withBanner: boolean): string {
  const text = "<p>Wij herstellen computers en netwerken voor kleine bedrijven in Vlaanderen.</p>";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo shop</title>
${withBanner ? '<script src="/consent.js" defer></script>' : ""}
</head>
<body>
<header><h1>Demo shop</h1></header>
<main>${text.repeat(12)}</main>
<footer><a href="#cookie-settings">Cookie settings</a></footer>
</body>
</html>`;
}

async function registerDemo(app: FastifyInstance): Promise<void> {
  app.get("/bench/page", async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(demoPage(false)),
  );
  app.get("/bench/page-with-banner", async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(demoPage(true)),
  );
}

interface Load {
  /** `loadEventEnd` of the navigation entry: from navigation start to the end of onload. */
  loadMs: number;
  /** CDP `ScriptDuration` gained during the visit: all JavaScript the renderer ran. */
  scriptMs: number;
  /** CDP `RecalcStyleDuration` + `LayoutDuration` gained during the visit. */
  styleLayoutMs: number;
  /** Cumulative layout shift (shifts right after input excluded, as browsers define it). */
  cls: number;
  /** The banner was in the page when the load event fired, so `loadMs` includes it. */
  bannerShown: boolean;
}

/** Runs in the page before any of its own scripts (CDP injection, so the CSP does not apply). */
function observeLayoutShift(): void {
  const recorded = window as unknown as { benchCls: number; benchBannerAtLoad: boolean };
  recorded.benchCls = 0;
  recorded.benchBannerAtLoad = false;
  // The banner mounts once its stylesheet loads, and a stylesheet holds back the load event.
  addEventListener("load", () => {
    recorded.benchBannerAtLoad = document.getElementById("wits-consent") !== null;
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
    }[]) {
      if (!entry.hadRecentInput) recorded.benchCls += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
}

type Metrics = Record<string, number>;

/**
 * One first visit: a fresh browser context, so an empty HTTP cache and no consent cookie, which
 * is exactly the visitor who sees the banner (a returning visitor with a cached script has
 * already chosen and gets no banner).
 */
async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(observeLayoutShift);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metrics = async (): Promise<Metrics> =>
      Object.fromEntries(
        (await cdp.send("Performance.getMetrics")).metrics.map((metric) => [
          metric.name,
          metric.value,
        ]),
      );
    const before = await metrics();
    await page.goto(url, { waitUntil: "load" });
    // Two frames after load, so a shift painted in the frame after onload is reported too.
    // The same evaluate runs on both pages, so its own script time cancels out in the difference.
    // No named helper inside: tsx would wrap it in a `__name` call the page does not have.
    const seen = await page.evaluate(
      () =>
        new Promise<{ loadMs: number; cls: number; bannerShown: boolean }>((resolve) => {
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const recorded = window as unknown as {
                benchCls: number;
                benchBannerAtLoad: boolean;
              };
              const [navigation] = performance.getEntriesByType("navigation") as unknown as {
                loadEventEnd: number;
              }[];
              resolve({
                loadMs: navigation?.loadEventEnd ?? Number.NaN,
                cls: recorded.benchCls,
                bannerShown: recorded.benchBannerAtLoad,
              });
            }),
          );
        }),
    );
    const after = await metrics();
    const gained = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    return {
      ...seen,
      scriptMs: gained("ScriptDuration"),
      styleLayoutMs: gained("RecalcStyleDuration") + gained("LayoutDuration"),
    };
  } finally {
    await context.close();
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
/** Nearest rank: with 30 loads, the 29th fastest. */
const p95 = (values: number[]) => sorted(values)[Math.ceil(values.length * 0.95) - 1] ?? 0;

export interface ConsentLoadSummary {
  loadMedianMs: number;
  loadP95Ms: number;
  scriptMedianMs: number;
  scriptP95Ms: number;
  styleLayoutMedianMs: number;
  maxCls: number;
  bannerShownIn: number;
  loads: number;
}

function summarise(loads: Load[]): ConsentLoadSummary {
  const of = (pick: (load: Load) => number) => loads.map(pick);
  return {
    loadMedianMs: median(of((load) => load.loadMs)),
    loadP95Ms: p95(of((load) => load.loadMs)),
    scriptMedianMs: median(of((load) => load.scriptMs)),
    scriptP95Ms: p95(of((load) => load.scriptMs)),
    styleLayoutMedianMs: median(of((load) => load.styleLayoutMs)),
    maxCls: Math.max(0, ...of((load) => load.cls)),
    bannerShownIn: loads.filter((load) => load.bannerShown).length,
    loads: loads.length,
  };
}

/**
 * `loads` first visits of each page after `warmups` of each (JIT, the server's first build of
 * the bundle), alternating bare and with-banner so drift on the machine hits both alike.
 */
export async function consentLoad(
  loads = Number(process.env.BENCH_CONSENT_LOADS ?? 30),
  warmups = 3,
): Promise<{ baseline: ConsentLoadSummary; banner: ConsentLoadSummary }> {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({
      config: loadConfig({
        DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-consent-")),
        PORT: "0",
        HOST: "127.0.0.1",
        JOBS_ENABLED: "false",
        RATE_LIMIT_PER_MINUTE: "100000",
      }),
      log: createLogger({ level: "silent" }),
      beforeListen: registerDemo,
    });
    browser = await launchChromium();
    const bare = `${server.url}/bench/page`;
    const withBanner = `${server.url}/bench/page-with-banner`;
    for (let i = 0; i < warmups; i++) {
      await loadOnce(browser, bare);
      await loadOnce(browser, withBanner);
    }
    const baseline: Load[] = [];
    const banner: Load[] = [];
    for (let i = 0; i < loads; i++) {
      baseline.push(await loadOnce(browser, bare));
      banner.push(await loadOnce(browser, withBanner));
    }
    return { baseline: summarise(baseline), banner: summarise(banner) };
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** What the banner adds to a first visit in chromium, against the same page without it. */
export async function printConsentLoadBenchmark(): Promise<void> {
  if (!hasChromium) {
    process.stdout.write(`\ncookie banner page load: skipped, no chromium at ${chromiumPath}\n`);
    return;
  }
  const { baseline, banner } = await consentLoad();
  process.stdout.write(
    `\ncookie banner page load in headless chromium, ${banner.loads} first visits each (fresh context: empty cache, no consent cookie), localhost\n`,
  );
  process.stdout.write(
    "| page | load event median ms | load event p95 ms | script median ms | script p95 ms | style+layout median ms | max CLS |\n|---|---|---|---|---|---|---|\n",
  );
  const row = (name: string, s: ConsentLoadSummary) =>
    `| ${name} | ${fixed(s.loadMedianMs)} | ${fixed(s.loadP95Ms)} | ${fixed(s.scriptMedianMs, 2)} | ${fixed(s.scriptP95Ms, 2)} | ${fixed(s.styleLayoutMedianMs, 2)} | ${fixed(s.maxCls, 4)} |\n`;
  process.stdout.write(row("demo page, no banner (baseline)", baseline));
  process.stdout.write(row('demo page + `<script src="/consent.js" defer>`', banner));
  const ratio = (a: number, b: number) => (b > 0 ? fixed(a / b, 2) : "n/a");
  process.stdout.write(
    `| ratio with / without | ${ratio(banner.loadMedianMs, baseline.loadMedianMs)} | ${ratio(banner.loadP95Ms, baseline.loadP95Ms)} | ${ratio(banner.scriptMedianMs, baseline.scriptMedianMs)} | ${ratio(banner.scriptP95Ms, baseline.scriptP95Ms)} | ${ratio(banner.styleLayoutMedianMs, baseline.styleLayoutMedianMs)} | |\n`,
  );
  process.stdout.write(
    `| banner adds (median − median) | ${fixed(banner.loadMedianMs - baseline.loadMedianMs)} | ${fixed(banner.loadP95Ms - baseline.loadP95Ms)} | ${fixed(banner.scriptMedianMs - baseline.scriptMedianMs, 2)} | ${fixed(banner.scriptP95Ms - baseline.scriptP95Ms, 2)} | ${fixed(banner.styleLayoutMedianMs - baseline.styleLayoutMedianMs, 2)} | |\n`,
  );
  const shifted = banner.maxCls > 0 || baseline.maxCls > 0;
  process.stdout.write(
    `banner in the page at the load event in ${banner.bannerShownIn} of ${banner.loads} visits; layout shift ${shifted ? "NOT 0 (the banner moves the page)" : "0 in every visit"}\n`,
  );
}
