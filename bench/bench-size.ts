/**
 * How big `npm run bench` makes its data. "quick" (the default) reruns every benchmark in under
 * 10 minutes on 2 cores, so it can be run before every release; "full" uses the sizes the issues
 * set their targets for (1,000,000 people, 100,000 readers), which takes the better part of an
 * hour. Ratios against each benchmark's baseline stay comparable; absolute times at quick size
 * are smaller, so compare a target only with a full run. Any BENCH_* variable set by hand wins.
 */
export const benchSizes = {
  quick: {
    BENCH_REQUESTS: 1000,
    BENCH_RUNS: 3,
    BENCH_SUBJECTS: 100_000,
    BENCH_VAULT_RECORDS: 1000,
    BENCH_LOOKUPS: 1000,
    BENCH_SWEEP_RECORDS: 100_000,
    BENCH_EXPORT_SUBJECTS: 100_000,
    BENCH_EXPORT_LOOKUPS: 100,
    BENCH_MAIL_MESSAGES: 2000,
    BENCH_NEWSLETTER_RECIPIENTS: 10_000,
    BENCH_ORDERS: 300,
    BENCH_RIGHTS_RUNS: 2,
    BENCH_CONSENT_LOADS: 10,
  },
  full: {
    BENCH_REQUESTS: 3000,
    BENCH_RUNS: 3,
    BENCH_SUBJECTS: 1_000_000,
    BENCH_VAULT_RECORDS: 2000,
    BENCH_LOOKUPS: 2000,
    BENCH_SWEEP_RECORDS: 1_000_000,
    BENCH_EXPORT_SUBJECTS: 1_000_000,
    BENCH_EXPORT_LOOKUPS: 200,
    BENCH_MAIL_MESSAGES: 5000,
    BENCH_NEWSLETTER_RECIPIENTS: 100_000,
    BENCH_ORDERS: 1000,
    BENCH_RIGHTS_RUNS: 3,
    BENCH_CONSENT_LOADS: 30,
  },
} as const;

export type BenchSize = keyof typeof benchSizes;

/** Fills in every size the environment leaves unset; returns the size in force. */
export function applyBenchSize(env: NodeJS.ProcessEnv): BenchSize {
  const size: BenchSize = env.BENCH_SIZE === "full" ? "full" : "quick";
  for (const [name, value] of Object.entries(benchSizes[size])) {
    env[name] ??= String(value);
  }
  return size;
}
