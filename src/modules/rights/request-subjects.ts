import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import { readSubjectRecords } from "../../datamap/index.ts";
import type { LocalizedText } from "../../policy/index.ts";
import { openRequestDetails, type RequestDetails, type RightsRequestRow } from "./request-store.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

export interface RecordCount {
  recordTypeId: string;
  label: LocalizedText;
  count: number;
}

/** What we hold about one subject, counted per record type (only the types with records). */
export interface SubjectHoldings {
  subjectId: string;
  counts: RecordCount[];
  total: number;
}

/** The identifier of the request that pointed to a suggested subject. */
export type SuggestionSource = "phone" | "vat" | "customer_number";

export interface SubjectSuggestion extends SubjectHoldings {
  foundBy: SuggestionSource[];
}

export interface RequestSubjects {
  /** The subject the request's e-mail address belongs to. */
  own: SubjectHoldings | undefined;
  linked: SubjectHoldings[];
  suggestions: SubjectSuggestion[];
}

type SubjectDeps = Pick<RightsDeps, "db" | "vault" | "dataMap" | "effects">;

/** Linking changes what every step acts on: only once identity is known, and before the answer. */
const linkableStatuses = new Set(["verified", "in_progress"]);

export function canLinkSubjects(request: Pick<RightsRequestRow, "status">): boolean {
  return linkableStatuses.has(request.status);
}

/**
 * Subjects the request's other identifiers point to: the phone and VAT numbers through the vault,
 * the customer number through the customers module. Never the request's own subject nor one
 * already linked. Suggestions only: anyone can type a phone number, so a match proves nothing
 * until the privacy officer has checked it.
 */
export async function suggestSubjects(
  deps: SubjectDeps,
  request: Pick<RightsRequestRow, "subjectId" | "linkedSubjectIds">,
  details: Pick<RequestDetails, "phone" | "vat" | "customerNumber">,
): Promise<Map<string, SuggestionSource[]>> {
  const found = new Map<string, SuggestionSource[]>();
  const add = (subjectId: string | undefined, source: SuggestionSource) => {
    if (!subjectId || subjectId === request.subjectId) return;
    if (request.linkedSubjectIds.includes(subjectId)) return;
    found.set(subjectId, [...(found.get(subjectId) ?? []), source]);
  };
  if (details.phone) add(await deps.vault.findSubject(deps.db, { phone: details.phone }), "phone");
  if (details.vat) add(await deps.vault.findSubject(deps.db, { vat: details.vat }), "vat");
  if (details.customerNumber) {
    for (const subjectId of await deps.effects.subjectsOfCustomer(
      deps.db,
      details.customerNumber,
    )) {
      add(subjectId, "customer_number");
    }
  }
  return found;
}

/** Counts per record type, through the rights engine (the same lookup the steps act on). */
export async function holdingsOf(deps: SubjectDeps, subjectId: string): Promise<SubjectHoldings> {
  const { byType } = await readSubjectRecords(deps, subjectId);
  const counts = byType
    .filter((entry) => entry.records.length > 0)
    .map((entry) => ({
      recordTypeId: entry.recordType.id,
      label: entry.recordType.label,
      count: entry.records.length,
    }));
  return { subjectId, counts, total: counts.reduce((sum, entry) => sum + entry.count, 0) };
}

/** The request's own subject, those linked to it, and the suggestions for the page. */
export async function loadRequestSubjects(
  deps: SubjectDeps,
  request: RightsRequestRow,
  details: RequestDetails,
): Promise<RequestSubjects> {
  const suggested = await suggestSubjects(deps, request, details);
  const suggestions: SubjectSuggestion[] = [];
  for (const [subjectId, foundBy] of suggested) {
    suggestions.push({ ...(await holdingsOf(deps, subjectId)), foundBy });
  }
  const linked: SubjectHoldings[] = [];
  for (const subjectId of request.linkedSubjectIds) linked.push(await holdingsOf(deps, subjectId));
  return {
    own: request.subjectId ? await holdingsOf(deps, request.subjectId) : undefined,
    linked,
    suggestions,
  };
}

export type SubjectLinkOutcome =
  | "linked"
  | "unlinked"
  | "not_found"
  /** Before verification, or once answered or refused. */
  | "not_linkable"
  /** Not one of the request's suggestions now: a crafted form cannot link just anyone. */
  | "not_suggested"
  | "not_linked";

/** Links a suggested subject to the request, or unlinks one; audited with ids only. */
export async function changeSubjectLink(
  deps: SubjectDeps & Pick<RightsDeps, "clock">,
  input: { requestId: string; staffId: string; subjectId: string; action: "link" | "unlink" },
): Promise<SubjectLinkOutcome> {
  return deps.db.transaction(async (tx): Promise<SubjectLinkOutcome> => {
    const [row] = await tx
      .select()
      .from(rightsRequests)
      .where(eq(rightsRequests.id, input.requestId))
      .for("update");
    if (!row || row.status === "unconfirmed") return "not_found";
    if (!canLinkSubjects(row)) return "not_linkable";
    let linkedSubjectIds: string[];
    if (input.action === "link") {
      const details = await openRequestDetails(tx, deps.vault, row);
      const suggested = await suggestSubjects({ ...deps, db: tx }, row, details);
      if (!suggested.has(input.subjectId)) return "not_suggested";
      linkedSubjectIds = [...row.linkedSubjectIds, input.subjectId];
    } else {
      if (!row.linkedSubjectIds.includes(input.subjectId)) return "not_linked";
      linkedSubjectIds = row.linkedSubjectIds.filter((id) => id !== input.subjectId);
    }
    await tx
      .update(rightsRequests)
      .set({ linkedSubjectIds, updatedAt: deps.clock.now() })
      .where(eq(rightsRequests.id, input.requestId));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: input.staffId },
        action: input.action === "link" ? "rights.subject_linked" : "rights.subject_unlinked",
        ...(row.subjectId ? { subjectId: row.subjectId } : {}),
        recordType: rightsRequestRecordType.id,
        recordId: input.requestId,
        purpose: "rights",
        details: { linkedSubjectId: input.subjectId, linkedCount: linkedSubjectIds.length },
      },
    });
    return input.action === "link" ? "linked" : "unlinked";
  });
}
