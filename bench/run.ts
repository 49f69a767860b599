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
 * `npm run bench`: each result is a ratio against a baseline measured in the same run, so the
 * numbers compare across machines. Set DATABASE_URL to include PostgreSQL. BENCH_REQUESTS and
 * BENCH_RUNS make it longer or shorter.
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

const fixed = (n: number, digits = 0) => n.toFixed(digits);

process.stdout.write(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${fixed(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n\n`,
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

await printVaultBenchmarks(kinds);

const sweeps: SweepBenchResult[] = [];
for (const kind of kinds) {
  for (const method of ["delete", "shred"] as const) {
    sweeps.push(await benchRetentionSweep(kind, { records: 1_000_000, method }));
  }
}
process.stdout.write(`\n${formatSweepBench(sweeps)}\n`);

await printExportBenchmarks(kinds);

await printContactBenchmarks(kinds, requests);

await printMailDeliveryBenchmarks(kinds, 5000);

await printNewsletterEnqueueBenchmark(kinds, 100_000);

await printOrdersBenchmark(kinds, 1000);

await printCustomerPageBenchmark(kinds);
process.stdout.write("\n");
await printRightsAnswerBenchmark(kinds);
process.stdout.write("\n");
await printConsentSizeBenchmark();
process.stdout.write("\n");
await printConsentLoadBenchmark();
process.stdout.write("\n");
await printScannerBenchmark();
