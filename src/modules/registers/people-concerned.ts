import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/database.ts";
import { isUuid } from "../../core/is-uuid.ts";
import type { Vault } from "../../vault/index.ts";
import { subjectsOfCustomer } from "../customers/index.ts";

/** A request names a handful of people; a list longer than this is a mistake, not a request. */
export const maxPeoplePerDisclosure = 50;

export interface PeopleConcerned {
  /** Distinct subject ids, in the order the lines named them. */
  subjectIds: string[];
  /** Lines as typed that match nobody, for the form to show back. */
  unknown: string[];
}

/** "K-7K3Q9X", with or without the dash: the customers module's short reference. */
const customerNumber = /^K-?([2-9A-HJ-NP-Z]{6})$/i;

/**
 * The people a disclosure concerned, one identifier per line: an e-mail address, phone or VAT
 * number (the vault's blind indexes), a customer number (every contact person of that customer:
 * a request about a customer's account concerns them all), or a subject id (the form opened from
 * a person's page). Only looked up, never registered: someone we hold nothing about cannot have
 * had their data disclosed by us.
 */
export async function findPeopleConcerned(
  deps: { db: Db; vault: Vault },
  lines: readonly string[],
): Promise<PeopleConcerned> {
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const line of lines) {
    const subjectIds = await subjectsNamedBy(deps, line);
    if (subjectIds.length === 0) unknown.push(line);
    for (const subjectId of subjectIds) found.add(subjectId);
  }
  return { subjectIds: [...found], unknown };
}

/** The non-empty lines of a textarea, trimmed, each once. */
export function identifierLines(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return [...new Set(lines)];
}

async function subjectsNamedBy(deps: { db: Db; vault: Vault }, line: string): Promise<string[]> {
  if (isUuid(line)) {
    const subjectId = line.toLowerCase();
    return (await subjectExists(deps.db, subjectId)) ? [subjectId] : [];
  }
  if (line.includes("@")) return found(await deps.vault.findSubject(deps.db, { email: line }));
  const customer = customerNumber.exec(line);
  if (customer?.[1]) return subjectsOfCustomer(deps, `K-${customer[1].toUpperCase()}`);
  // "0470 12 34 56" is a phone number and "0403.019.261" a VAT number, and some strings read as
  // both: the vault normalises each and ignores the kind a line cannot be.
  return found(await deps.vault.findSubject(deps.db, { phone: line, vat: line }));
}

function found(subjectId: string | undefined): string[] {
  return subjectId ? [subjectId] : [];
}

async function subjectExists(db: Db, subjectId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id::text as id from subjects where id = ${subjectId}`,
  );
  return rows.length > 0;
}
