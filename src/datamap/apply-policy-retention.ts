import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import { type Db, queryRows } from "../core/db/database.ts";
import type { RetentionRule } from "../policy/index.ts";
import { refreshRetention } from "./anchor-events.ts";
import type { DataMap } from "./data-map.ts";
import { retentionRulesApplied } from "./datamap.tables.ts";
import { table } from "./record-sql.ts";
import type { RecordType } from "./record-type.ts";

export interface ApplyPolicyDeps {
  db: Db;
  dataMap: DataMap;
  clock: Clock;
}

/**
 * Brings stored retention dates in line with the policy in force, for every record type whose
 * rule changed since its dates were computed: a new policy version must not leave records dated
 * by the old one. Period changes are one UPDATE per record type (PostgreSQL interval arithmetic
 * matches addPeriod); a changed anchor event or rule kind recomputes subject by subject.
 */
export async function applyPolicyRetention(
  deps: ApplyPolicyDeps,
): Promise<{ recordType: string; updated: number }[]> {
  const changed: { recordType: string; updated: number }[] = [];
  for (const type of deps.dataMap.recordTypes) {
    const effective = deps.dataMap.ruleOf(type);
    if (effective.kind !== "policy") continue;
    const hash = ruleHash(effective.rule);
    const [applied] = await deps.db
      .select()
      .from(retentionRulesApplied)
      .where(eq(retentionRulesApplied.recordType, type.id));
    if (applied?.ruleHash === hash) continue;
    // Without a record of the rule the dates were computed with (a first start, an upgrade),
    // recompute anyway: for rows computed with the same rule it changes nothing.
    const updated = await deps.db.transaction(async (tx) => {
      const count = await recompute(tx, deps.dataMap, type, effective.rule);
      await tx
        .insert(retentionRulesApplied)
        .values({ recordType: type.id, ruleHash: hash, appliedAt: deps.clock.now() })
        .onConflictDoUpdate({
          target: retentionRulesApplied.recordType,
          set: { ruleHash: hash, appliedAt: deps.clock.now() },
        });
      if (count > 0 || applied) {
        await appendAudit(tx, {
          clock: deps.clock,
          entry: {
            actor: { type: "system", id: "retention.policy" },
            action: "retention.rule_applied",
            recordType: type.id,
            details: { ruleHash: hash, recordsUpdated: count },
          },
        });
      }
      return count;
    });
    changed.push({ recordType: type.id, updated });
  }
  return changed;
}

export function ruleHash(rule: RetentionRule): string {
  return createHash("sha256").update(JSON.stringify(rule)).digest("hex").slice(0, 16);
}

/** Codes the person's own choices or an anonymisation set: a policy change never undoes them. */
const policyCodes = sql`('after_event', 'awaiting_event', 'while_condition', 'until_objection')`;

async function recompute(
  db: Db,
  dataMap: DataMap,
  type: RecordType,
  rule: RetentionRule,
): Promise<number> {
  if (rule.kind === "after_event") {
    const period = { years: rule.years, months: rule.months, days: rule.days };
    const events = [rule.event, ...(rule.restartOn ?? [])];
    const sameShape = await db.execute(sql`
      update ${table(type)} set
        retention_reason = jsonb_set(retention_reason, '{period}', ${JSON.stringify(period)}::jsonb),
        retain_until = case when retention_reason->>'code' = 'after_event'
            and retention_reason ? 'at'
          -- In UTC, as addPeriod counts: in the session's zone a month or a DST day shifts it.
          then (((retention_reason->>'at')::timestamptz at time zone 'UTC')
               + make_interval(years => ${rule.years ?? 0}, months => ${rule.months ?? 0}, days => ${rule.days ?? 0}))
               at time zone 'UTC'
          else retain_until end
      where retention_reason->>'code' in ('after_event', 'awaiting_event', 'while_condition')
        and retention_reason->>'event' in (${sql.join(
          events.map((event) => sql`${event}`),
          sql`, `,
        )})`);
    const reshaped = await refreshOthers(
      db,
      dataMap,
      type,
      sql`not (retention_reason->>'code' in ('after_event', 'awaiting_event', 'while_condition')
        and retention_reason->>'event' in (${sql.join(
          events.map((event) => sql`${event}`),
          sql`, `,
        )}))`,
    );
    return rowCount(sameShape) + reshaped;
  }
  return refreshOthers(db, dataMap, type, sql`true`);
}

/** Recomputes, subject by subject, the records a plain period update cannot fix. */
async function refreshOthers(
  db: Db,
  dataMap: DataMap,
  type: RecordType,
  where: ReturnType<typeof sql>,
): Promise<number> {
  const subjects = await queryRows<{ subject_id: string }>(
    db,
    sql`select distinct subject_id::text as subject_id from ${table(type)}
        where subject_id is not null and retention_reason->>'code' in ${policyCodes} and ${where}`,
  );
  let updated = 0;
  for (const { subject_id } of subjects) {
    updated += await refreshRetention(db, dataMap, type, subject_id);
  }
  return updated;
}

function rowCount(result: unknown): number {
  const { rowCount: count, affectedRows } = result as { rowCount?: number; affectedRows?: number };
  return count ?? affectedRows ?? 0;
}
