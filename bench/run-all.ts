import os from "node:os";
import type { DatabaseKind } from "../src/core/db/database.ts";
import { coldStart } from "./cold-start.ts";
import { printConsentLoadBenchmark } from "./consent-load.ts";
import { printConsentSizeBenchmark } from "./consent-size.ts";
import { printContactBenchmarks } from "./contact-intake.ts";
import { printCustomerPageBenchmark } from "./customer-page.ts";
import { printExportBenchmarks } from "./export.ts";
import { formRoundTrip } from "./form-roundtrip.ts";
import { printMailDeliveryBenchmarks } from "./mail-delivery.ts";
import { printNewsletterEnqueueBenchmark } from "./newsletter-enqueue.ts";
import { printOrdersBenchmark } from "./orders.ts";
import { benchRetentionSweep, formatSweepBench, type SweepBenchResult } from "./retention-sweep.ts";
import { printRightsAnswerBenchmark } from "./rights-answer.ts";
import { printScannerBenchmark } from "./scanner.ts";
import { statementThroughput } from "./statement.ts";
import { printVaultBenchmarks } from "./vault.ts";

/**
 * `npm run bench` (through run.ts, which sets the sizes): each result is a ratio against a
 * baseline measured in the same run, so the numbers compare across machines. Set DATABASE_URL to
 * include PostgreSQL. Every section's time is printed at the end.
 */
const size = (name: string) => Number(process.env[name]);
const requests = size("BENCH_REQUESTS");
const runs = size("BENCH_RUNS");
const benchStarted = performance.now();
const sectionTimes: { name: string; seconds: number }[] = [];
let sectionStarted = performance.now();

/** Closes the section that ran since the last call, for the timing table at the end. */
function sectionDone(name: string): void {
  const now = performance.now();
  sectionTimes.push({ name, seconds: (now - sectionStarted) / 1000 });
  sectionStarted = now;
}
const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

const fixed = (n: number, digits = 0) => n.toFixed(digits);

process.stdout.write(
  `date: ${new Date().toISOString().slice(0, 10)}\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${fixed(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n`,
);
process.stdout.write("form post round trip (validate, insert, respond), 8 concurrent clients\n");
process.stdout.write(
  "| database | bare Fastify req/s | app req/s | app / bare | app p50 ms | app p99 ms |\n|---|---|---|---|---|---|\n",
);
for (const kind of kinds) {
  const result = await formRoundTrip(kind, requests);
  process.stdout.write(
    `| ${kind} | ${fixed(result.bare.perSecond)} | ${fixed(result.app.perSecond)} | ${fixed(result.ratio, 2)} | ${fixed(result.app.p50Ms, 1)} | ${fixed(result.app.p99Ms, 1)} |\n`,
  );
}

sectionDone("form post round trip");
process.stdout.write(`\ncold start on an existing data dir, median of ${runs}\n`);
const start = await coldStart(runs);
process.stdout.write(
  "| what | start to /healthz ms | server RSS MiB (idle, 3 s after start) |\n|---|---|---|\n",
);
process.stdout.write(
  `| npm start (PGlite) | ${fixed(start.product.coldStartMs)} | ${fixed(start.product.serverRssMiB)} |\n`,
);
process.stdout.write(
  `| bare Fastify via tsx (baseline) | ${fixed(start.bare.coldStartMs)} | ${fixed(start.bare.serverRssMiB)} |\n`,
);
process.stdout.write(
  `| ratio | ${fixed(start.product.coldStartMs / start.bare.coldStartMs, 2)} | ${fixed(start.product.serverRssMiB / start.bare.serverRssMiB, 2)} |\n`,
);

sectionDone("cold start");
const statement = await statementThroughput(requests);
process.stdout.write(
  "\n/privacy (rendered once per policy version and language, then served from memory) against /healthz, 8 concurrent clients, PGlite\n",
);
process.stdout.write("| route | req/s | p50 ms | ratio to /healthz |\n|---|---|---|---|\n");
for (const [route, result] of [
  ["/healthz", statement.healthz],
  ["/privacy (nl)", statement.privacy],
  ["/privacy (fr)", statement.privacyFr],
] as const) {
  process.stdout.write(
    `| ${route} | ${fixed(result.perSecond)} | ${fixed(result.p50Ms, 1)} | ${fixed(result.perSecond / statement.healthz.perSecond, 2)} |\n`,
  );
}

sectionDone("statement");
await printVaultBenchmarks(kinds);
sectionDone("vault");

const sweeps: SweepBenchResult[] = [];
for (const kind of kinds) {
  for (const method of ["delete", "shred"] as const) {
    sweeps.push(await benchRetentionSweep(kind, { records: size("BENCH_SWEEP_RECORDS"), method }));
  }
}
process.stdout.write(`\n${formatSweepBench(sweeps)}\n`);
sectionDone("retention sweep");

await printExportBenchmarks(kinds);
sectionDone("locate and export");

await printContactBenchmarks(kinds, requests);
sectionDone("contact intake");

await printMailDeliveryBenchmarks(kinds, size("BENCH_MAIL_MESSAGES"));
sectionDone("outbox delivery");

await printNewsletterEnqueueBenchmark(kinds, size("BENCH_NEWSLETTER_RECIPIENTS"));
sectionDone("newsletter enqueue");

await printOrdersBenchmark(kinds, size("BENCH_ORDERS"));
sectionDone("complete and invoice");

await printCustomerPageBenchmark(kinds);
sectionDone("customer page");
process.stdout.write("\n");
await printRightsAnswerBenchmark(kinds);
sectionDone("rights request answered");
process.stdout.write("\n");
await printConsentSizeBenchmark();
sectionDone("cookie banner size");
process.stdout.write("\n");
await printConsentLoadBenchmark();
sectionDone("cookie banner page load");
process.stdout.write("\n");
await printScannerBenchmark();
sectionDone("sensitive-data scanner");

process.stdout.write("\ntime per benchmark\n| benchmark | s |\n|---|---|\n");
for (const section of sectionTimes) {
  process.stdout.write(`| ${section.name} | ${fixed(section.seconds)} |\n`);
}
process.stdout.write(
  `| **whole run** | **${fixed((performance.now() - benchStarted) / 1000)}** |\n`,
);
