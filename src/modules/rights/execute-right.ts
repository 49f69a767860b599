import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import { executeErasure } from "./execute-erasure.ts";
import { executeExport } from "./execute-export.ts";
import { executePurposeChoice, executeRestriction } from "./execute-purpose-choice.ts";
import {
  ExecutionError,
  lockOpenRequest,
  outcomesOf,
  type RightStep,
  type StepContext,
  sameStep,
  stepsOf,
  subjectsOf,
} from "./execute-steps.ts";
import type { RightsRequestRow } from "./request-store.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { rightsRequests, type StepOutcome } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

type Executor = (deps: RightsDeps, context: StepContext) => Promise<StepOutcome[]>;

/** Rectification is not here: it needs the values staff typed (rectifyRequest). */
const executors: Record<Exclude<RightStep["kind"], "rectification">, Executor> = {
  access: executeExport,
  portability: executeExport,
  erasure: executeErasure,
  restriction: executeRestriction,
  objection: executePurposeChoice,
  withdraw_consent: executePurposeChoice,
};

export interface ExecuteRightInput {
  requestId: string;
  step: RightStep;
  staffId: string;
}

/**
 * Executes one right of a verified request, once: the change, its outcome on the request, the
 * audit entry and any mail commit together, and a second click finds the outcome and is refused.
 */
export async function executeRight(
  deps: RightsDeps,
  input: ExecuteRightInput,
): Promise<StepOutcome[]> {
  const { step } = input;
  if (step.kind === "rectification") throw new ExecutionError("bad_field");
  const execute = executors[step.kind];
  return deps.db.transaction(async (tx) => {
    const context = await openStep(tx, deps, input);
    const outcomes = await execute({ ...deps, db: tx }, context);
    await recordOutcomes({ ...deps, db: tx }, context, outcomes);
    return outcomes;
  });
}

/** Locks the request and checks the step may run now: asked, not done, someone to act on. */
export async function openStep(
  tx: Db,
  deps: Pick<RightsDeps, "clock">,
  input: ExecuteRightInput,
): Promise<StepContext> {
  const request = await lockOpenRequest(tx, input.requestId);
  const step = stepsOf(request.rights).find((asked) => sameStep(asked, input.step));
  if (!step) throw new ExecutionError("not_asked");
  if (outcomesOf(request.outcome, step).length > 0) throw new ExecutionError("already_done");
  const subjectIds = subjectsOf(request);
  if (subjectIds.length === 0) throw new ExecutionError("not_found");
  return { request, step, subjectIds, staffId: input.staffId, executedAt: deps.clock.now() };
}

/** Appends the step's outcome; the first step moves the request to "in progress". */
export async function recordOutcomes(
  deps: RightsDeps,
  context: StepContext,
  outcomes: readonly StepOutcome[],
): Promise<void> {
  const { request, step } = context;
  await deps.db
    .update(rightsRequests)
    .set({
      outcome: [...request.outcome, ...outcomes],
      status: "in_progress",
      updatedAt: deps.clock.now(),
    })
    .where(eq(rightsRequests.id, request.id));
  await appendAudit(deps.db, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: context.staffId },
      action: "rights.step_executed",
      ...subjectOf(request),
      recordType: rightsRequestRecordType.id,
      recordId: request.id,
      purpose: "rights",
      details: {
        right: step.kind,
        forPurpose: step.purpose ?? null,
        destination: step.to ?? null,
        records: outcomes.reduce(
          (sum, done) => sum + done.results.reduce((count, result) => count + result.count, 0),
          0,
        ),
      },
    },
  });
}

function subjectOf(request: RightsRequestRow): { subjectId?: string } {
  return request.subjectId ? { subjectId: request.subjectId } : {};
}
