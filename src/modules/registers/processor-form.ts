import { z } from "zod";
import type { MessageKey, MessageParams } from "../../core/i18n/index.ts";
import {
  isInEea,
  type Policy,
  type Processor,
  type TransferBasis,
  transferBases,
} from "../../policy/index.ts";

/** A ticked box arrives as a string, several as an array, none as nothing. */
const ticked = z
  .union([z.string().max(64), z.array(z.string().max(64)).max(200)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const typed = (max: number) => z.string().max(max).optional().default("");

/** The form as posted; lengths are checked here loosely and in words below. */
export const processorFormBody = z.object({
  _csrf: z.string().optional(),
  /** The policy version the form was filled in against (lost-update guard). */
  base: typed(64),
  name: typed(1000),
  service_nl: typed(2000),
  service_en: typed(2000),
  service_fr: typed(2000),
  country: typed(100),
  transferBasis: typed(100),
  contractDate: typed(100),
  reviewDate: typed(100),
  purposes: ticked,
  dataCategories: ticked,
});

/** What the officer typed, shown again when it is refused. */
export type ProcessorFormValues = Omit<z.infer<typeof processorFormBody>, "_csrf">;

export const processorFields = [
  "name",
  "service_nl",
  "service_en",
  "service_fr",
  "country",
  "transferBasis",
  "contractDate",
  "reviewDate",
  "purposes",
  "dataCategories",
] as const;
export type ProcessorField = (typeof processorFields)[number];

export interface FieldMessage {
  key: MessageKey;
  params?: MessageParams;
}
export type ProcessorFormProblems = Partial<Record<ProcessorField, FieldMessage>>;

export function formValuesOf(processor: Processor | undefined, base: string): ProcessorFormValues {
  return {
    base,
    name: processor?.name ?? "",
    service_nl: processor?.service.nl ?? "",
    service_en: processor?.service.en ?? "",
    service_fr: processor?.service.fr ?? "",
    country: processor?.country ?? "",
    transferBasis: processor?.transferBasis ?? "",
    contractDate: processor?.contractDate ?? "",
    reviewDate: processor?.reviewDate ?? "",
    purposes: processor?.purposes ?? [],
    dataCategories: processor?.dataCategories ?? [],
  };
}

const maxName = 200;
const maxService = 500;
const isoDay = z.iso.date();

/**
 * The processor the form describes, or what is wrong with each field in the officer's words.
 * The policy check runs again on the whole policy afterwards; these are the mistakes a form
 * lets one make, caught first so the message names the field instead of a YAML path.
 */
export function readProcessorForm(
  values: ProcessorFormValues,
  policy: Policy,
  editing: string | undefined,
): { processor: Processor } | { problems: ProcessorFormProblems } {
  const problems: ProcessorFormProblems = {};
  const name = values.name.trim();
  const service = {
    nl: values.service_nl.trim(),
    en: values.service_en.trim(),
    fr: values.service_fr.trim(),
  };
  const country = values.country.trim().toUpperCase();
  const contractDate = values.contractDate.trim();
  const reviewDate = values.reviewDate.trim();

  problems.name = textProblem(name, maxName);
  if (!problems.name && name !== editing && policy.processors.some((p) => p.name === name)) {
    problems.name = { key: "processors.error.duplicate" };
  }
  for (const locale of ["nl", "en", "fr"] as const) {
    problems[`service_${locale}`] = textProblem(service[locale], maxService);
  }
  if (!/^[A-Z]{2}$/.test(country)) problems.country = { key: "processors.error.country" };
  const basis = basisOf(values.transferBasis);
  if (basis === "unknown") problems.transferBasis = { key: "processors.error.basis_unknown" };
  else if (!problems.country && !isInEea(country) && !basis) {
    problems.transferBasis = { key: "processors.error.basis" };
  }
  if (!isoDay.safeParse(contractDate).success)
    problems.contractDate = { key: "processors.error.date" };
  if (reviewDate && !isoDay.safeParse(reviewDate).success) {
    problems.reviewDate = { key: "processors.error.date" };
  }
  const purposes = [...new Set(values.purposes)];
  const known = policy.purposes.filter((purpose) => purposes.includes(purpose.id));
  if (purposes.length === 0 || known.length !== purposes.length) {
    problems.purposes = { key: "processors.error.purposes" };
  }
  const dataCategories = [...new Set(values.dataCategories)];
  problems.dataCategories = categoryProblem(dataCategories, known);

  const found = Object.fromEntries(
    Object.entries(problems).filter(([, problem]) => problem !== undefined),
  );
  if (Object.keys(found).length > 0) return { problems: found };
  return {
    processor: {
      name,
      service,
      country,
      ...(basis && basis !== "unknown" && !isInEea(country) ? { transferBasis: basis } : {}),
      contractDate,
      ...(reviewDate ? { reviewDate } : {}),
      purposes,
      dataCategories,
    },
  };
}

function textProblem(value: string, max: number): FieldMessage | undefined {
  if (value === "") return { key: "processors.error.required" };
  if (value.length > max) return { key: "processors.error.too_long", params: { max } };
  return undefined;
}

function basisOf(value: string): TransferBasis | "unknown" | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return (transferBases as readonly string[]).includes(trimmed)
    ? (trimmed as TransferBasis)
    : "unknown";
}

function categoryProblem(
  ids: readonly string[],
  purposes: Policy["purposes"],
): FieldMessage | undefined {
  if (ids.length === 0) return { key: "processors.error.categories" };
  const collected = new Set(purposes.flatMap((purpose) => purpose.dataCategories.map((c) => c.id)));
  const strays = ids.filter((id) => !collected.has(id));
  if (strays.length === 0) return undefined;
  return { key: "processors.error.category", params: { ids: strays.join(", ") } };
}
