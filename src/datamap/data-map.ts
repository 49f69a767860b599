import type { Db } from "../core/db/database.ts";
import type { AnchorEvent, Policy, Purpose, RetentionRule } from "../policy/index.ts";
import type { VaultPurpose } from "../vault/index.ts";
import type { ErasureBlocker, RecordType } from "./record-type.ts";
import type { RetentionConditionName } from "./retention-reason.ts";

/** The events after which a condition may no longer hold, so records it kept are recomputed. */
const conditionEndsOn: Record<RetentionConditionName, readonly AnchorEvent[]> = {
  running_agreement: ["agreement.ended", "customer.ended"],
};

/** Whether a condition holds for a subject now; the module that owns the facts provides it. */
export type ConditionCheck = (db: Db, subjectId: string) => Promise<boolean>;

export interface DataMapOptions {
  recordTypes: readonly RecordType[];
  policy: () => Policy;
  /**
   * One check per condition a policy rule may name. Required, so a data map cannot silently
   * treat "while an agreement runs" as never true because nobody wired the check.
   */
  conditions: Record<RetentionConditionName, ConditionCheck>;
}

/** The rule the engine applies to one record type, resolved against the policy in force. */
export type EffectiveRule =
  | { kind: "policy"; rule: RetentionRule; purpose: Purpose }
  | { kind: "own" };

/**
 * Every personal record type, with what the policy in force says about each. The retention and
 * rights engines iterate this; they know no module by name.
 */
export class DataMap {
  readonly recordTypes: readonly RecordType[];
  readonly #policy: () => Policy;
  readonly #conditions: Record<RetentionConditionName, ConditionCheck>;

  constructor({ recordTypes, policy, conditions }: DataMapOptions) {
    const ids = new Set<string>();
    for (const type of recordTypes) {
      if (ids.has(type.id)) throw new Error(`record type ${type.id} is declared twice`);
      ids.add(type.id);
    }
    this.recordTypes = recordTypes;
    this.#policy = policy;
    this.#conditions = conditions;
  }

  /** The same record types and conditions under another policy: the one about to be activated. */
  withPolicy(policy: Policy): DataMap {
    return new DataMap({
      recordTypes: this.recordTypes,
      policy: () => policy,
      conditions: this.#conditions,
    });
  }

  /** Other record types under the same policy and conditions (tests and benchmarks). */
  withRecordTypes(recordTypes: readonly RecordType[]): DataMap {
    return new DataMap({ recordTypes, policy: this.#policy, conditions: this.#conditions });
  }

  get policy(): Policy {
    return this.#policy();
  }

  get(id: string): RecordType | undefined {
    return this.recordTypes.find((type) => type.id === id);
  }

  require(id: string): RecordType {
    const type = this.get(id);
    if (!type) throw new Error(`unknown record type ${id}`);
    return type;
  }

  ofPurpose(purpose: VaultPurpose): RecordType[] {
    return this.recordTypes.filter((type) => type.purpose === purpose);
  }

  purposeOf(type: RecordType): Purpose | undefined {
    return this.policy.purposes.find((purpose) => purpose.id === type.purpose);
  }

  ruleOf(type: RecordType): EffectiveRule {
    if (type.ownRetention) return { kind: "own" };
    const purpose = this.purposeOf(type);
    if (!purpose) {
      throw new Error(
        `record type ${type.id}: purpose ${type.purpose} is not in the policy; add it there or give the record type ownRetention`,
      );
    }
    const category = purpose.dataCategories.find((c) => c.id === type.dataCategory);
    return { kind: "policy", rule: category?.retention ?? purpose.retention.rule, purpose };
  }

  /**
   * What may stop an erasure the person asks for: the record type's own blockers, and the legal
   * obligation of a purpose whose legal basis is one, whether or not the module remembered it.
   */
  blockersOf(type: RecordType): ErasureBlocker[] {
    const blockers = [...(type.blockers ?? [])];
    // Only a policy purpose's obligation keeps data; an own rule (the rights purpose answering
    // under GDPR Art. 12) obliges us to answer, not to keep the answer.
    const basis = type.ownRetention ? undefined : this.purposeOf(type)?.legalBasis;
    if (basis === "legal_obligation" && !blockers.some((b) => b.kind === "legal_obligation")) {
      blockers.push({ kind: "legal_obligation" });
    }
    return blockers;
  }

  /** The event that starts the record type's clock, if its rule has one. */
  startEventOf(type: RecordType): AnchorEvent | undefined {
    const effective = this.ruleOf(type);
    return effective.kind === "policy" && effective.rule.kind === "after_event"
      ? effective.rule.event
      : undefined;
  }

  /**
   * Record types whose clock starts or restarts on the event, or whose keeping condition the
   * event may end: a record kept "while you have a running agreement" gets its date back when
   * the agreement ends, or it would be kept forever.
   */
  followersOf(event: AnchorEvent): RecordType[] {
    return this.recordTypes.filter((type) => {
      const effective = this.ruleOf(type);
      if (effective.kind !== "policy" || effective.rule.kind !== "after_event") return false;
      const { rule } = effective;
      return (
        rule.event === event ||
        (rule.restartOn ?? []).includes(event) ||
        (rule.unlessCondition !== undefined &&
          conditionEndsOn[rule.unlessCondition].includes(event))
      );
    });
  }

  /** Record types kept past their period while the condition holds (policy `unlessCondition`). */
  heldBy(condition: RetentionConditionName): RecordType[] {
    return this.recordTypes.filter((type) => {
      const effective = this.ruleOf(type);
      return (
        effective.kind === "policy" &&
        effective.rule.kind === "after_event" &&
        effective.rule.unlessCondition === condition
      );
    });
  }

  async conditionHolds(
    db: Db,
    condition: RetentionConditionName,
    subjectId: string,
  ): Promise<boolean> {
    return this.#conditions[condition](db, subjectId);
  }

  /** Problems a policy change would cause, e.g. a purpose a record type needs was removed. */
  problemsWith(policy: Policy): string[] {
    const problems: string[] = [];
    for (const type of this.recordTypes) {
      if (type.ownRetention) continue;
      const purpose = policy.purposes.find((p) => p.id === type.purpose);
      if (!purpose) {
        problems.push(`record type ${type.id} needs purpose ${type.purpose}`);
        continue;
      }
      const rule = purpose.dataCategories.find((c) => c.id === type.dataCategory)?.retention;
      if ((rule ?? purpose.retention.rule).kind === "not_stored") {
        problems.push(`record type ${type.id} stores data the policy says is not stored`);
      }
    }
    return problems;
  }
}
