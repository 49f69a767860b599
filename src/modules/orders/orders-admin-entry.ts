import { isLocale, type Locale } from "../../core/i18n/index.ts";
import { type OrderRequest, orderSchema } from "./orders.schema.ts";
import {
  type OrderFieldProblem,
  problemsFromIssues,
  vatNumberProblems,
} from "./orders-admin-problems.ts";

/**
 * The phone or counter order form works without JavaScript: it shows a fixed number of empty
 * line rows, a button asks for more, and rows left empty are ignored.
 */
export const entryRows = { initial: 5, step: 5, max: 50 } as const;

/** The form's billing fields, named by their path in `orderSchema`. */
export const billingFieldNames = [
  "billing.email",
  "billing.name",
  "billing.company",
  "billing.vatNumber",
  "customerNumber",
  "billing.address.street",
  "billing.address.postalCode",
  "billing.address.city",
  "billing.address.country",
] as const;
export const lineFieldNames = ["description", "quantity", "unitPrice", "vatRate"] as const;
export type LineFieldName = (typeof lineFieldNames)[number];

export const lineField = (row: number, field: LineFieldName) => `lines.${row}.${field}`;

/** What the staff member typed, capped, keyed by field name; `rows` is how many line rows show. */
export interface EntryForm {
  values: Record<string, string>;
  rows: number;
}

const maxValueLength = 1_000;

/** Reads a posted form (strings, or arrays when a name repeats) into the entry form's values. */
export function readEntryForm(body: unknown): EntryForm {
  const values: Record<string, string> = {};
  if (typeof body === "object" && body !== null) {
    for (const [name, value] of Object.entries(body)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === "string") values[name] = first.slice(0, maxValueLength);
    }
  }
  const asked = Number.parseInt(values.rows ?? "", 10);
  const rows = Number.isInteger(asked)
    ? Math.min(Math.max(asked, entryRows.initial), entryRows.max)
    : entryRows.initial;
  return { values, rows };
}

export type ParsedEntry =
  | { ok: true; request: OrderRequest; locale: Locale }
  | { ok: false; problems: OrderFieldProblem[] };

/**
 * The form as an order request. A problem in a line names the row on the form, not its place
 * among the rows filled in, so it appears beside the field that caused it.
 */
export function parseEntryForm(form: EntryForm, fallbackLocale: Locale): ParsedEntry {
  const text = (name: string) => (form.values[name] ?? "").trim();
  const optional = (name: string) => text(name) || undefined;
  const filled: number[] = [];
  for (let row = 0; row < form.rows; row++) {
    if (["description", "quantity", "unitPrice"].some((field) => text(`lines.${row}.${field}`))) {
      filled.push(row);
    }
  }
  const parsed = orderSchema.safeParse({
    billing: {
      email: text("billing.email"),
      name: text("billing.name"),
      company: optional("billing.company"),
      vatNumber: optional("billing.vatNumber"),
      address: {
        street: text("billing.address.street"),
        postalCode: text("billing.address.postalCode"),
        city: text("billing.address.city"),
        country: text("billing.address.country"),
      },
    },
    lines: filled.map((row) => ({
      description: text(lineField(row, "description")),
      quantity: text(lineField(row, "quantity")),
      unitPrice: text(lineField(row, "unitPrice")),
      // Empty must not become 0 % through coercion.
      vatRate: optional(lineField(row, "vatRate")),
    })),
    customerNumber: optional("customerNumber"),
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: [
        ...vatNumberProblems(text("billing.vatNumber")),
        ...problemsFromIssues(parsed.error.issues).map((problem) => {
          const [first, index, ...rest] = problem.path;
          return first === "lines" && typeof index === "number"
            ? { ...problem, path: ["lines", filled[index] ?? index, ...rest] }
            : problem;
        }),
      ],
    };
  }
  const locale = text("locale");
  return { ok: true, request: parsed.data, locale: isLocale(locale) ? locale : fallbackLocale };
}
