import { and, asc, count, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { type AuditDetails, appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { AppError } from "../../core/http/index.ts";
import { hashBearerToken, newBearerToken } from "./bearer-token.ts";
import {
  accountPolicy,
  addressPolicy,
  afterFailure,
  clearAttempts,
  lockedUntil,
  registerAttempt,
} from "./login-throttle.ts";
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from "./passwords.ts";
import {
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  type Provisioning,
  provisioningFor,
  totpStepOf,
} from "./second-factor.ts";
import { endAllSessions } from "./sessions.ts";
import { type StaffRole, staffUsers } from "./staff.tables.ts";

/** The least the staff module needs from the vault: sealed secrets and a keyed hash. */
export interface StaffSecrets {
  sealSecret(value: string, aad: string): string | Promise<string>;
  openSecret(sealed: string, aad: string): string | Promise<string>;
  keyedHash(label: string, value: string): string;
}

export interface StaffDeps {
  db: Db;
  clock: Clock;
  secrets: StaffSecrets;
}

export type StaffAccount = typeof staffUsers.$inferSelect;

const SETUP_LINK_HOURS = 72;
const recoveryCodeHash = (secrets: StaffSecrets) => (normalised: string) =>
  secrets.keyedHash("recovery_code", normalised);
const staffActor = (staffId: string) => ({ type: "staff" as const, id: staffId });
/** A one-time setup link: the token for the URL, and what the account row keeps of it. */
function newSetupLink(now: Date) {
  const token = newBearerToken();
  return {
    token,
    columns: {
      setupTokenHash: hashBearerToken(token),
      setupExpiresAt: new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000),
    },
  };
}
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
  /** Checks that must hold at commit time, run first inside the transaction. */
  guard?: (tx: Db) => Promise<void>;
}

/** Changes an account and records who did it, in one transaction. */
async function changeAccount(
  { db, clock }: Omit<StaffDeps, "secrets">,
  change: AccountChange,
): Promise<void> {
  await db.transaction(async (tx) => {
    await change.guard?.(tx);
    const changed = await tx
      .update(staffUsers)
      .set({ ...change.set, updatedAt: clock.now() })
      .where(eq(staffUsers.id, change.staffId))
      .returning({ id: staffUsers.id });
    if (changed.length === 0) throw new AppError("not_found");
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

/** Who gets the privacy role's alerts: deadline reminders, cookie scans, quarantined records. */
export async function activePrivacyOfficers(db: Db): Promise<StaffAccount[]> {
  return (await listStaff(db)).filter(
    (account) => account.role === "privacy" && !account.disabledAt,
  );
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
  const now = clock.now();
  const link = newSetupLink(now);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(staffUsers).where(eq(staffUsers.email, email));
    if (existing) throw new AppError("conflict");
    const [created] = await tx
      .insert(staffUsers)
      .values({
        email,
        displayName: options.displayName.trim() || email,
        role: options.role,
        ...link.columns,
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
    return { staffId: created.id, setupToken: link.token };
  });
}

/** A fresh one-time link (invite again, or a reset after a lost password or phone). */
export async function issueSetupLink(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string; actorId: string },
): Promise<string> {
  const now = clock.now();
  const link = newSetupLink(now);
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      actorId: options.actorId,
      action: "staff.reset",
      guard: (tx) => guardLastAdmin(tx, options.staffId, false),
      set: {
        ...link.columns,
        passwordHash: null,
        totpSecret: null,
        totpEnabledAt: null,
        recoveryCodes: [],
      },
      alsoIn: (tx) => endAllSessions(tx, options.staffId, now),
    },
  );
  return link.token;
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
        eq(staffUsers.setupTokenHash, hashBearerToken(token)),
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
  options: { email: string; password: string; ip: string },
): Promise<LoginOutcome> {
  const email = normaliseStaffEmail(options.email);
  const accountKey = `account:${secrets.keyedHash("login_account", email)}`;
  const addressKey = `address:${secrets.keyedHash("login_address", options.ip)}`;
  const now = clock.now();
  const addressLock = await lockedUntil(db, addressKey, now);
  const verdict = addressLock
    ? ({ allowed: false, lockedUntil: addressLock } as const)
    : await registerAttempt(db, accountKey, now, accountPolicy);
  const [account] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const usable = account && !account.disabledAt && account.passwordHash;
  const valid =
    usable && verdict.allowed
      ? await verifyPassword(account.passwordHash ?? "", options.password)
      : await verifyDecoy(options.password);
  if (valid && account && verdict.allowed) {
    await clearAttempts(db, accountKey);
    return { outcome: "password_ok", staffId: account.id };
  }
  const locked = verdict.allowed
    ? await afterFailure(db, accountKey, now, verdict, accountPolicy)
    : verdict.lockedUntil;
  await countAddressFailure(db, addressKey, now);
  await appendAudit(db, {
    clock,
    entry: {
      actor: { type: "anonymous" },
      action: "staff.login_failed",
      ...(account ? { recordType: "staff_user", recordId: account.id } : {}),
      details: { reason: verdict.allowed ? "credentials" : "locked" },
    },
  });
  return locked ? { outcome: "refused", lockedUntil: locked } : { outcome: "refused" };
}

