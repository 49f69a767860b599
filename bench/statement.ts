import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../src/app.ts";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { createLogger } from "../src/core/log.ts";
import { loadActivePolicy, PolicyStore } from "../src/policy/index.ts";
import { openVault } from "../src/vault/index.ts";
import { openScratchDatabase } from "./scratch-database.ts";

interface Throughput {
  perSecond: number;
  p50Ms: number;
}

/** GETs a URL from 8 clients at once and reports requests per second. */
async function drive(url: string, total: number, language: string): Promise<Throughput> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next++;
      const t0 = performance.now();
      const response = await fetch(url, { headers: { "accept-language": language } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`status ${response.status} from ${url}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  latencies.sort((a, b) => a - b);
  return {
    perSecond: total / ((performance.now() - started) / 1000),
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
  };
}

/** `/privacy` (cached per policy version and language) against `/healthz` in the same app. */
export async function statementThroughput(total: number) {
  const database = await openScratchDatabase("pglite");
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-statement-")),
    RATE_LIMIT_PER_MINUTE: "100000",
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
  const vault = await openVault({ db: database.db, config, clock: systemClock });
  const { policy, source } = await loadActivePolicy(undefined);
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    log: createLogger({ level: "silent" }),
    vault,
    policies: await PolicyStore.open(database.db, { clock: systemClock, policy, source }),
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    await drive(`${address}/privacy`, 300, "nl");
    await drive(`${address}/healthz`, 300, "nl");
    const healthz = await drive(`${address}/healthz`, total, "nl");
    const privacy = await drive(`${address}/privacy`, total, "nl");
    const privacyFr = await drive(`${address}/privacy`, total, "fr");
    return { healthz, privacy, privacyFr };
  } finally {
    await app.close();
    await database.close();
  }
}
