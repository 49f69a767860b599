import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import { type StoredScanHit, storedDataScans } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";
import { countScannable, hitsIn, readTextBatch, scannedFields } from "./stored-scan-batch.ts";

export type StoredScan = typeof storedDataScans.$inferSelect;
export type StoredScanDeps = Pick<ScannerDeps, "db" | "clock" | "dataMap" | "vault" | "policy">;

/** Records per record type per transaction: small enough that a kill loses seconds of work. */
export const storedScanBatchSize = 200;
/**
 * The report's hit list stops here. The list is rewritten with every batch, so a database where
 * every record holds a bank account number would otherwise make each batch slower than the last;
 * a few thousand hits already say what to fix first.
 */
export const storedScanHitLimit = 5_000;

const activeStatuses = ["queued", "running"] as const;
/** pg_advisory_xact_lock key: serialises "scan existing data" requests, nothing else. */
const requestLockKey = 7_204_118_118;

export interface StoredScanProgress {
  scanId: string;
  /** The record type of the batch just scanned. */
  recordType: string;
  done: number;
  total: number;
  hits: number;
}

export interface StoredScanRunOptions {
  signal?: AbortSignal | undefined;
  batchSize?: number | undefined;
  onProgress?: ((progress: StoredScanProgress) => void) | undefined;
  /** Checked between batches, like the signal: true stops the run with the scan resumable. */
  outOfTime?: (() => boolean) | undefined;
}

export async function latestStoredScan(db: Db): Promise<StoredScan | undefined> {
  const [scan] = await db
    .select()
    .from(storedDataScans)
    .orderBy(desc(storedDataScans.requestedAt), desc(storedDataScans.id))
    .limit(1);
  return scan;
}

/** The scan to work on: the oldest one asked for and not finished. */
export async function activeStoredScan(db: Db): Promise<StoredScan | undefined> {
  const [scan] = await db
    .select()
    .from(storedDataScans)
    .where(inArray(storedDataScans.status, [...activeStatuses]))
    .orderBy(asc(storedDataScans.requestedAt), asc(storedDataScans.id))
    .limit(1);
  return scan;
}

/** Queues a scan unless one is queued or running already; either way, says which. Audited. */
export async function requestStoredScan(
  deps: Pick<ScannerDeps, "db" | "clock">,
  input: { actor: AuditActor },
): Promise<{ scanId: string; created: boolean }> {
  return deps.db.transaction(async (tx) => {
    // Two officers clicking at once would both find no active scan and queue two.
    await tx.execute(sql`select pg_advisory_xact_lock(${requestLockKey}::bigint)`);
    const active = await activeStoredScan(tx);
    if (active) return { scanId: active.id, created: false };
    const [scan] = await tx
      .insert(storedDataScans)
      .values({
        requestedBy: input.actor.type === "staff" ? (input.actor.id ?? null) : null,
        requestedAt: deps.clock.now(),
        status: "queued",
      })
      .returning({ id: storedDataScans.id });
    if (!scan) throw new Error("stored scan insert returned nothing");
    await appendAudit(tx, {
      clock: deps.clock,
      entry: { actor: input.actor, action: "scanner.scan.requested", details: { scanId: scan.id } },
    });
    return { scanId: scan.id, created: true };
  });
}

/**
 * Works on a scan batch by batch until it is done, the signal is aborted or time is up. Each
 * batch is one transaction that locks the scan row, reads its cursor, scans and moves the cursor:
 * a kill loses at most the batch in flight, and two processes take turns instead of counting a
 * record twice. A batch that fails marks the scan failed, with a message free of personal data.
 */
export async function continueStoredScan(
  deps: StoredScanDeps,
  scanId: string,
  options: StoredScanRunOptions = {},
): Promise<StoredScan | undefined> {
  const batchSize = options.batchSize ?? storedScanBatchSize;
  let scan: StoredScan | undefined;
  do {
    if (options.signal?.aborted || options.outOfTime?.()) break;
    try {
      scan = await deps.db.transaction((tx) => scanStep(tx, deps, scanId, batchSize));
    } catch (error) {
      await markFailed(deps, scanId, error);
      throw new Error(`stored data scan ${scanId} failed`, { cause: error });
    }
    if (scan && options.onProgress) options.onProgress(progressOf(deps, scan));
  } while (scan?.status === "running" || scan?.status === "queued");
  return scan;
}

/**
 * The whole scan in this process, for the CLI: continues the scan in progress or starts one,
 * and returns it finished (or as it stood when the signal stopped it).
 */
