import { eq } from "drizzle-orm";
import type { Db } from "../../core/db/database.ts";
import type { LegalBasis, Policy, RightKind } from "../../policy/index.ts";
import { type VaultPurpose, vaultPurposes } from "../../vault/index.ts";
import type { RightsRequestRow } from "./request-store.ts";
import { type RequestedRight, rightsRequests, type StepOutcome } from "./rights.tables.ts";

/**
 * One step of a request's execution: a right asked, with its purpose, and for portability where
 * the package goes. Staff execute each once; the letter reports each.
 */
export interface RightStep {
  kind: RightKind;
  purpose?: VaultPurpose | undefined;
  /** Portability only. */
  to?: "self" | "organisation" | undefined;
}

/** The steps of the rights asked, in the order asked, each once. */
export function stepsOf(rights: readonly RequestedRight[]): RightStep[] {
  const steps: RightStep[] = [];
  for (const right of rights) {
    const step: RightStep = {
      kind: right.kind,
      purpose: right.purpose,
      to: right.kind === "portability" ? (right.to ?? "self") : undefined,
    };
    if (!steps.some((known) => sameStep(known, step))) steps.push(step);
  }
  return steps;
}

export function sameStep(a: RightStep, b: RightStep): boolean {
  return a.kind === b.kind && (a.purpose ?? null) === (b.purpose ?? null) && a.to === b.to;
}

/** For form values and anchors: `objection:contact`, `portability::organisation`. */
export function stepKey(step: RightStep): string {
  return [step.kind, step.purpose ?? "", step.to ?? ""].join(":").replace(/:+$/, "");
}

/**
 * The outcomes one step recorded (an access step records one per person linked to the request).
 * A portability outcome remembers its destination by `transferredAt`, set only for an organisation.
 */
export function outcomesOf(outcome: readonly StepOutcome[], step: RightStep): StepOutcome[] {
  return outcome.filter(
    (done) =>
      done.right === step.kind &&
      (done.purpose ?? null) === (step.purpose ?? null) &&
      (step.kind !== "portability" ||
        (done.transferredAt !== undefined) === (step.to === "organisation")),
  );
}

/** Every subject the request acts on: the person, and those staff found to be the same person. */
export function subjectsOf(request: Pick<RightsRequestRow, "subjectId" | "linkedSubjectIds">) {
  const ids = [request.subjectId, ...request.linkedSubjectIds].filter(
    (id): id is string => typeof id === "string",
  );
  return [...new Set(ids)];
}

/** The bases an objection (Art. 21) or a withdrawal of consent (Art. 7(3)) applies to. */
const basesFor = {
  objection: ["legitimate_interests", "public_task"],
  withdraw_consent: ["consent"],
} as const satisfies Partial<Record<RightKind, readonly LegalBasis[]>>;

export type PurposeRight = keyof typeof basesFor;

export function isPurposeRight(kind: RightKind): kind is PurposeRight {
  return kind in basesFor;
}

export function legalBasisOf(policy: Policy, purpose: VaultPurpose): LegalBasis | undefined {
  return policy.purposes.find((candidate) => candidate.id === purpose)?.legalBasis;
}

/** Whether the right applies to the purpose's processing, by the policy's legal basis. */
export function appliesTo(policy: Policy, kind: PurposeRight, purpose: VaultPurpose): boolean {
  const basis = legalBasisOf(policy, purpose);
  return basis !== undefined && (basesFor[kind] as readonly LegalBasis[]).includes(basis);
}

/**
 * The purposes an objection or withdrawal is about: the one the person named, or, when they
 * named none, every purpose of the policy it applies to (objecting "to everything you do on
 * legitimate interests" is how people write it). The rights purpose is never one: it is the
 * answer itself.
 */
export function purposesOf(policy: Policy, step: RightStep): VaultPurpose[] {
  if (step.purpose) return [step.purpose];
  if (!isPurposeRight(step.kind)) return [];
  const kind = step.kind;
  return vaultPurposes.filter(
    (purpose) => purpose !== "rights" && appliesTo(policy, kind, purpose),
  );
}

/**
 * An objection to a consent-based purpose cannot be recorded as one (the engine refuses it); the
 * newsletter is left through the unsubscribe instead, which is what the person means.
 */
export const newsletterPurpose: VaultPurpose = "newsletter";

export type ExecutionProblem =
  | "not_found"
  | "wrong_status"
  | "not_asked"
  | "already_done"
  | "steps_pending"
  | "no_email"
  | "no_recipient"
  | "bad_field";

/** Why a step or the answer was refused; the routes turn it into a 404, 409 or 400. */
export class ExecutionError extends Error {
  override name = "ExecutionError";
  constructor(readonly problem: ExecutionProblem) {
    super(problem);
  }
}

/** What an executor gets: the locked request, the step, who acts and when. */
export interface StepContext {
  request: RightsRequestRow;
  step: RightStep;
  subjectIds: string[];
  staffId: string;
  executedAt: Date;
}

/** Staff act on a request only between the identity check and the answer. */
export const executableStatuses = ["verified", "in_progress"] as const;

/**
 * Locks the request for the step's transaction, so two clicks on the same button run one after
 * the other and the second finds the first's outcome.
 */
export async function lockOpenRequest(tx: Db, requestId: string): Promise<RightsRequestRow> {
  const [row] = await tx
    .select()
    .from(rightsRequests)
    .where(eq(rightsRequests.id, requestId))
    .for("update");
  if (!row) throw new ExecutionError("not_found");
  if (!(executableStatuses as readonly string[]).includes(row.status)) {
    throw new ExecutionError("wrong_status");
  }
  return row;
}
