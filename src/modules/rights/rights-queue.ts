import { and, asc, desc, eq, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { KeysetCursor } from "../../core/keyset-cursor.ts";
import { type DeadlineState, deadlineState, effectiveDeadline } from "./request-deadline.ts";
import {
  type RequestChannel,
  type RequestedRight,
  type RequestStatus,
  rightsRequests,
} from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** Requests the privacy officer still has to answer; their deadline runs. */
export const openStatuses = ["received", "verified", "in_progress"] as const;

/**
 * What the queue filters on. `unconfirmed` is left out: nobody has shown the address is theirs
 * yet, so it is not a request to work on (and it goes by itself after 7 days).
 */
export const queueStatuses = [...openStatuses, "answered", "refused"] as const;
export type QueueStatus = (typeof queueStatuses)[number];

/**
 * The open queue is shown whole, by deadline: it is the officer's to-do list, and a page break
 * would hide the next request due. Past this many something else is wrong, and the page says so.
 */
export const openQueueLimit = 200;
export const closedPageSize = 50;

const day = 24 * 60 * 60 * 1000;

export interface QueueLine {
  id: string;
  reference: string;
  rights: RequestedRight[];
  channel: RequestChannel;
  status: RequestStatus;
  receivedAt: Date | null;
  /** The date the answer is due now, the extension included. */
  deadline: Date | null;
  extended: boolean;
  /** "none" for closed requests: their deadline no longer runs. */
  state: DeadlineState;
  /** Calendar days from today to the deadline, negative once passed; null when closed. */
  daysLeft: number | null;
}

export interface QueueFilter {
  status?: QueueStatus | undefined;
  /** Exact, as the person quotes it (R-7K3Q9X); any case. */
  reference?: string | undefined;
  /** Closed lists only: keyset on (updated_at, id), newest first. */
  after?: KeysetCursor | undefined;
}

export interface QueuePage {
  lines: QueueLine[];
  /** Closed lists: where the next page starts. */
  next: KeysetCursor | null;
  /** Open lists: more requests than `openQueueLimit` are open. */
  truncated: boolean;
}

/** Whole calendar days (UTC, as the back office shows dates) from `now` to `deadline`. */
export function daysUntil(deadline: Date, now: Date): number {
  const midnight = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return Math.round((midnight(deadline) - midnight(now)) / day);
}

/**
 * The privacy officer's queue. Open requests (or one open status) come by effective deadline,
 * the most urgent first; closed ones newest first, a page at a time. No personal value is read:
 * the reference is what staff and the person use, so nothing is decrypted and nothing audited.
 */
export async function listQueue(
  deps: Pick<RightsDeps, "db" | "clock">,
  filter: QueueFilter = {},
): Promise<QueuePage> {
  const now = deps.clock.now();
  const closed = filter.status === "answered" || filter.status === "refused";
  const conditions: (SQL | undefined)[] = [ne(rightsRequests.status, "unconfirmed")];
  if (filter.reference) {
    conditions.push(eq(rightsRequests.reference, filter.reference.trim().toUpperCase()));
  }
  if (filter.status) {
    conditions.push(eq(rightsRequests.status, filter.status));
  } else if (!filter.reference) {
    conditions.push(inArray(rightsRequests.status, [...openStatuses]));
  }
  const columns = {
    id: rightsRequests.id,
    reference: rightsRequests.reference,
    rights: rightsRequests.rights,
    channel: rightsRequests.channel,
    status: rightsRequests.status,
    receivedAt: rightsRequests.receivedAt,
    deadlineAt: rightsRequests.deadlineAt,
    extendedUntil: rightsRequests.extendedUntil,
    updatedAt: rightsRequests.updatedAt,
  };
  if (closed) {
    if (filter.after) {
      conditions.push(
        or(
          lt(rightsRequests.updatedAt, filter.after.createdAt),
          and(
            eq(rightsRequests.updatedAt, filter.after.createdAt),
            lt(rightsRequests.id, filter.after.id),
          ),
        ),
      );
    }
    const rows = await deps.db
      .select(columns)
      .from(rightsRequests)
      .where(and(...conditions))
      .orderBy(desc(rightsRequests.updatedAt), desc(rightsRequests.id))
      .limit(closedPageSize + 1);
    const page = rows.slice(0, closedPageSize);
    const last = page.at(-1);
    return {
      lines: page.map((row) => toLine(row, now)),
      next:
        rows.length > closedPageSize && last ? { createdAt: last.updatedAt, id: last.id } : null,
      truncated: false,
    };
  }
  const rows = await deps.db
    .select(columns)
    .from(rightsRequests)
    .where(and(...conditions))
    .orderBy(
      sql`coalesce(${rightsRequests.extendedUntil}, ${rightsRequests.deadlineAt}) asc nulls last`,
      asc(rightsRequests.receivedAt),
      asc(rightsRequests.id),
    )
    .limit(openQueueLimit + 1);
  return {
    lines: rows.slice(0, openQueueLimit).map((row) => toLine(row, now)),
    next: null,
    truncated: rows.length > openQueueLimit,
  };
}

function toLine(
  row: {
    id: string;
    reference: string;
    rights: RequestedRight[];
    channel: RequestChannel;
    status: RequestStatus;
    receivedAt: Date | null;
    deadlineAt: Date | null;
    extendedUntil: Date | null;
  },
  now: Date,
): QueueLine {
  const deadline = effectiveDeadline(row);
  const open = (openStatuses as readonly RequestStatus[]).includes(row.status);
  return {
    id: row.id,
    reference: row.reference,
    rights: row.rights,
    channel: row.channel,
    status: row.status,
    receivedAt: row.receivedAt,
    deadline,
    extended: row.extendedUntil !== null,
    state: open ? deadlineState(deadline, now) : "none",
    daysLeft: open && deadline ? daysUntil(deadline, now) : null,
  };
}
