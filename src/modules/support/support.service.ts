import { randomInt, randomUUID } from "node:crypto";
import { and, eq, gt, ne } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Db } from "../../core/db/database.ts";
import { mayProcess, objectToProcessing, retentionFor } from "../../datamap/index.ts";
import { refuseSpecialCategories } from "../scanner/index.ts";
import { maxPasswordLifetimeMs } from "./password-store.ts";
import { supportSessionRecordType, teamviewerIdRecordType } from "./support.records.ts";
import { supportSessions, teamviewerIds } from "./support.tables.ts";
import type { SupportDeps } from "./support-deps.ts";

/** A code read out over the phone: 6 digits, valid 30 minutes, once. */
const codeLifetimeMs = 30 * 60 * 1000;
const codeLabel = "support.session_code";
const idLabel = "support.teamviewer_id";

export interface StartedSession {
  sessionId: string;
  /** Shown to the technician, read out to the customer; only its keyed hash is stored. */
  code: string;
}

/** A technician opens a session for one of the customer's people. */
export async function startSession(
  deps: SupportDeps,
  input: { customerId: string; subjectId: string; technicianId: string },
): Promise<StartedSession> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const id = randomUUID();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(supportSessions).values({
      id,
      subjectId: input.subjectId,
      ...(await retentionFor(tx, deps.dataMap, supportSessionRecordType, {
        subjectId: input.subjectId,
        key: input.customerId,
      })),
      customerId: input.customerId,
      technicianId: input.technicianId,
      status: "waiting",
      codeHash: deps.vault.keyedHash(codeLabel, code),
      codeExpiresAt: new Date(now.getTime() + codeLifetimeMs),
      startedAt: now,
    });
    await audit(tx, deps, input.technicianId, "support.session_started", input.subjectId, id);
  });
  return { sessionId: id, code };
}

export type HandOverOutcome = "connected" | "unknown" | "expired";

export interface HandOver {
  teamviewerId: string;
  password: string;
  /** "Do not keep my TeamViewer ID": recorded as an objection through the rights engine. */
  objected: boolean;
}

/**
 * The customer hands over the TeamViewer ID and password on /support/connect with the code the
 * technician read out. The password goes to the process's memory only; the code is used up.
 */
export async function handOverWithCode(
  deps: SupportDeps,
  input: HandOver & { code: string },
): Promise<HandOverOutcome> {
  const now = deps.clock.now();
  const [session] = await deps.db
    .update(supportSessions)
    .set({ status: "connected", handover: "connect_page", connectedAt: now, codeExpiresAt: now })
    .where(
      and(
        eq(supportSessions.codeHash, deps.vault.keyedHash(codeLabel, input.code.trim())),
        eq(supportSessions.status, "waiting"),
        gt(supportSessions.codeExpiresAt, now),
      ),
    )
    .returning({ id: supportSessions.id, subjectId: supportSessions.subjectId });
  if (!session?.subjectId) {
    const [known] = await deps.db
      .select({ id: supportSessions.id })
      .from(supportSessions)
      .where(eq(supportSessions.codeHash, deps.vault.keyedHash(codeLabel, input.code.trim())));
    return known ? "expired" : "unknown";
  }
  await keepHandOver(deps, session.id, session.subjectId, input);
  return "connected";
}

/** The customer reads the ID and password out on the phone; the technician types them. */
export async function handOverByPhone(
  deps: SupportDeps,
  input: HandOver & { sessionId: string; technicianId: string },
): Promise<boolean> {
  const now = deps.clock.now();
  const [session] = await deps.db
    .update(supportSessions)
    .set({ status: "connected", handover: "phone", connectedAt: now, codeExpiresAt: now })
    .where(
      and(
        eq(supportSessions.id, input.sessionId),
        eq(supportSessions.technicianId, input.technicianId),
        eq(supportSessions.status, "waiting"),
      ),
    )
    .returning({ subjectId: supportSessions.subjectId });
  if (!session?.subjectId) return false;
  await keepHandOver(deps, input.sessionId, session.subjectId, input);
  return true;
}

async function keepHandOver(
  deps: SupportDeps,
  sessionId: string,
  subjectId: string,
  input: HandOver,
) {
  deps.passwords.put(
    sessionId,
    { teamviewerId: input.teamviewerId.trim(), password: input.password, objected: input.objected },
    maxPasswordLifetimeMs,
  );
  if (input.objected) {
    // The rights engine's objection: no ID kept now or in later sessions, and any kept one goes.
    await objectToProcessing(deps, {
      subjectId,
      purpose: "support",
      actor: { type: "subject", id: subjectId },
    });
  }
}

