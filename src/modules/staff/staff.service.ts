import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { type AuditDetails, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { AppError } from "../../core/http/index.ts";
import { clearLoginFailures, lockedUntil, recordLoginFailure } from "./login-throttle.ts";
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from "./passwords.ts";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  type Provisioning,
  provisioningFor,
  totpMatches,
} from "./second-factor.ts";
import { endAllSessions } from "./sessions.ts";
import { type StaffRole, staffUsers } from "./staff.tables.ts";

/** The least the staff module needs from the vault: sealed secrets and a keyed hash. */
export interface StaffSecrets {
  sealSecret(value: string, aad: string): string | Promise<string>;
  openSecret(sealed: string, aad: string): string | Promise<string>;
  blindIndex(kind: "email", normalisedValue: string): string;
}

export interface StaffDeps {
  db: Db;
  clock: Clock;
  secrets: StaffSecrets;
}

export type StaffAccount = typeof staffUsers.$inferSelect;

const SETUP_LINK_HOURS = 72;
const staffActor = (staffId: string) => ({ type: "staff" as const, id: staffId });
const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const totpAad = (staffId: string) => `staff_users\u0000totp_secret\u0000${staffId}`;

interface AccountChange {
  staffId: string;
  /** Who made the change; the account itself when not given. */
  actorId?: string | undefined;
  action: string;
  set: Partial<typeof staffUsers.$inferInsert>;
  details?: AuditDetails;
  /** More work in the same transaction, e.g. ending the account's sessions. */
  alsoIn?: (tx: Db) => Promise<unknown>;
}

/** Changes an account and records who did it, in one transaction. */
async function changeAccount(
  { db, clock }: Omit<StaffDeps, "secrets">,
  change: AccountChange,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ ...change.set, updatedAt: clock.now() })
      .where(eq(staffUsers.id, change.staffId));
    await change.alsoIn?.(tx);
    await appendAudit(tx, {
      clock,
      entry: {
        actor: staffActor(change.actorId ?? change.staffId),
        action: change.action,
        recordType: "staff_user",
        recordId: change.staffId,
        ...(change.details ? { details: change.details } : {}),
      },
    });
  });
}

export function normaliseStaffEmail(email: string): string {
  return email.trim().normalize("NFKC").toLowerCase();
}

export async function countStaff(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffUsers);
  return Number(row?.n ?? 0);
}

export async function listStaff(db: Db): Promise<StaffAccount[]> {
  return db.select().from(staffUsers).orderBy(asc(staffUsers.email));
}

export async function findStaff(db: Db, staffId: string): Promise<StaffAccount | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, staffId));
  return row;
}

/** A new account without a password; the returned one-time token sets it up. */
export async function createStaffAccount(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { email: string; displayName: string; role: StaffRole; actorId?: string },
): Promise<{ staffId: string; setupToken: string }> {
  const email = normaliseStaffEmail(options.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError("validation");
  const setupToken = randomBytes(32).toString("base64url");
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(staffUsers).where(eq(staffUsers.email, email));
    if (existing) throw new AppError("conflict");
    const [created] = await tx
      .insert(staffUsers)
      .values({
        email,
        displayName: options.displayName.trim() || email,
        role: options.role,
        setupTokenHash: tokenHash(setupToken),
        setupExpiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: staffUsers.id });
    if (!created) throw new AppError("internal");
    await appendAudit(tx, {
      clock,
      entry: {
        actor: options.actorId ? staffActor(options.actorId) : { type: "system" },
        action: "staff.created",
        recordType: "staff_user",
        recordId: created.id,
        details: { role: options.role },
      },
    });
    return { staffId: created.id, setupToken };
  });
}

/** A fresh one-time link (invite again, or a reset after a lost password or phone). */
export async function issueSetupLink(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string; actorId: string },
): Promise<string> {
  const setupToken = randomBytes(32).toString("base64url");
  const now = clock.now();
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      actorId: options.actorId,
      action: "staff.reset",
      set: {
        setupTokenHash: tokenHash(setupToken),
        setupExpiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000),
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        recoveryCodes: [],
      },
      alsoIn: (tx) => endAllSessions(tx, options.staffId, now),
    },
  );
  return setupToken;
}

