import type { FastifyInstance } from "fastify";
import { registerBreachRoutes } from "./breaches.routes.ts";
import { registerDisclosureRoutes } from "./disclosures.routes.ts";
import { registerProcessorRoutes } from "./processors.routes.ts";
import type { RegistersDeps } from "./registers-deps.ts";

export { type BreachClockJobDeps, breachClockJob } from "./breach-clock.job.ts";
export { type MisuseReportInput, receiveMisuseReport } from "./breach-report.ts";
export type { NewDisclosure } from "./disclosure-form.ts";
export { recordPortabilityTransfer } from "./disclosure-transfer.ts";
export { recordDisclosure } from "./disclosures.service.ts";
export { disclosuresOfSubject } from "./disclosures-of-subject.ts";
export { type ProcessorReviewsJobDeps, processorReviewsJob } from "./processor-reviews.job.ts";
export {
  breaches,
  breachSubjects,
  disclosureSubjects,
  disclosures,
  processorContracts,
  registerReminders,
} from "./registers.tables.ts";
export type { RegistersDeps } from "./registers-deps.ts";

/** The statement's "Ontvangers van gegevens" and "Beveiliging": processors, disclosures, breaches. */
export function registerRegistersModule(app: FastifyInstance, deps: RegistersDeps): void {
  registerProcessorRoutes(app, deps);
  registerDisclosureRoutes(app, deps);
  registerBreachRoutes(app, deps);
}
