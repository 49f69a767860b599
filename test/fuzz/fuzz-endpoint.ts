import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import fc from "fast-check";
import type { TestApp } from "../helpers/app.ts";
import type { FuzzRequest } from "./fuzz-request.ts";

/** What one endpoint answered to its inputs. */
export interface FuzzOutcome {
  inputs: number;
  /** Status → how many answers had it. */
  statuses: Map<number, number>;
  slowestMs: number;
  /** Each input answered with a 5xx, a 1xx, a thrown error or nothing in time, described. */
  failures: string[];
}

/** Inject calls in flight at once: enough to overlap database work, few enough to stay fair. */
const concurrency = 50;

/**
 * Sends `runs` inputs drawn from `arbitrary` (reproducible from `seed`) to the app, `concurrency`
 * at a time, and records what came back. A request that takes longer than `timeoutMs` counts as
 * a hang.
 */
export async function fuzzEndpoint(
  t: TestApp,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  options: { runs: number; seed: number; timeoutMs: number },
): Promise<FuzzOutcome> {
  const outcome: FuzzOutcome = { inputs: 0, statuses: new Map(), slowestMs: 0, failures: [] };
  for (let offset = 0; offset < options.runs; offset += concurrency) {
    const inputs = fc.sample(arbitrary, {
      numRuns: Math.min(concurrency, options.runs - offset),
      seed: options.seed + offset,
    });
    await Promise.all(inputs.map((input) => sendOne(t, input, options.timeoutMs, outcome)));
    // The captured log would otherwise keep every line of the run; failures copied theirs.
    t.logs.length = 0;
    // On PGlite an inject settles in microtasks alone, so a loop of them never reaches the
    // event loop's check phase: every response's setImmediate (light-my-request) waits there,
    // holding its request, reply and logger. Yielding once a batch lets them run and go.
    await yieldToEventLoop();
  }
  return outcome;
}

async function sendOne(
  t: TestApp,
  input: FuzzRequest,
  timeoutMs: number,
  outcome: FuzzOutcome,
): Promise<void> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    const response = await Promise.race([t.app.inject(input), timeout]);
    outcome.inputs += 1;
    if (response === "timeout") {
      outcome.failures.push(`no answer within ${timeoutMs} ms: ${describeInput(input)}`);
      return;
    }
    const status = response.statusCode;
    outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1);
    outcome.slowestMs = Math.max(outcome.slowestMs, performance.now() - started);
    if (status < 200 || status >= 500) {
      const logged = t.logs
        .filter((line) => line.includes('"level":50'))
        .join("")
        .slice(0, 1_500);
      outcome.failures.push(`${status} for ${describeInput(input)}\nlogged: ${logged}`);
    }
  } catch (error) {
    outcome.inputs += 1;
    outcome.failures.push(`threw ${String(error)} for ${describeInput(input)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The input, short enough to read in a test report, exact enough to replay. */
export function describeInput(input: FuzzRequest): string {
  const cut = (text: string, max: number) =>
    text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  const headers = Object.fromEntries(
    Object.entries(input.headers).map(([name, value]) => [name, cut(value, 120)]),
  );
  const payload =
    input.payload === undefined
      ? ""
      : Buffer.isBuffer(input.payload)
        ? `base64:${cut(input.payload.toString("base64"), 600)}`
        : cut(input.payload, 600);
  return JSON.stringify({
    method: input.method,
    url: cut(input.url, 300),
    remoteAddress: input.remoteAddress,
    headers,
    payload,
  });
}

/** "200×9100 303×12 400×880", by status. */
export function histogram(statuses: Map<number, number>): string {
  return [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ");
}
