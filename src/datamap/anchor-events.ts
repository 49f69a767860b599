import { sql } from "drizzle-orm";
import type { Clock } from "../core/clock.ts";
import { type Db, queryRows } from "../core/db/database.ts";
import type { AnchorEvent } from "../policy/index.ts";
import { retentionFor } from "./compute-retention.ts";
import type { DataMap } from "./data-map.ts";
import { column, table } from "./record-sql.ts";
import type { RecordType } from "./record-type.ts";
import type { RetentionConditionName } from "./retention-reason.ts";

export interface AnchorEventInput {
  event: AnchorEvent;
  subjectId: string;
  /** Narrows the event to the records whose anchor key has this value (one request, one order). */
  key?: string | undefined;
  /** When it happened; defaults to now. A backdated event never moves a later one back. */
  at?: Date | undefined;
}

export interface AnchorEventDeps {
  dataMap: DataMap;
  clock: Clock;
}

/**
 * A module's only retention duty: say that something happened. The engine records it and
 * recomputes `retain_until` and `retention_reason` of every record whose clock it starts or
 * restarts, in the caller's transaction.
 */
export async function publishAnchorEvent(
  db: Db,
  { dataMap, clock }: AnchorEventDeps,
  input: AnchorEventInput,
): Promise<{ recordsUpdated: number }> {
  const at = input.at ?? clock.now();
  const key = input.key ?? "";
  await db.execute(sql`
    insert into retention_anchors (subject_id, event, key, occurred_at)
    values (${input.subjectId}, ${input.event}, ${key}, ${at})
    on conflict (subject_id, event, key)
    do update set occurred_at = greatest(retention_anchors.occurred_at, excluded.occurred_at)`);
  let recordsUpdated = 0;
  for (const type of dataMap.followersOf(input.event)) {
    // Only the event that starts a record's clock is about one record (its request, its order);
    // a restart or a condition ending (an agreement that ended) concerns all the person's records.
    const starts = dataMap.startEventOf(type) === input.event;
    const key = starts ? input.key : undefined;
    recordsUpdated += await refreshRetention(db, dataMap, type, input.subjectId, key);
  }
  return { recordsUpdated };
}

/**
 * A condition may have started to hold for a person (an agreement started, they became a
 * customer's contact): their records kept under it get their new state and reason now, so no
 * sweep removes them on a date that no longer applies.
 */
export async function refreshConditionHolders(
  db: Db,
  dataMap: DataMap,
  condition: RetentionConditionName,
  subjectId: string,
): Promise<number> {
  let updated = 0;
  for (const type of dataMap.heldBy(condition)) {
    updated += await refreshRetention(db, dataMap, type, subjectId);
  }
  return updated;
}

/**
 * Recomputes one subject's records of one type (all of them, or those with one anchor key).
 * Records already due for erasure at the person's request keep that state.
 */
export async function refreshRetention(
  db: Db,
  dataMap: DataMap,
  type: RecordType,
  subjectId: string,
  key?: string,
): Promise<number> {
  const keys = type.anchorKey
    ? key !== undefined
      ? [key]
      : await anchorKeysOf(db, type, subjectId)
    : [undefined];
  let updated = 0;
  for (const value of keys) {
    const state = await retentionFor(db, dataMap, type, { subjectId, key: value });
    const keyFilter =
      type.anchorKey && value !== undefined
        ? sql`and ${column(type.anchorKey)}::text = ${value}`
        : sql``;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update ${table(type)}
          set retain_until = ${state.retainUntil},
              retention_reason = ${JSON.stringify(state.retentionReason)}::jsonb
          where subject_id = ${subjectId} ${keyFilter}
            and retention_reason->>'code' <> 'erasure_due'
          returning id`,
    );
    updated += rows.length;
  }
  return updated;
}

async function anchorKeysOf(db: Db, type: RecordType, subjectId: string): Promise<string[]> {
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select distinct ${column(type.anchorKey ?? "id")}::text as key from ${table(type)}
        where subject_id = ${subjectId}`,
  );
  return rows.map((row) => row.key);
}
