import { parse } from "csv-parse/sync";
import { z } from "zod";
import { appendAudit } from "../../audit/index.ts";
import { isLocale, type Locale } from "../../core/i18n/index.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import { grantTopics } from "./subscriber-store.ts";
import { topicWording } from "./topics.ts";

/** What a file's row must say; `consent_source` is where and how the person consented. */
export const importColumns = [
  "email",
  "name",
  "topics",
  "consent_source",
  "consent_date",
  "locale",
];
const requiredColumns = ["email", "topics", "consent_source"];
export const maxImportRows = 50_000;
const maxProblemsShown = 20;

export type ImportProblemCode =
  | "file"
  | "columns"
  | "too_many_rows"
  | "email"
  | "name"
  | "topics"
  | "consent_source"
  | "consent_date"
  | "locale";

export interface ImportProblem {
  /** The line in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  code: ImportProblemCode;
}

export type ImportResult =
  | { status: "imported"; rows: number }
  | { status: "refused"; problems: ImportProblem[] };

interface ImportRow {
  email: string;
  name: string;
  topics: string[];
  consentSource: string;
  consentDate?: Date | undefined;
  locale: Locale;
}

const email = z.email().max(320);
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Imports subscribers who consented elsewhere (a fair's sign-up sheet, an old tool). Every row
 * must say where the consent was given; one row without it refuses the whole file, so nobody
 * is mailed on a consent nobody can show. All or nothing, in one transaction.
 */
export async function importSubscribers(
  deps: NewsletterDeps,
  input: { csv: Buffer; staffId: string; defaultLocale: Locale },
): Promise<ImportResult> {
  const parsed = parseRows(deps, input.csv, input.defaultLocale);
  if ("problems" in parsed) return { status: "refused", problems: parsed.problems };
  const policy = deps.policy();
  await deps.db.transaction(async (tx) => {
    const scoped = { ...deps, db: tx };
    for (const row of parsed.rows) {
      const { subjectId } = await deps.vault.ensureSubject(tx, {
        email: row.email,
        name: row.name,
      });
      await grantTopics(scoped, {
        subjectId,
        name: row.name,
        email: row.email,
        locale: row.locale,
        grants: row.topics.map((topic) => ({
          topic,
          wording: topicWording(policy, topic, row.locale),
          source: "import" as const,
          sourceDetail: row.consentSource,
          policyVersion: deps.policyVersion(),
          requestedAt: row.consentDate,
        })),
      });
    }
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: "newsletter.imported",
        purpose: "newsletter",
        details: { rows: parsed.rows.length },
      },
    });
  });
  return { status: "imported", rows: parsed.rows.length };
}

function parseRows(
  deps: NewsletterDeps,
  csv: Buffer,
  defaultLocale: Locale,
): { rows: ImportRow[] } | { problems: ImportProblem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      // Excel in Belgium writes semicolons; elsewhere commas.
      delimiter: [";", ","],
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch {
    return { problems: [{ line: 0, code: "file" }] };
  }
  const header = Object.keys(records[0] ?? {});
  if (records.length === 0 || requiredColumns.some((column) => !header.includes(column))) {
    return { problems: [{ line: 1, code: "columns" }] };
  }
  if (records.length > maxImportRows) return { problems: [{ line: 0, code: "too_many_rows" }] };
  const known = new Set(deps.policy().newsletterTopics.map((topic) => topic.id));
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  records.forEach((record, index) => {
    const result = parseRow(record, known, defaultLocale);
    if ("code" in result) problems.push({ line: index + 2, code: result.code });
    else rows.push(result);
  });
  return problems.length > 0 ? { problems: problems.slice(0, maxProblemsShown) } : { rows };
}

function parseRow(
  record: Record<string, string>,
  known: ReadonlySet<string>,
  defaultLocale: Locale,
): ImportRow | { code: ImportProblemCode } {
  const address = record.email ?? "";
  if (!email.safeParse(address).success) return { code: "email" };
  const name = record.name ?? "";
  if (name.length > 200) return { code: "name" };
  const topics = (record.topics ?? "").split(/[\s|]+/).filter(Boolean);
  if (topics.length === 0 || topics.some((topic) => !known.has(topic))) return { code: "topics" };
  const consentSource = record.consent_source ?? "";
  if (consentSource === "" || consentSource.length > 500) return { code: "consent_source" };
  const day = record.consent_date ?? "";
  const consentDate = day ? new Date(`${day}T00:00:00Z`) : undefined;
  if (day && (!isoDay.test(day) || !consentDate?.toISOString().startsWith(day))) {
    return { code: "consent_date" };
  }
  const locale = record.locale || defaultLocale;
  if (!isLocale(locale)) return { code: "locale" };
  return { email: address, name, topics: [...new Set(topics)], consentSource, consentDate, locale };
}
