import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { appendAudit } from "../../audit/index.ts";
import {
  isLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
} from "../../core/i18n/index.ts";
import { orderSchema } from "./orders.schema.ts";
import { OrderInputError } from "./orders.service.ts";
import {
  type OrderFieldProblem,
  problemsFromIssues,
  problemsFromOrderError,
} from "./orders-admin-problems.ts";
import { type PlacedStatus, placedStatuses, placeOrder } from "./orders-api-place-order.ts";
import type { OrdersDeps } from "./orders-deps.ts";
import { checkVatNumber } from "./vat-number.ts";

/** One row per order line; rows with the same `order_ref` are one order. */
export const orderImportColumns = [
  "order_ref",
  "email",
  "name",
  "company",
  "vat_number",
  "street",
  "postal_code",
  "city",
  "country",
  "description",
  "quantity",
  "unit_price",
  "vat_rate",
  "status",
  "locale",
] as const;
type Column = (typeof orderImportColumns)[number];
export const optionalImportColumns: readonly Column[] = [
  "company",
  "vat_number",
  "status",
  "locale",
];
const requiredColumns = orderImportColumns.filter(
  (column) => !optionalImportColumns.includes(column),
);
/** Columns about the order, not the line: the same on every row of an order, or left empty. */
const orderColumns: readonly Column[] = [
  "email",
  "name",
  "company",
  "vat_number",
  "street",
  "postal_code",
  "city",
  "country",
  "status",
  "locale",
];
export const maxImportLines = 5_000;
const maxProblemsShown = 20;
const maxReferenceLength = 100;

/** Where a field of `orderSchema` comes from in the file. */
const columnOfField: Record<string, Column> = {
  email: "email",
  name: "name",
  company: "company",
  vatNumber: "vat_number",
  street: "street",
  postalCode: "postal_code",
  city: "city",
  country: "country",
  description: "description",
  quantity: "quantity",
  unitPrice: "unit_price",
  vatRate: "vat_rate",
  lines: "order_ref",
};

export interface OrderImportProblem {
  /** The line in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  column?: string | undefined;
  key: MessageKey;
  params?: MessageParams | undefined;
}

export type OrderImportResult =
  | { status: "imported"; orders: number; invoices: number; skipped: number }
  | { status: "refused"; problems: OrderImportProblem[] };

interface Row {
  line: number;
  record: Record<string, string>;
}

interface PlannedOrder {
  reference: string;
  line: number;
  input: Parameters<typeof placeOrder>[1];
}

class ImportRefused extends Error {
  constructor(readonly problems: OrderImportProblem[]) {
    super("the import was refused");
  }
}

/**
 * Imports orders from a CSV file, all or nothing: every row is checked first (VAT numbers
 * included) and any problem refuses the whole file, naming the line; then every order is placed
 * in one transaction. Each order's idempotency key is its `order_ref` with the file's hash, so
 * uploading the same file again creates nothing twice.
 */
export async function importOrders(
  deps: OrdersDeps,
  input: { csv: Buffer; staffId: string },
): Promise<OrderImportResult> {
  const planned = planOrders(input.csv, input.staffId);
  if ("problems" in planned) return { status: "refused", problems: planned.problems };
  const fileHash = createHash("sha256").update(input.csv).digest("hex");
  try {
    return await deps.db.transaction(async (tx) => {
      const scoped: OrdersDeps = { ...deps, db: tx };
      let created = 0;
      let invoiced = 0;
      let skipped = 0;
      for (const order of planned.orders) {
        const placed = await placeOrder(scoped, {
          ...order.input,
          idempotencyKey: `import:${fileHash}:${order.reference}`,
        }).catch((error: unknown) => {
          if (!(error instanceof OrderInputError)) throw error;
          throw new ImportRefused(
            problemsFromOrderError(error.problems).map((problem) => atLine(order.line, problem)),
          );
        });
        if (placed.replayed) {
          skipped++;
          continue;
        }
        created++;
        if (placed.invoiceNumber) invoiced++;
      }
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor: { type: "staff", id: input.staffId },
          action: "orders.imported",
          purpose: "orders",
          details: { orders: created, invoices: invoiced, skipped },
        },
      });
      return { status: "imported" as const, orders: created, invoices: invoiced, skipped };
    });
  } catch (error) {
    if (error instanceof ImportRefused) return { status: "refused", problems: error.problems };
    throw error;
  }
}

function atLine(line: number, problem: OrderFieldProblem, fallback?: Column): OrderImportProblem {
  const field = [...problem.path].reverse().find((segment) => typeof segment === "string");
  return {
    line,
    column: (field ? columnOfField[field] : undefined) ?? fallback,
    key: problem.key,
    params: problem.params,
  };
}