async function countAddressFailure(db: Db, key: string, now: Date): Promise<void> {
  const verdict = await registerAttempt(db, key, now, addressPolicy);
  if (verdict.allowed) await afterFailure(db, key, now, verdict, addressPolicy);
}

export type SecondFactorOutcome = "passed" | "wrong" | "locked";

/**
 * A TOTP code (each 30-second step accepted once) or a recovery code (used up atomically),
 * five tries per 15 minutes like the password.
 */
export async function checkSecondFactor(
  { db, clock, secrets }: StaffDeps,
  options: { staffId: string; code: string },
): Promise<SecondFactorOutcome> {
  const account = await findStaff(db, options.staffId);
  if (!account?.totpSecret || !account.totpEnabledAt) return "wrong";
  const throttleKey = `second_factor:${account.id}`;
  const now = clock.now();
  const verdict = await registerAttempt(db, throttleKey, now, accountPolicy);
  if (!verdict.allowed) return "locked";
  const secret = await secrets.openSecret(account.totpSecret, totpAad(account.id));
  const step = totpStepOf(secret, options.code, now);
  const method =
    step !== undefined
      ? (await claimTotpStep(db, account.id, step)) && "totp"
      : (await useRecoveryCode(db, secrets, account.id, options.code)) && "recovery_code";
  await appendAudit(db, {
    clock,
    entry: {
      actor: staffActor(account.id),
      action: method ? "staff.login" : "staff.second_factor_failed",
      recordType: "staff_user",
      recordId: account.id,
      ...(method ? { details: { method } } : {}),
    },
  });
  if (method) {
    await clearAttempts(db, throttleKey);
    return "passed";
  }
  return (await afterFailure(db, throttleKey, now, verdict, accountPolicy)) ? "locked" : "wrong";
}

/** Only a later step than the last one accepted: a code seen over a shoulder is worthless. */
async function claimTotpStep(db: Db, staffId: string, step: number): Promise<boolean> {
  const claimed = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(staffUsers.id, staffId),
        or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
      ),
    )
    .returning({ id: staffUsers.id });
  return claimed.length === 1;
}

/** Removes the code in the same statement that checks it, so two requests cannot both use it. */
async function useRecoveryCode(
  db: Db,
  secrets: StaffSecrets,
  staffId: string,
  code: string,
): Promise<boolean> {
  const hashed = recoveryCodeHash(secrets)(normaliseRecoveryCode(code));
  const used = await db
    .update(staffUsers)
    .set({ recoveryCodes: sql`${staffUsers.recoveryCodes} - ${hashed}::text` })
    .where(
      and(eq(staffUsers.id, staffId), sql`jsonb_exists(${staffUsers.recoveryCodes}, ${hashed})`),
    )
    .returning({ id: staffUsers.id });
  return used.length === 1;
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
  const step = totpStepOf(secret, options.code, clock.now());
  if (step === undefined) return undefined;
  const { codes, hashes } = newRecoveryCodes(recoveryCodeHash(secrets));
  await changeAccount(
    { db, clock },
    {
      staffId: account.id,
      action: "staff.second_factor_enrolled",
      set: { totpEnabledAt: clock.now(), recoveryCodes: hashes, totpLastStep: step },
    },
  );
  return codes;
}

export async function regenerateRecoveryCodes(
  { db, clock, secrets }: StaffDeps,
  options: { staffId: string },
): Promise<string[]> {
  const { codes, hashes } = newRecoveryCodes(recoveryCodeHash(secrets));
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
  const before = await findStaff(db, options.staffId);
  if (!before) throw new AppError("not_found");
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      actorId: options.actorId,
      action: "staff.role_changed",
      set: { role: options.role },
      guard: (tx) => guardLastAdmin(tx, options.staffId, options.role === "admin"),
      details: { from: before.role, to: options.role },
    },
  );
}

/** Disabling ends every session of the account at once. */
export async function setDisabled(
  { db, clock }: Omit<StaffDeps, "secrets">,
  options: { staffId: string; disabled: boolean; actorId: string },
): Promise<void> {
  const now = clock.now();
  await changeAccount(
    { db, clock },
    {
      staffId: options.staffId,
      actorId: options.actorId,
      action: options.disabled ? "staff.disabled" : "staff.enabled",
      // A disabled account's pending setup link dies with it, and does not come back on enabling.
      set: options.disabled
        ? { disabledAt: now, setupTokenHash: null, setupExpiresAt: null }
        : { disabledAt: null },
      guard: (tx) => guardLastAdmin(tx, options.staffId, !options.disabled),
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

/**
 * The organisation must never lock itself out: some other admin who has finished setting up
 * must remain. The admin rows are locked, so two admins demoting each other at once are
 * handled one after the other, and the second is refused.
 */
async function guardLastAdmin(tx: Db, staffId: string, staysAdmin: boolean): Promise<void> {
  if (staysAdmin) return;
  const admins = await tx
    .select({
      id: staffUsers.id,
      passwordHash: staffUsers.passwordHash,
      totpEnabledAt: staffUsers.totpEnabledAt,
    })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "admin"), isNull(staffUsers.disabledAt)))
    .for("update");
  if (!admins.some((admin) => admin.id === staffId)) return;
  const others = admins.filter(
    (admin) => admin.id !== staffId && admin.passwordHash && admin.totpEnabledAt,
  );
  if (others.length === 0) throw new AppError("conflict");
}
