import type { z } from "zod";
import type { MessageKey, MessageParams, Translate } from "../../core/i18n/index.ts";
import type { OrderProblem } from "./orders.service.ts";
import { checkVatNumber } from "./vat-number.ts";

/**
 * One thing wrong with an order, wherever it came from (the web shop's JSON, the back-office
 * form, a CSV row): the field's path in `orderSchema` (`billing.vatNumber`, `lines.2.quantity`)
 * and what the field expects, as a message key, so each channel words it in its reader's language.
 */
export interface OrderFieldProblem {
  path: (string | number)[];
  key: MessageKey;
  params?: MessageParams;
}

/**
 * What each field expects, said the same way whatever zod found wrong (missing, too long, not a
 * number): the person fixing it needs the rule, not the validator's vocabulary.
 */
const expectations: Record<string, { key: MessageKey; params?: MessageParams }> = {
  email: { key: "orders-admin.problem.email" },
  name: { key: "orders-admin.problem.required_max", params: { max: 200 } },
  company: { key: "orders-admin.problem.max", params: { max: 200 } },
  vatNumber: { key: "orders-admin.problem.max", params: { max: 40 } },
  street: { key: "orders-admin.problem.required_max", params: { max: 200 } },
  postalCode: { key: "orders-admin.problem.required_max", params: { max: 20 } },
  city: { key: "orders-admin.problem.required_max", params: { max: 100 } },
  country: { key: "orders-admin.problem.country" },
  description: { key: "orders-admin.problem.required_max", params: { max: 500 } },
  quantity: { key: "orders-admin.problem.quantity" },
  unitPrice: { key: "orders-admin.problem.unit_price" },
  vatRate: { key: "orders-admin.problem.vat_rate" },
  lines: { key: "orders-admin.problem.lines", params: { max: 200 } },
  customerNumber: { key: "orders-admin.problem.max", params: { max: 20 } },
  locale: { key: "orders-admin.problem.locale" },
  status: { key: "orders-admin.problem.status" },
};

/** The zod issues of `orderSchema` (or the API's extension of it), one problem per field. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): OrderFieldProblem[] {
  const seen = new Set<string>();
  const problems: OrderFieldProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter(
      (segment): segment is string | number => typeof segment !== "symbol",
    );
    const id = path.join(".");
    if (seen.has(id)) continue;
    seen.add(id);
    const field = [...path].reverse().find((segment) => typeof segment === "string");
    const expected = field ? expectations[field] : undefined;
    problems.push(
      expected
        ? { path, key: expected.key, ...(expected.params ? { params: expected.params } : {}) }
        : { path, key: path.length === 0 ? "orders-admin.problem.body" : "error.field.invalid" },
    );
  }
  return problems;
}

const vatKeys = {
  country: "orders-admin.problem.vat.country",
  format: "orders-admin.problem.vat.format",
  checksum: "orders-admin.problem.vat.checksum",
} as const satisfies Record<string, MessageKey>;

/** The business rules' refusals (see OrderInputError), in the same shape. */
export function problemsFromOrderError(problems: readonly OrderProblem[]): OrderFieldProblem[] {
  return problems.map((problem) =>
    problem.field === "billing.vatNumber"
      ? { path: ["billing", "vatNumber"], key: vatKeys[problem.code] }
      : { path: ["customerNumber"], key: "orders-admin.problem.customer_unknown" },
  );
}

/**
 * The VAT number's problem, if any, for a request the schema refused already: the person then
 * learns everything wrong in one go, not the VAT number after fixing the rest.
 */
export function vatNumberProblems(vatNumber: unknown): OrderFieldProblem[] {
  if (typeof vatNumber !== "string" || vatNumber.trim() === "" || vatNumber.length > 40) return [];
  const vat = checkVatNumber(vatNumber);
  return vat.ok ? [] : problemsFromOrderError([{ field: "billing.vatNumber", code: vat.problem }]);
}

export function problemText(t: Translate, problem: OrderFieldProblem): string {
  return t(problem.key, problem.params);
}
