import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../core/db/database.ts";
import type { AnchorEvent } from "../policy/index.ts";
import { addPeriod } from "./add-period.ts";
import type { DataMap } from "./data-map.ts";
import type { RecordType } from "./record-type.ts";
import type { RetentionState } from "./retention-reason.ts";

export interface RetentionTarget {
  subjectId: string;
  /** The record's anchor key value (its request id), when the record type has one. */
  key?: string | undefined;
}

/**
 * Where a record's clock stands now, from the policy in force, the anchor events that happened
 * and the conditions that hold. Modules spread the result into an insert; the engine calls it
 * again on every anchor event.
 */
export async function retentionFor(
  db: Db,
  dataMap: DataMap,
  type: RecordType,
  target: RetentionTarget,
): Promise<RetentionState> {
  const effective = dataMap.ruleOf(type);
  if (effective.kind === "own") {
    throw new Error(`record type ${type.id} sets its own retain_until; do not compute it`);
  }
  const { rule } = effective;
  if (rule.kind === "not_stored") {
    throw new Error(`record type ${type.id}: the policy says this data is not stored`);
  }
  if (rule.kind === "until_objection") {
    return { retainUntil: null, retentionReason: { code: "until_objection" } };
  }
  const period = { years: rule.years, months: rule.months, days: rule.days };
  const anchor = await latestAnchor(db, type, target, rule.event, rule.restartOn ?? []);
  if (!anchor) {
    return {
      retainUntil: null,
      retentionReason: { code: "awaiting_event", event: rule.event, period },
    };
  }
  if (
    rule.unlessCondition &&
    (await dataMap.conditionHolds(db, rule.unlessCondition, target.subjectId))
  ) {
    return {
      retainUntil: null,
      retentionReason: {
        code: "while_condition",
        condition: rule.unlessCondition,
        event: anchor.event,
        at: anchor.at.toISOString(),
        period,
      },
    };
  }
  return {
    retainUntil: addPeriod(anchor.at, period),
    retentionReason: {
      code: "after_event",
      event: anchor.event,
      at: anchor.at.toISOString(),
      period,
    },
  };
}

interface AnchorRow {
  event: AnchorEvent;
  occurred_at: Date | string;
}

/**
 * The clock starts only once the main event happened (a request that is still open is kept
 * whatever else happens); a restart event counts only when it is later.
 */
async function latestAnchor(
  db: Db,
  type: RecordType,
  target: RetentionTarget,
  main: AnchorEvent,
  restartOn: readonly AnchorEvent[],
): Promise<{ event: AnchorEvent; at: Date } | undefined> {
  // The start event is matched on the record's key (its own request); restart events on the
  // subject, whatever key they were published with (an agreement's id is not a request id).
  const mainKey =
    type.anchorKey && target.key !== undefined
      ? sql`key in ('', ${target.key})`
      : type.anchorKey
        ? sql`key = ''`
        : sql`true`;
  const restarts =
    restartOn.length === 0
      ? sql`false`
      : sql`event in (${sql.join(
          restartOn.map((event) => sql`${event}`),
          sql`, `,
        )})`;
  const rows = await queryRows<AnchorRow>(
    db,
    sql`select event, max(occurred_at) as occurred_at from retention_anchors
        where subject_id = ${target.subjectId}
          and ((event = ${main} and ${mainKey}) or ${restarts})
        group by event`,
  );
  const found = rows.map((row) => ({ event: row.event, at: new Date(row.occurred_at) }));
  const start = found.find((row) => row.event === main);
  if (!start) return undefined;
  return found.reduce((latest, row) => (row.at > latest.at ? row : latest), start);
}
