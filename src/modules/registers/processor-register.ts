import { eq } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import { defaultLocale, translator } from "../../core/i18n/index.ts";
import {
  activePolicyVersion,
  activeVersionHash,
  type PolicyProblem,
  parsePolicy,
} from "../../policy/index.ts";
import { editProcessors, type ProcessorChange } from "./processor-policy-edit.ts";
import { brusselsDay } from "./processor-review-status.ts";
import { processorContracts } from "./registers.tables.ts";
import type { RegistersDeps } from "./registers-deps.ts";

export type ProcessorSave =
  | { status: "saved"; name: string | undefined }
  | { status: "unchanged" }
  | { status: "not_found" }
  /** Someone activated another version since the form was opened. */
  | { status: "conflict"; base: string }
  | { status: "invalid"; problems: PolicyProblem[] };

type SaveDeps = Pick<RegistersDeps, "db" | "clock" | "dataMap" | "policies">;

/**
 * Saves one processor change as a new policy version, the way an uploaded policy is activated:
 * the active version's YAML is edited, checked as an upload is checked (the policy's own rules,
 * then what it would break in the data map), and activated with its audit entry in one
 * transaction. Anything wrong leaves the policy in force as it was.
 */
export async function saveProcessorChange(
  deps: SaveDeps,
  options: { change: ProcessorChange; base: string; staffId: string },
): Promise<ProcessorSave> {
  const { change, staffId } = options;
  const active = await activePolicyVersion(deps.db);
  if (!active) return { status: "not_found" };
  if (active.contentHash !== options.base) return { status: "conflict", base: active.contentHash };
  const before = parsePolicy(active.source);
  if (!("policy" in before)) return { status: "invalid", problems: before.problems };

  const t = translator(defaultLocale);
  const named = change.kind === "remove" ? change.name : change.processor.name;
  const edit = editProcessors(active.source, change, {
    // The changelog is the statement's own line under "Wijzigingen": Dutch, its first language.
    changelog: t(`processors.changelog.${changeKind(change)}`, { name: named }),
    effectiveDate: brusselsDay(deps.clock.now()),
  });
  if (edit.status !== "edited") return { status: "not_found" };
  const parsed = parsePolicy(edit.source);
  if ("problems" in parsed) return { status: "invalid", problems: parsed.problems };
  const mapProblems = deps.dataMap.problemsWith(parsed.policy);
  if (mapProblems.length > 0) {
    return {
      status: "invalid",
      problems: mapProblems.map((message) => ({ path: "purposes", message })),
    };
  }
  if (JSON.stringify(parsed.policy.processors) === JSON.stringify(before.policy.processors)) {
    return { status: "unchanged" };
  }

  const activated = await deps.db.transaction(async (tx) => {
    if ((await activeVersionHash(tx)) !== active.contentHash) return undefined;
    const hash = await deps.policies.activate(tx, {
      clock: deps.clock,
      policy: parsed.policy,
      source: edit.source,
      staffId,
    });
    const renamed = change.kind === "update" && change.name !== change.processor.name;
    if (renamed) {
      // The contracts follow the processor: they are filed by its name in the policy.
      await tx
        .update(processorContracts)
        .set({ processorName: change.processor.name })
        .where(eq(processorContracts.processorName, change.name));
    }
    // Processors steer no retention rule, so stored dates need no recomputing here (unlike an
    // upload, which may change a purpose's period).
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: staffId },
        action: "policy.activated",
        recordType: "policy_version",
        recordId: hash,
        // The processor's name stays out: a one-person business is named after its owner.
        details: {
          effectiveDate: parsed.policy.version.effectiveDate,
          notify: false,
          processorChange: changeKind(change),
          renamed,
        },
      },
    });
    return hash;
  });
  if (!activated)
    return { status: "conflict", base: (await activePolicyVersion(deps.db))?.contentHash ?? "" };
  await deps.policies.refresh(deps.db);
  return { status: "saved", name: change.kind === "remove" ? undefined : change.processor.name };
}

function changeKind(change: ProcessorChange): "added" | "updated" | "removed" {
  if (change.kind === "add") return "added";
  return change.kind === "update" ? "updated" : "removed";
}
