export { DemoRefusedError } from "./assert-no-data.ts";
export { type DemoClock, demoClock } from "./demo-clock.ts";
export { demoSummaryText } from "./demo-summary-text.ts";
export type { DemoDeps, DemoTally } from "./demo-world.ts";
export {
  type DemoProgress,
  type DemoSummary,
  demoAdmin,
  demoTechnician,
  type SeedDemoOptions,
  seedDemo,
} from "./seed-demo.ts";
