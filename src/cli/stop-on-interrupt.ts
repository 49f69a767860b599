/**
 * Ctrl-C stops a long command between batches instead of killing it mid-way: what it did is
 * whole, summed up, and the next run goes on. `release` puts the default behaviour back.
 */
export function stopOnInterrupt(): { signal: AbortSignal; release: () => void } {
  const stop = new AbortController();
  const interrupt = () => {
    process.stderr.write("\nstopping after the current batch…\n");
    stop.abort();
  };
  process.once("SIGINT", interrupt);
  return { signal: stop.signal, release: () => process.off("SIGINT", interrupt) };
}
