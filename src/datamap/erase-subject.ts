import { sql } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import { type Db, queryRows } from "../core/db/database.ts";
import type { Vault, VaultPurpose } from "../vault/index.ts";
import type { DataMap } from "./data-map.ts";
import { latestDate } from "./latest-date.ts";
import { activeLegalHolds, type LegalHold } from "./legal-holds.ts";
import { recordRestriction } from "./processing-restrictions.ts";
import { table } from "./record-sql.ts";
import type { RecordType } from "./record-type.ts";
import { eraseRows } from "./retention-sweep.ts";
import { forgetEmptySubjects, shredEmptiedKeys } from "./subject-records.ts";

export interface EraseDeps {
  db: Db;
  dataMap: DataMap;
  vault: Vault;
  clock: Clock;
}

export interface ErasureScope {
  /** Only these purposes; all when left out. */
  purposes?: readonly VaultPurpose[] | undefined;
  /** Only these record types; all when left out. */
  recordTypes?: readonly string[] | undefined;
}

/** Why records were kept, with what the person is told. */
export type KeptReason =
  | { kind: "legal_obligation"; until: Date | null; reference: string | null }
  | { kind: "legal_hold"; holds: LegalHold[] }
  | { kind: "running_agreement" };

export interface ErasureResult {
  recordType: RecordType;
  erased: number;
  kept: number;
  keptBecause?: KeptReason;
  /** Kept under a legal obligation, so now restricted to that one use. */
  restricted: boolean;
}

export interface EraseSubjectInput {
  subjectId: string;
  scope?: ErasureScope;
  actor: AuditActor;
  /** What the person asked: it is recorded on the audit entries. */
  cause?: "erasure_request" | "objection" | "consent_withdrawn";
}

/**
 * Erases every erasable record of the subject in scope, now, in one transaction, and says per
 * record type what went and what stayed and why: invoices under a 7-year legal obligation stay
 * (and are restricted to that use), a legal hold keeps what it covers, a running agreement keeps
 * the customer dossier.
 */
export async function eraseSubject(
  deps: EraseDeps,
  { subjectId, scope = {}, actor, cause = "erasure_request" }: EraseSubjectInput,
): Promise<ErasureResult[]> {
  const types = deps.dataMap.recordTypes.filter(
    (type) =>
      type.copiesOtherRecords ||
      ((!scope.purposes || scope.purposes.includes(type.purpose)) &&
        (!scope.recordTypes || scope.recordTypes.includes(type.id))),
  );
  return deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const results: ErasureResult[] = [];
    for (const type of types) {
      const result = await eraseType(txDeps, type, subjectId, actor);
      results.push(result);
      if (result.erased + result.kept === 0) continue;
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor,
          action: "rights.erasure",
          subjectId,
          recordType: type.id,
          purpose: type.purpose,
          details: {
            cause,
            erased: result.erased,
            kept: result.kept,
            keptBecause: result.keptBecause?.kind ?? null,
          },
        },
      });
    }
    await shredEmptiedPurposes(txDeps, types, subjectId, actor);
    await forgetEmptySubjects(tx, deps.dataMap.recordTypes, [subjectId]);
    return results;
  });
}

async function eraseType(
  deps: EraseDeps,
  type: RecordType,
  subjectId: string,
  actor: AuditActor,
): Promise<ErasureResult> {
  const now = deps.clock.now();
  const rows = await queryRows<{ id: string; retain_until: Date | string | null }>(
    deps.db,
    sql`select id::text as id, retain_until from ${table(type)} where subject_id = ${subjectId}
        for update`,
  );
  const result: ErasureResult = { recordType: type, erased: 0, kept: 0, restricted: false };
  if (rows.length === 0) return result;
  const holds = await activeLegalHolds(deps.db, now, { subjectId, recordType: type.id });
  if (holds.length > 0) {
    return { ...result, kept: rows.length, keptBecause: { kind: "legal_hold", holds } };
  }
  const blockers = deps.dataMap.blockersOf(type);
  if (
    blockers.some((b) => b.kind === "running_agreement") &&
    (await deps.dataMap.conditionHolds(deps.db, "running_agreement", subjectId))
  ) {
    return { ...result, kept: rows.length, keptBecause: { kind: "running_agreement" } };
  }
  const obligation = blockers.some((b) => b.kind === "legal_obligation");
  // Under a legal obligation a record is kept until its date, or while that date is not yet
  // known (an order not completed yet); only records already past it may go.
  const keptRows = obligation
    ? rows.filter((row) => row.retain_until === null || new Date(row.retain_until) > now)
    : [];
  const keptIds = new Set(keptRows.map((row) => row.id));
  const erasable = rows.filter((row) => !keptIds.has(row.id)).map((row) => row.id);
  await eraseRows(deps.db, type, erasable, now);
  result.erased = erasable.length;
  if (keptRows.length === 0) return result;
  await recordRestriction(deps.db, deps.clock, {
    subjectId,
    kind: "restriction",
    purpose: type.purpose,
    except: "legal_obligation",
    actor,
  });
  const latest = latestDate(keptRows.map((row) => row.retain_until));
  const effective = deps.dataMap.ruleOf(type);
  return {
    ...result,
    kept: keptRows.length,
    restricted: true,
    keptBecause: {
      kind: "legal_obligation",
      until: latest,
      reference:
        effective.kind === "policy"
          ? (effective.purpose.legalReference ?? null)
          : (type.ownRetention?.legalReference ?? null),
    },
  };
}

/**
 * Shreds the subject's key of each purpose in scope that has no record left, whatever the
 * erasure method: sealed audit values (rectifications) and backups are read with it too.
 */
async function shredEmptiedPurposes(
  deps: EraseDeps,
  types: readonly RecordType[],
  subjectId: string,
  actor: AuditActor,
): Promise<void> {
  for (const purpose of new Set(types.map((type) => type.purpose))) {
    await shredEmptiedKeys(deps.db, deps, {
      subjectIds: [subjectId],
      purpose,
      reason: "rights.erasure",
      actor,
    });
  }
}
