import { and, desc, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { appendAudit, recordStaffRead } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { queryRows } from "../../core/db/database.ts";
import { addPeriod } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import { browserFamily } from "./browser-family.ts";
import { consentRecordType } from "./consent.records.ts";
import { type ConsentAction, type ConsentChoices, consentRecords } from "./consent.tables.ts";
import { inventoryVersion, optionalCategories } from "./inventory-version.ts";
import { ipPrefix } from "./ip-prefix.ts";

/** The longest page path kept: enough for any real page, not a place to park data. */
export const maxPagePathLength = 300;

export interface ConsentChoiceInput {
  consentId: string;
  action: ConsentAction;
  /** Category → allowed, as the banner sends it; "necessary" may be given, and only as true. */
  choices: Record<string, boolean>;
  inventoryVersion: string;
  /** The page the choice was made on, as a path or a full URL; only its path is kept. */
  page?: string | undefined;
  /** The full address: it is cut to its network here and never stored whole. */
  ip: string | undefined;
  userAgent: string | undefined;
}

export type ConsentChoiceProblem = "unknown_category" | "necessary_refused" | "contradicts_action";

export type RecordedChoice =
  | { ok: true; id: string; decidedAt: Date; choices: ConsentChoices }
  | { ok: false; problem: ConsentChoiceProblem };

/**
 * Stores the proof of one cookie choice (GDPR Art. 7(1)): what was chosen, under which inventory,
 * when, where, from which network and browser family. A refusal is stored exactly like an
 * acceptance, and a withdrawal is a new row: nothing here updates or deletes an earlier choice.
 * It is not audited: one audit entry per visitor would serialise every banner click on the
 * chain's head lock, and the row is its own proof.
 */
export async function recordConsentChoice(
  deps: { db: Db; clock: Clock; policy: () => Policy },
  input: ConsentChoiceInput,
): Promise<RecordedChoice> {
  const policy = deps.policy();
  const choices = storedChoices(optionalCategories(policy), input.action, input.choices);
  if (typeof choices === "string") return { ok: false, problem: choices };
  const decidedAt = deps.clock.now();
  const [row] = await deps.db
    .insert(consentRecords)
    .values({
      subjectId: null,
      retainUntil: addPeriod(decidedAt, policy.consent.proofRetention),
      retentionReason: { code: "expires" },
      consentId: input.consentId.toLowerCase(),
      action: input.action,
      choices,
      inventoryVersion: input.inventoryVersion,
      decidedAt,
      page: pagePath(input.page) ?? null,
      ipPrefix: ipPrefix(input.ip),
      browserFamily: browserFamily(input.userAgent),
    })
    .returning({ id: consentRecords.id });
  if (!row) throw new Error("inserting a consent record returned no row");
  return { ok: true, id: row.id, decidedAt, choices };
}

/**
 * What is stored for a choice: "necessary" always true, every optional category of the policy
 * named (one left out was not allowed: nothing is pre-ticked). "Accept all" and "Reject all" must
 * say what they mean, so the proof never contradicts itself.
 */
function storedChoices(
  categories: readonly string[],
  action: ConsentAction,
  given: Record<string, boolean>,
): ConsentChoices | ConsentChoiceProblem {
  for (const [category, allowed] of Object.entries(given)) {
    if (category === "necessary") {
      if (!allowed) return "necessary_refused";
      continue;
    }
    if (!categories.includes(category)) return "unknown_category";
  }
  const choices: ConsentChoices = { necessary: true };
  for (const category of categories) {
    const wanted = action === "accept_all" ? true : action === "reject_all" ? false : undefined;
    const allowed = given[category];
    if (wanted !== undefined && allowed !== undefined && allowed !== wanted) {
      return "contradicts_action";
    }
    choices[category] = wanted ?? allowed ?? false;
  }
  return choices;
}

/**
 * The path of the page a choice was made on: a query string or fragment can carry anything (a
 * search, a token, an e-mail address), the host is the company's own site. Undefined when there
 * is no page or it is neither a path nor an http(s) URL.
 */
export function pagePath(page: string | undefined): string | undefined {
  if (!page) return undefined;
  let url: URL;
  try {
    url = page.startsWith("/") ? new URL(page, "https://site.invalid") : new URL(page);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  return url.pathname.slice(0, maxPagePathLength);
}

export interface ConsentChoiceView {
  id: string;
  action: ConsentAction;
  choices: ConsentChoices;
  inventoryVersion: string;
  /** Whether the choice was made under the cookie inventory in force now. */
  currentInventory: boolean;
  decidedAt: Date;
  page: string | null;
  ipPrefix: string | null;
  browserFamily: string | null;
  subjectId: string | null;
  retainUntil: Date | null;
}

/**
 * Every choice made under one consent id, newest first, for the staff lookup. Audited before it
 * is returned, in one transaction: a `subject.read` per person the choices are linked to, and a
 * `consent.read` when they are about nobody known yet (the consent id is the record id).
 */
export async function lookUpConsent(
  deps: { db: Db; clock: Clock; policy: () => Policy },
  { consentId, staffId }: { consentId: string; staffId: string },
): Promise<ConsentChoiceView[]> {
  const current = inventoryVersion(deps.policy());
  const rows = await deps.db
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.consentId, consentId))
    .orderBy(desc(consentRecords.decidedAt), desc(consentRecords.id));
  if (rows.length === 0) return [];
  const subjectIds = [...new Set(rows.flatMap((row) => (row.subjectId ? [row.subjectId] : [])))];
  await deps.db.transaction(async (tx) => {
    for (const subjectId of subjectIds) {
      await recordStaffRead(tx, deps.clock, {
        staffId,
        subjectId,
        recordType: consentRecordType.id,
        recordId: consentId,
        purpose: consentRecordType.purpose,
      });
    }
    if (rows.some((row) => row.subjectId === null)) {
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor: { type: "staff", id: staffId },
          action: "consent.read",
          recordType: consentRecordType.id,
          recordId: consentId,
          purpose: consentRecordType.purpose,
          details: { choices: rows.length },
        },
      });
    }
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    choices: row.choices,
    inventoryVersion: row.inventoryVersion,
    currentInventory: row.inventoryVersion === current,
    decidedAt: row.decidedAt,
    page: row.page,
    ipPrefix: row.ipPrefix,
    browserFamily: row.browserFamily,
    subjectId: row.subjectId,
    retainUntil: row.retainUntil,
  }));
}