/**
 * Shows the password to the technician of the session, while it lives. Each look is audited,
 * without the value.
 */
export async function revealPassword(
  deps: SupportDeps,
  input: { sessionId: string; technicianId: string },
): Promise<{ teamviewerId: string; password: string } | undefined> {
  const [session] = await deps.db
    .select()
    .from(supportSessions)
    .where(eq(supportSessions.id, input.sessionId));
  if (!session || session.technicianId !== input.technicianId || session.status !== "connected") {
    return undefined;
  }
  const handed = deps.passwords.get(input.sessionId);
  if (!handed) return undefined;
  await audit(
    deps.db,
    deps,
    input.technicianId,
    "support.password_revealed",
    session.subjectId,
    session.id,
  );
  return { teamviewerId: handed.teamviewerId, password: handed.password };
}

/**
 * Ends the session: the password is wiped from memory, the summary is kept (after the
 * sensitive-data hook), and only the TeamViewer ID is kept, unless the customer objected.
 */
export async function endSession(
  deps: SupportDeps,
  input: { sessionId: string; technicianId: string; summary: string; locale: "nl" | "en" | "fr" },
): Promise<{ ended: boolean; keptId: boolean }> {
  // Read now, wiped only once this technician's session has really ended.
  const handed = deps.passwords.get(input.sessionId);
  const summary = input.summary.trim()
    ? refuseSpecialCategories(
        await deps.sensitiveData(input.summary.trim(), input.locale),
        "summary",
        input.locale,
      )
    : "";
  const outcome = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const [session] = await tx
      .update(supportSessions)
      .set({ status: "ended", endedAt: now, codeExpiresAt: now })
      .where(
        and(
          eq(supportSessions.id, input.sessionId),
          eq(supportSessions.technicianId, input.technicianId),
          ne(supportSessions.status, "ended"),
        ),
      )
      .returning();
    if (!session?.subjectId) return { ended: false, keptId: false };
    const subjectId = session.subjectId;
    if (summary) {
      const summaryCiphertext = await deps.vault.encryptField(tx, {
        subjectId,
        purpose: "customer_dossier",
        table: "support_sessions",
        column: "summary_ciphertext",
        recordId: session.id,
        value: summary,
      });
      await tx
        .update(supportSessions)
        .set({ summaryCiphertext })
        .where(eq(supportSessions.id, session.id));
    }
    const keptId = handed
      ? await keepTeamviewerId(tx, deps, session.customerId, subjectId, handed)
      : false;
    await audit(tx, deps, input.technicianId, "support.session_ended", subjectId, session.id);
    return { ended: true, keptId };
  });
  if (outcome.ended) deps.passwords.wipe(input.sessionId);
  return outcome;
}

async function keepTeamviewerId(
  tx: Db,
  deps: SupportDeps,
  customerId: string,
  subjectId: string,
  handed: { teamviewerId: string; objected: boolean },
): Promise<boolean> {
  if (handed.objected || !handed.teamviewerId) return false;
  const allowed = await mayProcess(tx, { subjectId, purpose: "support" });
  if (!allowed.allowed) return false;
  const now = deps.clock.now();
  const lookupHash = deps.vault.keyedHash(idLabel, handed.teamviewerId);
  const id = randomUUID();
  await tx
    .insert(teamviewerIds)
    .values({
      id,
      subjectId,
      ...(await retentionFor(tx, deps.dataMap, teamviewerIdRecordType, { subjectId })),
      customerId,
      teamviewerIdCiphertext: await deps.vault.encryptField(tx, {
        subjectId,
        purpose: "support",
        table: "teamviewer_ids",
        column: "teamviewer_id_ciphertext",
        recordId: id,
        value: handed.teamviewerId,
      }),
      lookupHash,
      createdAt: now,
      lastUsedAt: now,
    })
    .onConflictDoUpdate({
      target: [teamviewerIds.subjectId, teamviewerIds.lookupHash],
      set: { lastUsedAt: now },
    });
  return true;
}

function audit(
  db: Db,
  deps: Pick<SupportDeps, "clock">,
  technicianId: string,
  action: string,
  subjectId: string | null,
  sessionId: string,
) {
  return appendAudit(db, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: technicianId },
      action,
      ...(subjectId ? { subjectId } : {}),
      recordType: supportSessionRecordType.id,
      recordId: sessionId,
      purpose: "support",
    },
  });
}
