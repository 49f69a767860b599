import type { AuditActor } from "../../audit/index.ts";
import {
  type ErasureResult,
  objectToProcessing,
  recordRestriction,
  withdrawConsent,
} from "../../datamap/index.ts";
import type { VaultPurpose } from "../../vault/index.ts";
import { erasureResults } from "./execute-erasure.ts";
import { appliesTo, newsletterPurpose, purposesOf, type StepContext } from "./execute-steps.ts";
import type { StepOutcome, StepResult } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { countHeldRecords } from "./rights-plan.ts";

/** The newsletter's record of a subscription, as the unsubscribe result names it. */
const subscriptionRecord = "newsletter.subscriber";

/**
 * Art. 21 objection, or Art. 7(3) withdrawal, for the purpose named (or every purpose it
 * applies to). Processing stops at once; data kept only until an objection goes. A purpose
 * whose legal basis the right does not apply to is left alone and the letter says why. The
 * newsletter rests on consent: objecting to it, or withdrawing, unsubscribes the person.
 */
export async function executePurposeChoice(
  deps: RightsDeps,
  context: StepContext,
): Promise<StepOutcome[]> {
  const { step } = context;
  if (step.kind !== "objection" && step.kind !== "withdraw_consent") {
    throw new Error(`${step.kind} is not a choice about a purpose`);
  }
  const kind = step.kind;
  const policy = deps.policy();
  const actor: AuditActor = { type: "staff", id: context.staffId };
  const results: StepResult[] = [];
  for (const purpose of purposesOf(policy, step)) {
    if (purpose === newsletterPurpose) {
      results.push(...(await leaveNewsletter(deps, context, actor)));
      if (kind === "objection") continue;
    }
    if (!appliesTo(policy, kind, purpose)) continue;
    const erased: ErasureResult[] = [];
    for (const subjectId of context.subjectIds) {
      if (kind === "objection") {
        erased.push(...(await objectToProcessing(deps, { subjectId, purpose, actor })));
      } else {
        await withdrawConsent(deps, { subjectId, purpose, actor });
      }
    }
    results.push(...erasureResults(erased));
    if (purpose !== newsletterPurpose) {
      results.push(...(await stoppedRecords(deps, context.subjectIds, [purpose])));
    }
  }
  return [outcome(context, results)];
}

/** Art. 18: every purpose, until lifted; the data stays, only kept. */
export async function executeRestriction(
  deps: RightsDeps,
  context: StepContext,
): Promise<StepOutcome[]> {
  const actor: AuditActor = { type: "staff", id: context.staffId };
  for (const subjectId of context.subjectIds) {
    await recordRestriction(deps.db, deps.clock, { subjectId, kind: "restriction", actor });
  }
  const held = await countHeldRecords(deps, context.subjectIds);
  const results = held
    .filter((entry) => entry.recordType.purpose !== "rights")
    .map((entry) => ({
      recordType: entry.recordType.id,
      action: "restricted" as const,
      count: entry.count,
    }));
  return [outcome(context, sumByType(results))];
}

async function leaveNewsletter(
  deps: RightsDeps,
  context: StepContext,
  actor: AuditActor,
): Promise<StepResult[]> {
  const via = context.step.kind === "objection" ? "objection" : "rights_request";
  let count = 0;
  for (const subjectId of context.subjectIds) {
    if (await deps.effects.unsubscribeNewsletter(deps.db, { subjectId, via, actor })) count += 1;
  }
  return count > 0 ? [{ recordType: subscriptionRecord, action: "unsubscribed", count }] : [];
}

/** The records of the purposes that stay but are no longer processed. */
async function stoppedRecords(
  deps: RightsDeps,
  subjectIds: readonly string[],
  purposes: readonly VaultPurpose[],
): Promise<StepResult[]> {
  const held = await countHeldRecords(deps, subjectIds);
  return sumByType(
    held
      .filter((entry) => purposes.includes(entry.recordType.purpose))
      .map((entry) => ({
        recordType: entry.recordType.id,
        action: "restricted" as const,
        count: entry.count,
      })),
  );
}

function sumByType(results: readonly StepResult[]): StepResult[] {
  const byType = new Map<string, StepResult>();
  for (const result of results) {
    const known = byType.get(result.recordType);
    if (known) known.count += result.count;
    else byType.set(result.recordType, { ...result });
  }
  return [...byType.values()];
}

function outcome(context: StepContext, results: StepResult[]): StepOutcome {
  return {
    right: context.step.kind,
    purpose: context.step.purpose,
    executedAt: context.executedAt.toISOString(),
    staffId: context.staffId,
    results,
  };
}
