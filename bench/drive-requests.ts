export interface RoundTrip {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Sends `total` requests, `concurrency` at a time; request `i` is made by `init(i)` and must
 * answer `expected`. Throughput over the whole run, latency percentiles per request.
 */
export async function driveRequests(options: {
  url: string;
  total: number;
  concurrency: number;
  expected: number;
  init: (i: number) => RequestInit;
}): Promise<RoundTrip> {
  const { url, total, concurrency, expected, init } = options;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const response = await fetch(url, init(i));
      await response.arrayBuffer();
      if (response.status !== expected) throw new Error(`status ${response.status} from ${url}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: total, perSecond: total / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}
