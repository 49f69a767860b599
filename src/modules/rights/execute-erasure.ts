import type { AuditActor } from "../../audit/index.ts";
import { type ErasureResult, eraseSubject } from "../../datamap/index.ts";
import { vaultPurposes } from "../../vault/index.ts";
import type { StepContext } from "./execute-steps.ts";
import type { StepOutcome, StepResult } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/**
 * Every purpose but the request's own: the request is the proof that we answered (Art. 5(2)),
 * so an erasure request does not erase it. Download packages go anyway, since they copy the
 * rest (the engine includes them whatever the scope).
 */
const erasablePurposes = vaultPurposes.filter((purpose) => purpose !== "rights");

/**
 * Art. 17: the person is unsubscribed from the newsletter first (the module records the
 * withdrawal and stops any queued mail), then everything erasable of every subject of the
 * request goes, and what the law or a hold keeps is restricted to that use.
 */
export async function executeErasure(
  deps: RightsDeps,
  context: StepContext,
): Promise<StepOutcome[]> {
  const actor: AuditActor = { type: "staff", id: context.staffId };
  let unsubscribed = 0;
  const erased: ErasureResult[] = [];
  for (const subjectId of context.subjectIds) {
    if (
      await deps.effects.unsubscribeNewsletter(deps.db, { subjectId, via: "rights_request", actor })
    ) {
      unsubscribed += 1;
    }
    erased.push(
      ...(await eraseSubject(deps, {
        subjectId,
        scope: { purposes: erasablePurposes },
        actor,
        cause: "erasure_request",
      })),
    );
  }
  const results: StepResult[] = [
    ...(unsubscribed > 0
      ? [
          {
            recordType: "newsletter.subscriber",
            action: "unsubscribed" as const,
            count: unsubscribed,
          },
        ]
      : []),
    ...erasureResults(erased),
  ];
  return [
    {
      right: "erasure",
      executedAt: context.executedAt.toISOString(),
      staffId: context.staffId,
      results,
    },
  ];
}

/**
 * The engine's results as the outcome keeps them, summed over the subjects per record type and
 * reason: what went, what stayed and why until when, and what is now restricted.
 */
export function erasureResults(erased: readonly ErasureResult[]): StepResult[] {
  const results: StepResult[] = [];
  const add = (result: StepResult) => {
    const known = results.find(
      (other) =>
        other.recordType === result.recordType &&
        other.action === result.action &&
        other.keptBecause === result.keptBecause,
    );
    if (!known) {
      results.push(result);
      return;
    }
    known.count += result.count;
    known.until = laterOf(known.until, result.until);
  };
  for (const result of erased) {
    const recordType = result.recordType.id;
    if (result.erased > 0) add({ recordType, action: "erased", count: result.erased });
    if (result.kept === 0) continue;
    const because = result.keptBecause;
    add({
      recordType,
      action: "kept",
      count: result.kept,
      keptBecause: because?.kind,
      until:
        because?.kind === "legal_obligation"
          ? (because.until?.toISOString() ?? null)
          : because?.kind === "legal_hold"
            ? holdsEnd(because.holds)
            : undefined,
      reference: because?.kind === "legal_obligation" ? because.reference : undefined,
    });
    if (result.restricted) add({ recordType, action: "restricted", count: result.kept });
  }
  return results;
}

/** The last end of the holds, or null when one has none: the person learns until when, not why. */
function holdsEnd(holds: readonly { endsAt: Date | null }[]): string | null {
  if (holds.length === 0 || holds.some((hold) => hold.endsAt === null)) return null;
  return new Date(Math.max(...holds.map((hold) => hold.endsAt?.getTime() ?? 0))).toISOString();
}

/** Null (not known yet) wins: the records are kept until the later of the two. */
function laterOf(
  a: string | null | undefined,
  b: string | null | undefined,
): string | null | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === null || b === null) return null;
  return a > b ? a : b;
}
