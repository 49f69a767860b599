import { and, gt, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../core/db/database.ts";
import {
  activeLegalHolds,
  type DataMap,
  exportPackages,
  type RecordType,
} from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { VaultPurpose } from "../../vault/index.ts";
import {
  appliesTo,
  newsletterPurpose,
  outcomesOf,
  purposesOf,
  type RightStep,
  stepsOf,
  subjectsOf,
} from "./execute-steps.ts";
import type { RightsRequestRow } from "./request-store.ts";
import { rightsIdCopyRecordType } from "./rights.records.ts";
import type { StepOutcome } from "./rights.tables.ts";

/** What a step will do to some records of one type, and why; nothing is changed to know it. */
export type PlannedEffect =
  | { action: "erase"; count: number }
  | {
      action: "keep";
      count: number;
      because: "legal_obligation";
      /** Null while the legal period has not started (an order not completed yet). */
      until: Date | null;
      reference: string | null;
    }
  | { action: "keep"; count: number; because: "legal_hold"; until: Date | null }
  | { action: "keep"; count: number; because: "running_agreement" }
  /** The request's own proof (GDPR Art. 5(2)): the erasure's scope leaves it out. */
  | { action: "keep"; count: number; because: "request_proof" }
  /** The ID copy: destroyed when the request is answered, not by the erasure. */
  | { action: "destroy_on_answer"; count: number }
  | { action: "export"; count: number }
  | { action: "restrict"; count: number }
  /** Processing for the purpose stops (objection, consent withdrawn); the data stays. */
  | { action: "stop"; count: number }
  | { action: "unsubscribe"; count: number }
  | { action: "rectify"; count: number; fields: number };

export interface PlannedRecords {
  recordType: RecordType;
  /** Records of this type held about the request's subjects. */
  count: number;
  effects: PlannedEffect[];
}

export interface PlannedStep {
  step: RightStep;
  /** Objection and withdrawal: the purposes the step acts on. */
  purposes: VaultPurpose[];
  /** Purposes the person named where the right does not apply, by their legal basis. */
  notApplicable: VaultPurpose[];
  records: PlannedRecords[];
  /** What executing it recorded; empty while it is still to do. */
  done: StepOutcome[];
}

export interface RightsPlan {
  steps: PlannedStep[];
  /**
   * Download packages of this request nobody downloaded yet: an erasure deletes every package
   * of the person (a package is a copy), so staff are warned before they erase.
   */
  undownloadedPackages: number;
}

export interface PlanDeps {
  db: Db;
  dataMap: DataMap;
  policy: () => Policy;
  clock: { now(): Date };
}

/** Records of one type held about one subject, with what the legal obligation looks at. */
interface Held {
  recordType: RecordType;
  subjectId: string;
  count: number;
  /** Records whose retention date has not passed (or is not known yet). */
  running: number;
  /** The latest retention date among those, or null when one has none yet. */
  latest: Date | null;
}

/**
 * For each right asked and each record type the request's subjects have records of, what
 * executing it will do. It mirrors the erasure engine's decisions (legal hold, running
 * agreement, legal obligation up to the record's date) without its locks or changes, so staff
 * see before they click what the letter will say after.
 */
export async function planRights(
  deps: PlanDeps,
  request: Pick<RightsRequestRow, "rights" | "outcome" | "subjectId" | "linkedSubjectIds">,
): Promise<RightsPlan> {
  const subjects = subjectsOf(request);
  const held = await countHeldRecords(deps, subjects);
  const steps: PlannedStep[] = [];
  for (const step of stepsOf(request.rights)) {
    const planned = await planStep(deps, step, held);
    steps.push({ ...planned, step, done: outcomesOf(request.outcome, step) });
  }
  return { steps, undownloadedPackages: await undownloadedPackages(deps, request.outcome) };
}

/** Per subject and record type, what is held; types without records are left out. */
export async function countHeldRecords(
  deps: Pick<PlanDeps, "db" | "dataMap" | "clock">,
  subjectIds: readonly string[],
): Promise<Held[]> {
  const now = deps.clock.now();
  const held: Held[] = [];
  for (const recordType of deps.dataMap.recordTypes) {
    for (const subjectId of subjectIds) {
      const [row] = await queryRows<{
        count: number;
        running: number;
        open_ended: boolean | null;
        latest: Date | string | null;
      }>(
        deps.db,
        sql`select count(*)::int as count,
                   count(*) filter (where retain_until is null or retain_until > ${now})::int
                     as running,
                   bool_or(retain_until is null) as open_ended,
                   max(retain_until) as latest
            from ${sql.identifier(recordType.tableName)} where subject_id = ${subjectId}`,
      );
      if (!row || row.count === 0) continue;
      held.push({
        recordType,
        subjectId,
        count: row.count,
        running: row.running,
        latest: row.open_ended || row.latest === null ? null : new Date(row.latest),
      });
    }
  }
  return held;
}

async function planStep(
  deps: PlanDeps,
  step: RightStep,
  held: readonly Held[],
): Promise<Omit<PlannedStep, "step" | "done">> {
  const policy = deps.policy();
  const plan = { purposes: [] as VaultPurpose[], notApplicable: [] as VaultPurpose[] };
  switch (step.kind) {
    case "access":
    case "portability":
      return { ...plan, records: summarise(held, () => [{ action: "export" }]) };
    case "erasure":
      return { ...plan, records: await planErasure(deps, held) };
    case "restriction":
      return {
        ...plan,
        records: summarise(
          held.filter((entry) => entry.recordType.purpose !== "rights"),
          () => [{ action: "restrict" }],
        ),
      };
    case "rectification":
      return {
        ...plan,
        records: summarise(
          held.filter((entry) => editableFields(entry.recordType) > 0),
          (entry) => [{ action: "rectify", fields: editableFields(entry.recordType) }],
        ),
      };
    case "objection":
    case "withdraw_consent": {
      const kind = step.kind;
      const purposes = purposesOf(policy, step);
      const acted = purposes.filter(
        (purpose) =>
          appliesTo(policy, kind, purpose) ||
          (kind === "objection" && purpose === newsletterPurpose),
      );
      const records: PlannedRecords[] = [];
      for (const purpose of acted) {
        records.push(...(await planPurposeChoice(deps, kind, purpose, held)));
      }
      return {
        purposes: acted,
        notApplicable: purposes.filter((purpose) => !acted.includes(purpose)),
        records,
      };
    }
  }
}

function editableFields(type: RecordType): number {
  return type.fields.filter((field) => field.editable).length;
}

type Effect = DistributiveOmit<PlannedEffect, "count">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One line per record type, summed over the subjects; an effect on all of a subject's records. */
function summarise(held: readonly Held[], effectOf: (entry: Held) => Effect[]): PlannedRecords[] {
  return mergeByType(
    held.map((entry) => ({
      recordType: entry.recordType,
      count: entry.count,
      effects: effectOf(entry).map(
        (effect) => ({ ...effect, count: entry.count }) as PlannedEffect,
      ),
    })),
  );
}

/** Objection or withdrawal for one purpose, on the records of that purpose. */
async function planPurposeChoice(
  deps: PlanDeps,
  kind: "objection" | "withdraw_consent",
  purpose: VaultPurpose,
  held: readonly Held[],
): Promise<PlannedRecords[]> {
  const ofPurpose = held.filter((entry) => entry.recordType.purpose === purpose);
  const policy = deps.policy();
  if (purpose === newsletterPurpose) {
    return summarise(ofPurpose, () => [{ action: "unsubscribe" }]);
  }
  if (kind === "withdraw_consent" || !appliesTo(policy, kind, purpose)) {
    return summarise(ofPurpose, () => [{ action: "stop" }]);
  }
  // Kept "as long as you do not object" (the TeamViewer ID): the objection erases it, through
  // the same decisions as an erasure (a legal hold still keeps it).
  const lines: PlannedRecords[] = [];
  for (const entry of ofPurpose) {
    const effective = deps.dataMap.ruleOf(entry.recordType);
    const untilObjection = effective.kind === "policy" && effective.rule.kind === "until_objection";
    lines.push({
      recordType: entry.recordType,
      count: entry.count,
      effects: untilObjection
        ? await erasureEffects(deps, entry)
        : [{ action: "stop", count: entry.count }],
    });
  }
  return mergeByType(lines);
}

async function planErasure(deps: PlanDeps, held: readonly Held[]): Promise<PlannedRecords[]> {
  const lines: PlannedRecords[] = [];
  for (const entry of held) {
    lines.push({
      recordType: entry.recordType,
      count: entry.count,
      effects: await erasureEffects(deps, entry),
    });
  }
  return mergeByType(lines);
}

/**
 * What eraseSubject would decide for this subject's records of this type, in its order: the
 * request's own records are out of scope, then a legal hold keeps everything, then a running
 * agreement, then a legal obligation keeps the records whose date has not passed.
 */
async function erasureEffects(deps: PlanDeps, entry: Held): Promise<PlannedEffect[]> {
  const { recordType: type, subjectId, count } = entry;
  if (type.purpose === "rights" && !type.copiesOtherRecords) {
    return type.id === rightsIdCopyRecordType.id
      ? [{ action: "destroy_on_answer", count }]
      : [{ action: "keep", because: "request_proof", count }];
  }
  const holds = await activeLegalHolds(deps.db, deps.clock.now(), {
    subjectId,
    recordType: type.id,
  });
  if (holds.length > 0) {
    const ends = holds.map((hold) => hold.endsAt);
    const until = ends.some((end) => end === null)
      ? null
      : new Date(Math.max(...ends.map((end) => end?.getTime() ?? 0)));
    return [{ action: "keep", because: "legal_hold", until, count }];
  }
  const blockers = deps.dataMap.blockersOf(type);
  if (
    blockers.some((blocker) => blocker.kind === "running_agreement") &&
    (await deps.dataMap.conditionHolds(deps.db, "running_agreement", subjectId))
  ) {
    return [{ action: "keep", because: "running_agreement", count }];
  }
  if (!blockers.some((blocker) => blocker.kind === "legal_obligation") || entry.running === 0) {
    return [{ action: "erase", count }];
  }
  const effective = deps.dataMap.ruleOf(type);
  const kept: PlannedEffect = {
    action: "keep",
    because: "legal_obligation",
    count: entry.running,
    until: entry.latest,
    reference:
      effective.kind === "policy"
        ? (effective.purpose.legalReference ?? null)
        : (type.ownRetention?.legalReference ?? null),
  };
  const erasable = count - entry.running;
  return erasable > 0 ? [{ action: "erase", count: erasable }, kept] : [kept];
}

/** Sums the lines of several subjects per record type, and their effects per kind. */
function mergeByType(lines: readonly PlannedRecords[]): PlannedRecords[] {
  const byType = new Map<string, PlannedRecords>();
  for (const line of lines) {
    const known = byType.get(line.recordType.id);
    if (!known) {
      byType.set(line.recordType.id, { ...line, effects: [...line.effects] });
      continue;
    }
    known.count += line.count;
    for (const effect of line.effects) {
      const index = known.effects.findIndex((other) => sameKind(other, effect));
      const other = known.effects[index];
      known.effects[index === -1 ? known.effects.length : index] = other
        ? mergeEffects(other, effect)
        : effect;
    }
  }
  return [...byType.values()];
}

function sameKind(a: PlannedEffect, b: PlannedEffect): boolean {
  return (
    a.action === b.action && ("because" in a ? a.because : "") === ("because" in b ? b.because : "")
  );
}

function mergeEffects(a: PlannedEffect, b: PlannedEffect): PlannedEffect {
  const merged = { ...a, count: a.count + b.count } as PlannedEffect;
  if ("until" in merged && "until" in a && "until" in b) {
    merged.until =
      a.until && b.until ? new Date(Math.max(a.until.getTime(), b.until.getTime())) : null;
  }
  return merged;
}

async function undownloadedPackages(
  deps: Pick<PlanDeps, "db" | "clock">,
  outcome: readonly StepOutcome[],
): Promise<number> {
  const ids = outcome.flatMap((done) => (done.packageId ? [done.packageId] : []));
  if (ids.length === 0) return 0;
  const rows = await deps.db
    .select({ id: exportPackages.id })
    .from(exportPackages)
    .where(
      and(
        inArray(exportPackages.id, ids),
        isNull(exportPackages.downloadedAt),
        gt(exportPackages.expiresAt, deps.clock.now()),
      ),
    );
  return rows.length;
}
