import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const staffRoles = ["admin", "privacy", "support", "billing"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffUsers = pgTable("staff_users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Lower-cased; staff log in with it. Staff accounts are the organisation's own, not subjects. */
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: staffRoles }).notNull(),
  /** argon2id; null until the account is set up through its one-time link. */
  passwordHash: text("password_hash"),
  /** TOTP secret, encrypted by the vault; null until the second factor is enrolled. */
  totpSecret: text("totp_secret"),
  totpEnabledAt: at("totp_enabled_at"),
  /** The 30-second step of the last accepted code: a code is accepted once, never replayed. */
  totpLastStep: integer("totp_last_step"),
  /** SHA-256 of each unused recovery code. */
  recoveryCodes: jsonb("recovery_codes").$type<string[]>().notNull().default([]),
  setupTokenHash: text("setup_token_hash").unique(),
  setupExpiresAt: at("setup_expires_at"),
  disabledAt: at("disabled_at"),
  createdAt: at("created_at").notNull(),
  updatedAt: at("updated_at").notNull(),
});

/** Sessions live in the database so "sign out everywhere" and disabling an account take effect. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    /** SHA-256 of the cookie token: a database leak gives no usable session. */
    id: text("id").primaryKey(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    /** Null while only the password was given; set once the second factor passed. */
    secondFactorAt: at("second_factor_at"),
    revokedAt: at("revoked_at"),
  },
  (table) => [index("staff_sessions_staff_idx").on(table.staffId)],
);

/** Failed logins per account and per IP (both as HMACs), shared by every process. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: at("window_started_at").notNull(),
  lockedUntil: at("locked_until"),
});