export async function runStoredScan(
  deps: StoredScanDeps,
  options: StoredScanRunOptions = {},
): Promise<StoredScan | undefined> {
  const active = await activeStoredScan(deps.db);
  const scanId =
    active?.id ??
    (await requestStoredScan(deps, { actor: { type: "system", id: "cli.scan" } })).scanId;
  return continueStoredScan(deps, scanId, options);
}

function progressOf(deps: StoredScanDeps, scan: StoredScan): StoredScanProgress {
  const type = scan.cursor ? deps.dataMap.recordTypes[scan.cursor.typeIndex] : undefined;
  return {
    scanId: scan.id,
    recordType: type?.id ?? "",
    done: scan.scanned,
    total: scan.total,
    hits: scan.hits.length,
  };
}

/** One step under the scan row's lock; undefined when the scan is gone or no longer active. */
async function scanStep(
  tx: Db,
  deps: StoredScanDeps,
  scanId: string,
  batchSize: number,
): Promise<StoredScan | undefined> {
  const [scan] = await tx
    .select()
    .from(storedDataScans)
    .where(eq(storedDataScans.id, scanId))
    .for("update");
  if (scan?.status === "queued") return start(tx, deps, scan);
  if (scan?.status !== "running") return scan;
  const cursor = scan.cursor ?? { typeIndex: 0, afterId: null };
  const type = deps.dataMap.recordTypes[cursor.typeIndex];
  if (!type) return finish(tx, deps, scan);
  const next = { typeIndex: cursor.typeIndex + 1, afterId: null };
  if (scannedFields(type).length === 0) return save(tx, scan, { cursor: next });
  const records = await readTextBatch(tx, deps, type, {
    afterId: cursor.afterId,
    limit: batchSize,
  });
  const found = hitsIn(type, records, deps.policy().sensitiveData.minimumConfidence);
  const last = records.at(-1);
  return save(tx, scan, {
    scanned: scan.scanned + records.length,
    hits: appendHits(scan.hits, found),
    cursor: last && records.length === batchSize ? { ...cursor, afterId: last.id } : next,
  });
}

function appendHits(hits: readonly StoredScanHit[], found: readonly StoredScanHit[]) {
  return [...hits, ...found].slice(0, storedScanHitLimit);
}

/** Counts what there is to scan now; records added later are scanned too if the cursor meets them. */
async function start(tx: Db, deps: StoredScanDeps, scan: StoredScan): Promise<StoredScan> {
  let total = 0;
  for (const type of deps.dataMap.recordTypes) total += await countScannable(tx, type);
  return save(tx, scan, {
    status: "running",
    startedAt: deps.clock.now(),
    total,
    scanned: 0,
    hits: [],
    cursor: { typeIndex: 0, afterId: null },
  });
}

async function finish(tx: Db, deps: StoredScanDeps, scan: StoredScan): Promise<StoredScan> {
  // The count at the start was what there was then; records came and went since. Done means
  // every record was read once, so the report says "n of n".
  const finished = await save(tx, scan, {
    status: "done",
    finishedAt: deps.clock.now(),
    total: scan.scanned,
    cursor: null,
  });
  await appendAudit(tx, {
    clock: deps.clock,
    entry: {
      actor: { type: "system", id: "scanner.stored_scan" },
      action: "scanner.scan.finished",
      details: { scanId: scan.id, scanned: scan.scanned, hits: scan.hits.length },
    },
  });
  return finished;
}

async function save(
  tx: Db,
  scan: StoredScan,
  change: Partial<Omit<StoredScan, "id">>,
): Promise<StoredScan> {
  const [saved] = await tx
    .update(storedDataScans)
    .set(change)
    .where(eq(storedDataScans.id, scan.id))
    .returning();
  return saved ?? scan;
}

/**
 * The error's class only: a message may quote a value (a driver echoes the row it choked on),
 * and this text is shown on the page and kept.
 */
async function markFailed(deps: StoredScanDeps, scanId: string, error: unknown): Promise<void> {
  const current = await deps.db
    .select({ cursor: storedDataScans.cursor })
    .from(storedDataScans)
    .where(eq(storedDataScans.id, scanId));
  const typeIndex = current[0]?.cursor?.typeIndex ?? 0;
  const where = deps.dataMap.recordTypes[typeIndex]?.id ?? "start";
  const kind = error instanceof Error ? error.name : "unknown error";
  await deps.db.transaction(async (tx) => {
    await tx
      .update(storedDataScans)
      .set({ status: "failed", finishedAt: deps.clock.now(), error: `${where}: ${kind}` })
      .where(eq(storedDataScans.id, scanId));
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "system", id: "scanner.stored_scan" },
        action: "scanner.scan.failed",
        details: { scanId },
      },
    });
  });
}
