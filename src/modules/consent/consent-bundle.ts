import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";
import type { Policy } from "../../policy/index.ts";
import { inventoryVersion, optionalCategories } from "./inventory-version.ts";

const webDir = fileURLToPath(new URL("../../../web/consent/", import.meta.url));

/** One built file, with what its HTTP answer needs. */
export interface ConsentAsset {
  body: string;
  /** Short content hash: the ETag, and the `?v=` that makes a URL cacheable for a year. */
  version: string;
}

export interface ConsentBundle {
  script: ConsentAsset;
  css: ConsentAsset;
}

/**
 * The config baked into /consent.js; the same shape as ConsentConfig in
 * web/consent/consent-config.ts (browser and server code cannot import each other).
 */
export function bannerConfig(
  policy: Pick<Policy, "cookies" | "consent">,
  publicUrl: string,
  cssVersion: string,
) {
  const categories = ["necessary", ...optionalCategories(policy)].map((id) => ({
    id,
    cookies: policy.cookies
      .filter((cookie) => cookie.category === id)
      .map(({ name, provider, purpose, duration }) => ({ name, provider, purpose, duration })),
  }));
  return {
    inventoryVersion: inventoryVersion(policy),
    lifetimeDays: policy.consent.lifetimeDays,
    apiUrl: publicUrl.replace(/\/+$/, ""),
    cssVersion,
    categories,
  };
}

const versionOf = (body: string) => createHash("sha256").update(body).digest("hex").slice(0, 12);

/**
 * Builds the banner with esbuild on first request and keeps it while the policy's cookie texts
 * stay the same: a new policy version with another inventory gets a new script at once, and
 * requests that arrive during a build share it. Building at run time, not at install, is what
 * lets the privacy officer change the inventory without a release.
 */
export function consentBundler(options: {
  policy: () => Pick<Policy, "cookies" | "consent">;
  publicUrl: string;
}): () => Promise<ConsentBundle> {
  let css: Promise<ConsentAsset> | undefined;
  let cached: { key: string; bundle: Promise<ConsentBundle> } | undefined;
  const buildCss = async (): Promise<ConsentAsset> => {
    const source = await readFile(`${webDir}consent.css`, "utf8");
    const { code } = await transform(source, { loader: "css", minify: true });
    return { body: code, version: versionOf(code) };
  };
  return () => {
    css ??= buildCss().catch((error: unknown) => {
      css = undefined;
      throw error;
    });
    const cssBuilt = css;
    const policy = options.policy();
    const key = JSON.stringify([policy.cookies, policy.consent.lifetimeDays]);
    if (cached?.key !== key) {
      const bundle = cssBuilt.then(async (built) => {
        const config = bannerConfig(policy, options.publicUrl, built.version);
        const script = await buildScript(config);
        return { script: { body: script, version: versionOf(script) }, css: built };
      });
      const entry = { key, bundle };
      cached = entry;
      // A failed build is tried again on the next request rather than served as an error forever.
      bundle.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.bundle;
  };
}

async function buildScript(config: ReturnType<typeof bannerConfig>): Promise<string> {
  const result = await build({
    entryPoints: [`${webDir}consent.ts`],
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    // Browsers since 2020 (Chrome 80, Firefox 72, Safari 13.1): native ?. and ?? keep it small.
    target: "es2020",
    platform: "browser",
    legalComments: "none",
    // The texts stay readable UTF-8 (served with charset=utf-8) instead of longer \u escapes.
    charset: "utf8",
    logLevel: "silent",
    define: { __WITS_CONSENT__: JSON.stringify(config) },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no consent.js");
  return output.text;
}