export type LinkResult =
  | { status: "linked"; records: number }
  | { status: "no_choices" | "no_subject" | "linked_elsewhere" };

/**
 * Links every choice of a consent id to a person, for a rights request: from then on they are in
 * that person's access export and go with their erasure. A consent id already linked to someone
 * else is refused rather than moved, since a mistaken link would hand one person's proof to
 * another. Audited as `consent.linked` in the same transaction.
 */
export async function linkConsentToSubject(
  deps: { db: Db; clock: Clock },
  input: { consentId: string; subjectId: string; staffId: string },
): Promise<LinkResult> {
  return deps.db.transaction(async (tx): Promise<LinkResult> => {
    const subjects = await queryRows<{ id: string }>(
      tx,
      sql`select id::text as id from subjects where id = ${input.subjectId}`,
    );
    if (subjects.length === 0) return { status: "no_subject" };
    const ofConsent = eq(consentRecords.consentId, input.consentId);
    const elsewhere = await tx
      .select({ id: consentRecords.id })
      .from(consentRecords)
      .where(
        and(
          ofConsent,
          isNotNull(consentRecords.subjectId),
          ne(consentRecords.subjectId, input.subjectId),
        ),
      )
      .limit(1);
    if (elsewhere.length > 0) return { status: "linked_elsewhere" };
    const linked = await tx
      .update(consentRecords)
      .set({ subjectId: input.subjectId })
      .where(
        and(
          ofConsent,
          or(isNull(consentRecords.subjectId), eq(consentRecords.subjectId, input.subjectId)),
        ),
      )
      .returning({ id: consentRecords.id });
    if (linked.length === 0) return { status: "no_choices" };
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: "consent.linked",
        subjectId: input.subjectId,
        recordType: consentRecordType.id,
        recordId: input.consentId,
        purpose: consentRecordType.purpose,
        details: { records: linked.length },
      },
    });
    return { status: "linked", records: linked.length };
  });
}
