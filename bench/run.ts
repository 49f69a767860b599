import { applyBenchSize } from "./bench-size.ts";

// The benchmark modules read their sizes from the environment when they load, so the sizes are
// set before run-all.ts (and everything it imports) is loaded.
const size = applyBenchSize(process.env);
process.stdout.write(`size: ${size} (BENCH_SIZE=full for the sizes the targets are set for)\n`);
await import("./run-all.ts");