function planOrders(
  csv: Buffer,
  staffId: string,
): { orders: PlannedOrder[] } | { problems: OrderImportProblem[] } {
  const read = readRows(csv);
  if ("problems" in read) return read;
  const groups = new Map<string, Row[]>();
  const problems: OrderImportProblem[] = [];
  for (const row of read.rows) {
    const reference = row.record.order_ref ?? "";
    if (reference === "" || reference.length > maxReferenceLength) {
      problems.push({
        line: row.line,
        column: "order_ref",
        key: "orders-admin.import.problem.reference",
        params: { max: maxReferenceLength },
      });
      continue;
    }
    const rows = groups.get(reference) ?? [];
    rows.push(row);
    groups.set(reference, rows);
  }
  const orders: PlannedOrder[] = [];
  for (const [reference, rows] of groups) {
    const planned = planOrder(reference, rows, staffId);
    if ("problems" in planned) problems.push(...planned.problems);
    else orders.push(planned);
  }
  if (problems.length > 0) {
    return {
      problems: problems.sort((a, b) => a.line - b.line).slice(0, maxProblemsShown),
    };
  }
  return { orders };
}

function readRows(csv: Buffer): { rows: Row[] } | { problems: OrderImportProblem[] } {
  const text = csv.toString("utf8");
  const header = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  // Excel in Belgium writes semicolons, elsewhere commas; guessed from the header alone, because
  // "1,5" in a semicolon file is a quantity, not two cells.
  const delimiter = header.includes(";") ? ";" : ",";
  let names: string[] = [];
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      columns: (header: string[]) => {
        names = header.map((name) => name.trim().toLowerCase());
        return names;
      },
      delimiter,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    const line = Number((error as { lines?: unknown }).lines);
    return {
      problems: [
        { line: Number.isInteger(line) ? line : 0, key: "orders-admin.import.problem.file" },
      ],
    };
  }
  const unknown = names.filter((name) => !(orderImportColumns as readonly string[]).includes(name));
  const missing = requiredColumns.filter((column) => !names.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    return {
      problems: [
        {
          line: 1,
          key: "orders-admin.import.problem.columns",
          params: {
            missing: missing.join(", ") || "—",
            unknown: unknown.join(", ") || "—",
          },
        },
      ],
    };
  }
  if (parsed.length === 0) {
    return { problems: [{ line: 0, key: "orders-admin.import.problem.empty" }] };
  }
  if (parsed.length > maxImportLines) {
    return {
      problems: [
        {
          line: 0,
          key: "orders-admin.import.problem.too_many_lines",
          params: { max: maxImportLines },
        },
      ],
    };
  }
  return { rows: parsed.map((entry) => ({ line: entry.info.lines, record: entry.record })) };
}

function planOrder(
  reference: string,
  rows: readonly Row[],
  staffId: string,
): PlannedOrder | { problems: OrderImportProblem[] } {
  const [first, ...rest] = rows;
  if (!first) return { problems: [] };
  const value = (row: Row, column: Column) => row.record[column] ?? "";
  const problems: OrderImportProblem[] = [];
  for (const row of rest) {
    for (const column of orderColumns) {
      const given = value(row, column);
      if (given !== "" && given !== value(first, column)) {
        problems.push({
          line: row.line,
          column,
          key: "orders-admin.import.problem.differs",
          params: { first: first.line, reference },
        });
      }
    }
  }
  const status = value(first, "status").toLowerCase() || "draft";
  if (!(placedStatuses as readonly string[]).includes(status)) {
    problems.push({ line: first.line, column: "status", key: "orders-admin.problem.status" });
  }
  const locale = value(first, "locale").toLowerCase() || "nl";
  if (!isLocale(locale)) {
    problems.push({ line: first.line, column: "locale", key: "orders-admin.problem.locale" });
  }
  const optional = (column: Column) => value(first, column) || undefined;
  const parsed = orderSchema.safeParse({
    billing: {
      email: value(first, "email"),
      name: value(first, "name"),
      company: optional("company"),
      vatNumber: optional("vat_number"),
      address: {
        street: value(first, "street"),
        postalCode: value(first, "postal_code"),
        city: value(first, "city"),
        country: value(first, "country"),
      },
    },
    lines: rows.map((row) => ({
      description: value(row, "description"),
      quantity: value(row, "quantity"),
      unitPrice: value(row, "unit_price"),
      // Empty must not become 0 % through coercion.
      vatRate: value(row, "vat_rate") || undefined,
    })),
  });
  if (!parsed.success) {
    for (const problem of problemsFromIssues(parsed.error.issues)) {
      const [head, index] = problem.path;
      const line = head === "lines" && typeof index === "number" ? rows[index]?.line : undefined;
      problems.push(atLine(line ?? first.line, problem, "order_ref"));
    }
  }
  const vatNumber = optional("vat_number");
  const vat = vatNumber ? checkVatNumber(vatNumber) : undefined;
  if (vat && !vat.ok) {
    const [problem] = problemsFromOrderError([{ field: "billing.vatNumber", code: vat.problem }]);
    if (problem) problems.push(atLine(first.line, problem));
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  return {
    reference,
    line: first.line,
    input: {
      channel: "import",
      request: parsed.data,
      locale: locale as Locale,
      actor: { type: "staff", id: staffId },
      status: status as PlacedStatus,
    },
  };
}
