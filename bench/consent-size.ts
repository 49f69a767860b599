import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { transform } from "esbuild";
import { consentBundler } from "../src/modules/consent/consent-bundle.ts";
import { loadActivePolicy } from "../src/policy/index.ts";

/** 5 KB gzipped for script and stylesheet together (issue 12). */
const budgetBytes = 5 * 1024;

interface Measured {
  name: string;
  jsBytes: number;
  cssBytes: number;
}

const gzipped = (text: string) => gzipSync(text).length;

/**
 * Every banner measured the same way: minified by esbuild (already-minified files stay about
 * the same), then gzip at zlib's default level, which is what a server or CDN typically sends.
 */
async function measureFiles(name: string, jsFile: string, cssFile: string): Promise<Measured> {
  const js = await transform(await readFile(jsFile, "utf8"), { loader: "js", minify: true });
  const css = await transform(await readFile(cssFile, "utf8"), { loader: "css", minify: true });
  return { name, jsBytes: gzipped(js.code), cssBytes: gzipped(css.code) };
}

/**
 * The comparison libraries are dev dependencies for this benchmark only; without them the
 * table says how to add them instead of failing the whole run.
 */
async function measurePackage(
  name: string,
  packageName: string,
  jsPath: string,
  cssPath: string,
): Promise<Measured | string> {
  let root: string;
  try {
    root = path.dirname(createRequire(import.meta.url).resolve(`${packageName}/package.json`));
  } catch {
    return `${name}: skipped, not installed (npm install --save-dev ${packageName})`;
  }
  return measureFiles(name, path.join(root, jsPath), path.join(root, cssPath));
}

/** Size of /consent.js + /consent.css as served for the default policy, beside two peers. */
export async function printConsentSizeBenchmark(): Promise<void> {
  const { policy } = await loadActivePolicy(undefined);
  const bundle = await consentBundler({
    policy: () => policy,
    publicUrl: "https://privacy.example",
  })();
  const ours: Measured = {
    name: "WITS consent.js (texts in 3 languages and the cookie inventory included)",
    jsBytes: gzipped(bundle.script.body),
    cssBytes: gzipped(bundle.css.body),
  };
  const peers = [
    await measurePackage(
      "vanilla-cookieconsent (library only, no config or texts)",
      "vanilla-cookieconsent",
      "dist/cookieconsent.umd.js",
      "dist/cookieconsent.css",
    ),
    await measurePackage(
      "Klaro (library with its bundled translations, no config)",
      "klaro",
      "dist/klaro-no-css.js",
      "dist/klaro.css",
    ),
  ];
  const total = (measured: Measured) => measured.jsBytes + measured.cssBytes;
  process.stdout.write(
    `\ncookie banner size, minified and gzipped (budget ${budgetBytes} bytes in total)\n`,
  );
  process.stdout.write(
    "| banner | js bytes | css bytes | total bytes | ratio to WITS |\n|---|---|---|---|---|\n",
  );
  for (const measured of [ours, ...peers]) {
    if (typeof measured === "string") continue;
    process.stdout.write(
      `| ${measured.name} | ${measured.jsBytes} | ${measured.cssBytes} | ${total(measured)} | ${(total(measured) / total(ours)).toFixed(2)} |\n`,
    );
  }
  for (const skipped of peers.filter((peer) => typeof peer === "string")) {
    process.stdout.write(`${skipped}\n`);
  }
  const verdict = total(ours) <= budgetBytes ? "within" : "OVER";
  process.stdout.write(
    `WITS banner: ${total(ours)} bytes, ${verdict} the ${budgetBytes}-byte budget\n`,
  );
}
