import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Clock } from "../core/clock.ts";
import type { Db } from "../core/db/database.ts";
import { parsePolicy } from "./load-policy.ts";
import type { Policy } from "./policy.schema.ts";
import { policyVersions } from "./policy.tables.ts";
import { queuePolicyNotice } from "./policy-notices.ts";

export type PolicyVersionRow = Omit<typeof policyVersions.$inferSelect, "source">;

/** Same content, same hash, whatever the YAML's layout or comments. */
export function contentHashOf(policy: Policy): string {
  return createHash("sha256").update(JSON.stringify(policy)).digest("hex").slice(0, 16);
}

function versionRow(policy: Policy, source: string, now: Date) {
  return {
    contentHash: contentHashOf(policy),
    source,
    effectiveDate: policy.version.effectiveDate,
    changelog: policy.version.changelog,
    createdAt: now,
    activatedAt: now,
  };
}

/**
 * The policy in force. The file the server starts with becomes a version the first time it is
 * seen, and is then active; a version activated later (an upload) stays active across restarts
 * until the file changes again.
 */
export class PolicyStore {
  #policy: Policy;
  #hash: string;

  private constructor(policy: Policy) {
    this.#policy = policy;
    this.#hash = contentHashOf(policy);
  }

  static async open(
    db: Db,
    options: { clock: Clock; policy: Policy; source: string; publicUrl?: string },
  ): Promise<PolicyStore> {
    const hash = contentHashOf(options.policy);
    const now = options.clock.now();
    const inserted = await db
      .insert(policyVersions)
      .values(versionRow(options.policy, options.source, now))
      .onConflictDoNothing()
      .returning({ contentHash: policyVersions.contentHash });
    // An operator who edits the file with notify: true means the same as an upload would.
    if (inserted.length > 0 && options.policy.version.notify && options.publicUrl) {
      await queuePolicyNotice(db, {
        clock: options.clock,
        policy: options.policy,
        contentHash: hash,
        publicUrl: options.publicUrl,
      });
    }
    const store = new PolicyStore(options.policy);
    await store.refresh(db);
    return store;
  }

  current(): Policy {
    return this.#policy;
  }

  get currentHash(): string {
    return this.#hash;
  }

  /**
   * Makes a checked policy the one in force, now; activating an earlier version again brings it
   * back. The caller records who did it in the audit log, in the same transaction, and calls
   * refresh() once that transaction committed.
   */
  async activate(
    db: Db,
    options: { clock: Clock; policy: Policy; source: string; staffId: string },
  ): Promise<string> {
    const hash = contentHashOf(options.policy);
    const now = options.clock.now();
    await db
      .insert(policyVersions)
      .values({ ...versionRow(options.policy, options.source, now), activatedBy: options.staffId })
      .onConflictDoUpdate({
        target: policyVersions.contentHash,
        set: { activatedAt: now, activatedBy: options.staffId },
      });
    return hash;
  }

  /** Picks up a version another process activated. */
  async refresh(db: Db): Promise<void> {
    const [active] = await db
      .select()
      .from(policyVersions)
      .orderBy(desc(policyVersions.activatedAt))
      .limit(1);
    if (!active || active.contentHash === this.#hash) return;
    const parsed = parsePolicy(active.source);
    // A stored version was valid when it was activated; if this software can no longer read it,
    // the statement it started with is the safer one to show.
    if ("policy" in parsed) {
      this.#policy = parsed.policy;
      this.#hash = active.contentHash;
    }
  }
}

export async function listPolicyVersions(db: Db): Promise<PolicyVersionRow[]> {
  return db
    .select({
      contentHash: policyVersions.contentHash,
      effectiveDate: policyVersions.effectiveDate,
      changelog: policyVersions.changelog,
      createdAt: policyVersions.createdAt,
      activatedAt: policyVersions.activatedAt,
      activatedBy: policyVersions.activatedBy,
    })
    .from(policyVersions)
    .orderBy(desc(policyVersions.activatedAt));
}

export async function findPolicyVersion(
  db: Db,
  contentHash: string,
): Promise<{ version: PolicyVersionRow; policy: Policy } | undefined> {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.contentHash, contentHash));
  if (!row) return undefined;
  const parsed = parsePolicy(row.source);
  if (!("policy" in parsed)) return undefined;
  const { source: _source, ...version } = row;
  return { version, policy: parsed.policy };
}

/** The version in force with its YAML source, which a back-office edit starts from. */
export async function activePolicyVersion(
  db: Db,
): Promise<{ contentHash: string; source: string } | undefined> {
  const [row] = await db
    .select({ contentHash: policyVersions.contentHash, source: policyVersions.source })
    .from(policyVersions)
    .orderBy(desc(policyVersions.activatedAt))
    .limit(1);
  return row;
}

/** The version in force, locked until the caller's transaction ends (activations queue up). */
export async function activeVersionHash(db: Db): Promise<string | undefined> {
  const [row] = await db
    .select({ contentHash: policyVersions.contentHash })
    .from(policyVersions)
    .orderBy(desc(policyVersions.activatedAt))
    .limit(1)
    .for("update");
  return row?.contentHash;
}
