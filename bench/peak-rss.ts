import { readFileSync, writeFileSync } from "node:fs";

/**
 * Wall time and the highest RSS while the work ran. Linux resets the process's high-water mark on
 * request, which catches a peak inside one long PGlite statement that no timer could sample:
 * PGlite runs on this thread. Elsewhere the lifetime peak is the best there is.
 */
export async function sampled<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; peakRssMiB: number }> {
  const resettable = resetPeakRss();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const peak = resettable ? highWaterMarkKiB() : process.resourceUsage().maxRSS;
  return { value, ms, peakRssMiB: peak / 1024 };
}

function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function highWaterMarkKiB(): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0);
}
