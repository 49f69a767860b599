import type { BreachFields } from "./breach-fields.ts";

/**
 * Test-only: the facts of a breach as the register first records it, before anyone has weighed
 * the consequences or notified anyone; tests override what they are about.
 */
export function breachFacts(overrides: Partial<BreachFields> & Pick<BreachFields, "title">) {
  const facts: BreachFields = {
    nature: "",
    discoveredAt: null,
    categories: [],
    approxPeople: null,
    approxRecords: null,
    consequences: "",
    measures: "",
    highRisk: false,
    authorityNotifiedAt: null,
    authorityReference: null,
    authorityReasoning: "",
    peopleNotifiedAt: null,
    peopleReasoning: "",
    ...overrides,
  };
  return facts;
}
