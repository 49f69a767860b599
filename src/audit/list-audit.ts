import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../core/db/database.ts";
import { isUuid } from "../core/is-uuid.ts";
import { auditLog } from "./audit.tables.ts";
import type { AuditEntry } from "./audit-entry.ts";

export const MAX_AUDIT_PAGE = 500;

export interface ListAuditOptions {
  /** An exact action (`staff.login`), or every action under a prefix (`staff.*`). */
  action?: string;
  actorId?: string;
  subjectId?: string;
  recordType?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** The `nextBeforeSeq` of the previous page. */
  beforeSeq?: number;
  /** At most MAX_AUDIT_PAGE. */
  limit: number;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Pass as `beforeSeq` for the next page; null on the last page. */
  nextBeforeSeq: number | null;
}

/**
 * Pages by sequence number rather than offset: the log only grows, so an offset page would shift
 * while someone reads it, and a deep offset scans every row it skips.
 */
export async function listAudit(db: Db, options: ListAuditOptions): Promise<AuditPage> {
  const { limit } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new RangeError(`audit page limit must be an integer from 1 to ${MAX_AUDIT_PAGE}`);
  }
  // Not a uuid, so no entry has it; asking PostgreSQL would fail on the cast instead.
  if (options.subjectId !== undefined && !isUuid(options.subjectId)) {
    return { entries: [], nextBeforeSeq: null };
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditionsOf(options)))
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return { entries, nextBeforeSeq: rows.length > limit && last ? last.seq : null };
}

function conditionsOf(options: ListAuditOptions): SQL[] {
  const conditions: SQL[] = [];
  const { action } = options;
  if (action?.endsWith(".*")) {
    const prefix = action.slice(0, -1).replace(/[\\%_]/g, (character) => `\\${character}`);
    conditions.push(sql`${auditLog.action} like ${`${prefix}%`}`);
  } else if (action !== undefined) {
    conditions.push(eq(auditLog.action, action));
  }
  if (options.actorId !== undefined) conditions.push(eq(auditLog.actorId, options.actorId));
  if (options.subjectId !== undefined) {
    conditions.push(eq(auditLog.subjectId, options.subjectId.toLowerCase()));
  }
  if (options.recordType !== undefined) {
    conditions.push(eq(auditLog.recordType, options.recordType));
  }
  if (options.from) conditions.push(gte(auditLog.at, options.from));
  if (options.to) conditions.push(lt(auditLog.at, options.to));
  if (options.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, options.beforeSeq));
  return conditions;
}
