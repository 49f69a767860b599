import { performance } from "node:perf_hooks";
import {
  type EvaluationResult,
  evaluateScanner,
  readLabelledTexts,
} from "../src/modules/scanner/evaluation.ts";
import { scanText } from "../src/modules/scanner/index.ts";

const fixtures = "test/fixtures/sensitive-data";
const minimumConfidence = 0.5;

/** The labelled texts of both sets, repeated to a few MB: Dutch, French and English as in intake. */
function mixedCorpus(targetBytes: number): string {
  const texts = [
    ...readLabelledTexts(`${fixtures}/eval.jsonl`),
    ...readLabelledTexts(`${fixtures}/holdout.jsonl`),
  ].map((labelled) => labelled.text);
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i += 1) {
    const text = texts[i % texts.length] ?? "";
    parts.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  return parts.join("\n\n");
}

function megabytesPerSecond(corpus: string, scan: (text: string) => unknown): number {
  const bytes = Buffer.byteLength(corpus);
  scan(corpus.slice(0, 100_000));
  const started = performance.now();
  scan(corpus);
  return bytes / 2 ** 20 / ((performance.now() - started) / 1000);
}

/** The naive filter a scanner replaces: one case-insensitive keyword regex, no checksums. */
const keywordPattern =
  /\b(?:wachtwoord|password|mot de passe|rijksregister|diabetes|kanker|zwanger|moslim|vakbond|syndicat|union|ans|jaar)\b/gi;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function messageLatencies(corpus: string): { p50: number; p95: number; p99: number } {
  const messages: string[] = [];
  for (let at = 0; at + 2048 <= corpus.length && messages.length < 2000; at += 2048) {
    messages.push(corpus.slice(at, at + 2048));
  }
  for (const message of messages.slice(0, 200)) scanText(message, { minimumConfidence });
  const times = messages.map((message) => {
    const started = performance.now();
    scanText(message, { minimumConfidence });
    return performance.now() - started;
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
  };
}

function qualityTable(name: string, result: EvaluationResult): string {
  const rows = result.perType.map(
    (score) =>
      `| ${name} | ${score.type} | ${score.truePositives + score.falseNegatives} | ${score.precision.toFixed(2)} | ${score.recall.toFixed(2)} | ${score.f2.toFixed(2)} |`,
  );
  return [
    ...rows,
    `| ${name} | **macro F2** | ${result.texts} texts | | | **${result.macroF2.toFixed(3)}** |`,
  ].join("\n");
}

/** Issue 13: ≥ 20 MB/s, p95 < 1 ms for 2 KB, macro F2 ≥ 0.90, identifier recall ≥ 0.95. */
export async function printScannerBenchmark(): Promise<void> {
  const corpus = mixedCorpus(4 * 2 ** 20);
  const scanner = megabytesPerSecond(corpus, (text) => scanText(text, { minimumConfidence }));
  const baseline = megabytesPerSecond(corpus, (text) => text.match(keywordPattern));
  const latency = messageLatencies(corpus);
  process.stdout.write(
    "sensitive-data scanner on 4 MiB of the labelled texts (nl/fr/en), one pass\n| what | MB/s | p50 ms / 2 KB | p95 ms / 2 KB | p99 ms / 2 KB |\n|---|---|---|---|---|\n",
  );
  process.stdout.write(
    `| scanText (all detectors) | ${scanner.toFixed(1)} | ${latency.p50.toFixed(3)} | ${latency.p95.toFixed(3)} | ${latency.p99.toFixed(3)} |\n`,
  );
  process.stdout.write(`| one keyword regex (baseline) | ${baseline.toFixed(1)} | | | |\n`);
  process.stdout.write(`| scanner / baseline | ${(scanner / baseline).toFixed(2)} | | | |\n\n`);
  process.stdout.write(
    "quality per type at the policy's minimum confidence (0.5), a text counts once per type\n| set | type | positives | precision | recall | F2 |\n|---|---|---|---|---|---|\n",
  );
  for (const set of ["eval", "holdout"]) {
    const result = evaluateScanner(
      readLabelledTexts(`${fixtures}/${set}.jsonl`),
      minimumConfidence,
    );
    process.stdout.write(`${qualityTable(set, result)}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await printScannerBenchmark();
