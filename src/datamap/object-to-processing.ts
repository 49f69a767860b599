import type { AuditActor } from "../audit/index.ts";
import type { LegalBasis } from "../policy/index.ts";
import type { VaultPurpose } from "../vault/index.ts";
import type { DataMap } from "./data-map.ts";
import { type EraseDeps, type ErasureResult, eraseSubject } from "./erase-subject.ts";
import { recordRestriction } from "./processing-restrictions.ts";

export interface PurposeChoice {
  subjectId: string;
  purpose: VaultPurpose;
  actor: AuditActor;
}

/**
 * Art. 21 objection to one purpose. Processing for it stops at once (modules check mayProcess),
 * and data the policy keeps only "as long as you do not object" (the TeamViewer ID) goes now,
 * in the same transaction.
 */
export async function objectToProcessing(
  deps: EraseDeps,
  { subjectId, purpose, actor }: PurposeChoice,
): Promise<ErasureResult[]> {
  assertBasis(deps.dataMap, purpose, ["legitimate_interests", "public_task"], "an objection");
  return deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    await recordRestriction(tx, deps.clock, { subjectId, kind: "objection", purpose, actor });
    const untilObjection = deps.dataMap.ofPurpose(purpose).filter((type) => {
      const effective = deps.dataMap.ruleOf(type);
      return effective.kind === "policy" && effective.rule.kind === "until_objection";
    });
    if (untilObjection.length === 0) return [];
    return eraseSubject(txDeps, {
      subjectId,
      scope: { recordTypes: untilObjection.map((type) => type.id) },
      actor,
      cause: "objection",
    });
  });
}

/**
 * Art. 7(3): consent withdrawn for one purpose. It is recorded as durably as the consent was
 * given, and from now on mayProcess refuses the purpose; erasing the data is a separate right.
 */
export async function withdrawConsent(
  deps: Pick<EraseDeps, "db" | "clock" | "dataMap">,
  { subjectId, purpose, actor }: PurposeChoice,
): Promise<void> {
  assertBasis(deps.dataMap, purpose, ["consent"], "withdrawing consent");
  await recordRestriction(deps.db, deps.clock, {
    subjectId,
    kind: "consent_withdrawn",
    purpose,
    actor,
  });
}

export class PurposeChoiceError extends Error {
  override name = "PurposeChoiceError";
}

/**
 * Art. 21 applies to processing on legitimate interests (or a public task), Art. 7(3) to
 * processing on consent. Recording an objection to invoicing would block its legal use.
 */
function assertBasis(
  dataMap: DataMap,
  purpose: VaultPurpose,
  allowed: readonly LegalBasis[],
  what: string,
): void {
  const basis = dataMap.policy.purposes.find((candidate) => candidate.id === purpose)?.legalBasis;
  if (!basis || !allowed.includes(basis)) {
    throw new PurposeChoiceError(
      `${what} does not apply to ${purpose}: its legal basis is ${basis ?? "not in the policy"}`,
    );
  }
}