export async function findBySetupToken(
  { db, clock }: Omit<StaffDeps, "secrets">,
  token: string,
): Promise<StaffAccount | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.setupTokenHash, tokenHash(token)),
        gt(staffUsers.setupExpiresAt, clock.now()),
        isNull(staffUsers.disabledAt),
      ),
    );
  return row;
}

export type PasswordProblem = NonNullable<ReturnType<typeof passwordProblem>>;

export async function completeSetup(
  deps: Omit<StaffDeps, "secrets">,
  options: { token: string; password: string },
): Promise<{ staffId: string } | { problem: PasswordProblem | "expired" }> {
  const account = await findBySetupToken(deps, options.token);
  if (!account) return { problem: "expired" };
  const problem = passwordProblem(options.password, account.email);
  if (problem) return { problem };
  const passwordHash = await hashPassword(options.password);
  await changeAccount(deps, {
    staffId: account.id,
    action: "staff.password_set",
    set: { passwordHash, setupTokenHash: null, setupExpiresAt: null },
  });
  return { staffId: account.id };
}

export type LoginOutcome =
  | { outcome: "password_ok"; staffId: string }
  | { outcome: "refused"; lockedUntil?: Date };

/**
 * Checks e-mail and password. Unknown, disabled and locked accounts are refused exactly like a
 * wrong password (same message, same argon2 cost), so the answer never tells whether an
 * account exists.
 */
export async function checkPassword(
  { db, clock, secrets }: StaffDeps,
  options: { email: string; password: string },
): Promise<LoginOutcome> {
  const email = normaliseStaffEmail(options.email);
  const throttleKey = `account:${secrets.blindIndex("email", email)}`;
  const now = clock.now();
  const locked = await lockedUntil(db, throttleKey, now);
  const [account] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const usable = account && !account.disabledAt && account.passwordHash;
  const valid =
    usable && !locked
      ? await verifyPassword(account.passwordHash ?? "", options.password)
      : await verifyDecoy(options.password);
  if (!valid || !account) {
    if (!locked) await recordLoginFailure(db, throttleKey, now);
    await appendAudit(db, {
      clock,
      entry: {
        actor: { type: "anonymous" },
        action: "staff.login_failed",
        ...(account ? { recordType: "staff_user", recordId: account.id } : {}),
        details: { reason: locked ? "locked" : "credentials" },
      },
    });
    const stillLocked = locked ?? (await lockedUntil(db, throttleKey, now));
    return stillLocked ? { outcome: "refused", lockedUntil: stillLocked } : { outcome: "refused" };
  }
  await clearLoginFailures(db, throttleKey);
  return { outcome: "password_ok", staffId: account.id };
}

/** A TOTP code, or one of the recovery codes (used up on use). */
export async function checkSecondFactor(
  { db, clock, secrets }: StaffDeps,
  options: { staffId: string; code: string },
): Promise<boolean> {
  const account = await findStaff(db, options.staffId);
  if (!account?.totpSecret || !account.totpEnabledAt) return false;
  const secret = await secrets.openSecret(account.totpSecret, totpAad(account.id));
  let passed = totpMatches(secret, options.code, clock.now());
  if (!passed) {
    const hashed = hashRecoveryCode(options.code);
    if (account.recoveryCodes.includes(hashed)) {
      await db
        .update(staffUsers)
        .set({ recoveryCodes: account.recoveryCodes.filter((code) => code !== hashed) })
        .where(eq(staffUsers.id, account.id));
      passed = true;
    }
  }
  await appendAudit(db, {
    clock,
    entry: {
      actor: staffActor(account.id),
      action: passed ? "staff.login" : "staff.second_factor_failed",
      recordType: "staff_user",
      recordId: account.id,
    },
  });
  return passed;
}

/** Starts (or restarts) enrolment: a new secret, sealed, not active until confirmed. */
export async function beginEnrolment(
  { db, clock, secrets }: StaffDeps,
  options: { staffId: string },
): Promise<Provisioning> {
  const account = await findStaff(db, options.staffId);
  if (!account) throw new AppError("not_found");
  if (account.totpEnabledAt) throw new AppError("conflict");
  const secret = newTotpSecret();
  await db
    .update(staffUsers)
    .set({
      totpSecret: await secrets.sealSecret(secret, totpAad(account.id)),
      updatedAt: clock.now(),
    })
    .where(eq(staffUsers.id, account.id));
  return provisioningFor(secret, account.email);
}

