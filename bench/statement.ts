import { buildBenchApp } from "./bench-app.ts";
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
  const app = await buildBenchApp(database);
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
