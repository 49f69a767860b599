import type { MessageKey } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import { parseScheduleTime } from "../newsletter/index.ts";

/**
 * Staff type local times: the organisation is Belgian, and the 72-hour clock must start at the
 * moment the officer means, not at the server's UTC.
 */
export const breachTimeZone = "Europe/Brussels";

/** Every Art. 33(3) and 33(5) fact of a breach, as the edit form sends them. */
export interface BreachFields {
  title: string;
  nature: string;
  discoveredAt: Date | null;
  categories: string[];
  approxPeople: number | null;
  approxRecords: number | null;
  consequences: string;
  measures: string;
  highRisk: boolean;
  authorityNotifiedAt: Date | null;
  authorityReference: string | null;
  authorityReasoning: string;
  peopleNotifiedAt: Date | null;
  peopleReasoning: string;
}

export const breachFieldNames = [
  "title",
  "nature",
  "discoveredAt",
  "categories",
  "approxPeople",
  "approxRecords",
  "consequences",
  "measures",
  "highRisk",
  "authorityNotifiedAt",
  "authorityReference",
  "authorityReasoning",
  "peopleNotifiedAt",
  "peopleReasoning",
] as const satisfies readonly (keyof BreachFields)[];
export type BreachFieldName = (typeof breachFieldNames)[number];

/** What the officer typed, as typed: shown back when something is wrong. */
export type BreachFormValues = Partial<Record<Exclude<BreachFieldName, "categories">, string>> & {
  categories?: string[];
};

export type BreachProblems = Partial<Record<BreachFieldName, MessageKey>>;

export type ParsedBreach =
  | { ok: true; fields: BreachFields }
  | { ok: false; problems: BreachProblems };

const textLimit = 10_000;

/** The data categories of every purpose of the policy, each id once, for the checkboxes. */
export function policyDataCategories(policy: Policy) {
  const seen = new Map<string, Policy["purposes"][number]["dataCategories"][number]["label"]>();
  for (const purpose of policy.purposes) {
    for (const category of purpose.dataCategories) {
      if (!seen.has(category.id)) seen.set(category.id, category.label);
    }
  }
  return [...seen].map(([id, label]) => ({ id, label }));
}

/** Reads the form body into its typed values, keeping lists of checkboxes as lists. */
export function breachFormValues(body: Record<string, unknown>): BreachFormValues {
  const values: BreachFormValues = {};
  for (const name of breachFieldNames) {
    const raw = body[name];
    if (name === "categories") {
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      values.categories = list.filter((item): item is string => typeof item === "string");
    } else if (typeof raw === "string") {
      values[name] = raw.slice(0, textLimit + 1);
    }
  }
  return values;
}

/**
 * Checks the form against what the register may hold: a discovery time in the past (the clock
 * starts there), a notification no earlier than the discovery, whole counts, known categories.
 */
export function parseBreachFields(
  values: BreachFormValues,
  context: { now: Date; knownCategories: ReadonlySet<string> },
): ParsedBreach {
  const problems: BreachProblems = {};
  const text = (name: Exclude<BreachFieldName, "categories">) => (values[name] ?? "").trim();
  const title = text("title");
  if (title === "" || title.length > 200) problems.title = "breaches.error.title";
  for (const name of [
    "nature",
    "consequences",
    "measures",
    "authorityReasoning",
    "peopleReasoning",
  ] as const) {
    if (text(name).length > textLimit) problems[name] = "breaches.error.too_long";
  }
  const time = (name: "discoveredAt" | "authorityNotifiedAt" | "peopleNotifiedAt") => {
    const value = text(name);
    if (value === "") return null;
    const at = parseScheduleTime(value, breachTimeZone);
    if (!at) problems[name] = "breaches.error.time";
    else if (at.getTime() > context.now.getTime()) problems[name] = "breaches.error.future";
    return at ?? null;
  };
  const discoveredAt = time("discoveredAt");
  const authorityNotifiedAt = time("authorityNotifiedAt");
  const peopleNotifiedAt = time("peopleNotifiedAt");
  for (const [name, at] of [
    ["authorityNotifiedAt", authorityNotifiedAt],
    ["peopleNotifiedAt", peopleNotifiedAt],
  ] as const) {
    if (at && discoveredAt && at.getTime() < discoveredAt.getTime() && !problems[name]) {
      problems[name] = "breaches.error.before_discovery";
    }
  }
  const count = (name: "approxPeople" | "approxRecords") => {
    const value = text(name);
    if (value === "") return null;
    if (!/^\d{1,9}$/.test(value)) {
      problems[name] = "breaches.error.count";
      return null;
    }
    return Number(value);
  };
  const approxPeople = count("approxPeople");
  const approxRecords = count("approxRecords");
  const categories = [...new Set(values.categories ?? [])];
  if (categories.some((id) => !context.knownCategories.has(id))) {
    problems.categories = "breaches.error.categories";
  }
  const authorityReference = text("authorityReference");
  if (authorityReference.length > 200) problems.authorityReference = "breaches.error.too_long";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      title,
      nature: text("nature"),
      discoveredAt,
      categories,
      approxPeople,
      approxRecords,
      consequences: text("consequences"),
      measures: text("measures"),
      highRisk: text("highRisk") === "yes",
      authorityNotifiedAt,
      authorityReference: authorityReference === "" ? null : authorityReference,
      authorityReasoning: text("authorityReasoning"),
      peopleNotifiedAt,
      peopleReasoning: text("peopleReasoning"),
    },
  };
}