export async function pendingProvisioning(
  { db, secrets }: StaffDeps,
  options: { staffId: string },
): Promise<Provisioning | undefined> {
  const account = await findStaff(db, options.staffId);
  if (!account?.totpSecret || account.totpEnabledAt) return undefined;
  return provisioningFor(
    await secrets.openSecret(account.totpSecret, totpAad(account.id)),
    account.email,
  );
}

/** The first correct code activates the second factor and yields the recovery codes, once. */
export async function confirmEnrolment(
  { db, clock, secrets }: StaffDeps,
  options: { staffId: string; code: string },
): Promise<string[] | undefined> {
  const account = await findStaff(db, options.staffId);
  if (!account?.totpSecret || account.totpEnabledAt) return undefined;
  const secret = await secrets.openSecret(account.totpSecret, totpAad(account.id));
  if (!totpMatches(secret, options.code, clock.now())) return undefined;
  const { codes, hashes } = newRecoveryCodes();
  await changeAccount(
    { db, clock },
    {
      staffId: account.id,
      action: "staff.second_factor_enrolled",
      set: { totpEnabledAt: clock.now(), recoveryCodes: hashes },
    },
  );
  return codes;
}

export async function regenerateRecoveryCodes(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string },
): Promise<string[]> {
  const { codes, hashes } = newRecoveryCodes();
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      action: "staff.recovery_codes_renewed",
      set: { recoveryCodes: hashes },
    },
  );
  return codes;
}

export async function changePassword(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string; currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<PasswordProblem | "wrong_password" | undefined> {
  const account = await findStaff(db, options.staffId);
  if (!account?.passwordHash) throw new AppError("not_found");
  if (!(await verifyPassword(account.passwordHash, options.currentPassword))) {
    return "wrong_password";
  }
  const problem = passwordProblem(options.newPassword, account.email);
  if (problem) return problem;
  const passwordHash = await hashPassword(options.newPassword);
  await changeAccount(
    { db, clock },
    {
      staffId: account.id,
      action: "staff.password_changed",
      set: { passwordHash },
      // Whoever knew the old password is signed out; the person changing it stays in.
      alsoIn: (tx) => endAllSessions(tx, account.id, clock.now(), options.keepSessionId),
    },
  );
  return undefined;
}

export async function changeRole(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string; role: StaffRole; actorId: string },
): Promise<void> {
  await guardLastAdmin(db, options.staffId, options.role === "admin");
  const before = await findStaff(db, options.staffId);
  if (!before) throw new AppError("not_found");
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      actorId: options.actorId,
      action: "staff.role_changed",
      set: { role: options.role },
      details: { from: before.role, to: options.role },
    },
  );
}

/** Disabling ends every session of the account at once. */
export async function setDisabled(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string; disabled: boolean; actorId: string },
): Promise<void> {
  if (options.disabled) await guardLastAdmin(db, options.staffId, false);
  const now = clock.now();
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      actorId: options.actorId,
      action: options.disabled ? "staff.disabled" : "staff.enabled",
      set: { disabledAt: options.disabled ? now : null },
      alsoIn: async (tx) => {
        if (options.disabled) await endAllSessions(tx, options.staffId, now);
      },
    },
  );
}

export async function signOutEverywhere(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await endAllSessions(tx, options.staffId, clock.now());
    await appendAudit(tx, {
      clock,
      entry: {
        actor: staffActor(options.staffId),
        action: "staff.signed_out_everywhere",
        recordType: "staff_user",
        recordId: options.staffId,
        details: { sessions: ended },
      },
    });
    return ended;
  });
}

/** The organisation must never lock itself out: the last active admin keeps the role. */
async function guardLastAdmin(db: Db, staffId: string, staysAdmin: boolean): Promise<void> {
  if (staysAdmin) return;
  const account = await findStaff(db, staffId);
  if (account?.role !== "admin" || account.disabledAt) return;
  const [row] = await db
    .select({ n: count() })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), isNull(staffUsers.disabledAt)));
  if (Number(row?.n ?? 0) <= 1) throw new AppError("conflict", { params: {} });
}
