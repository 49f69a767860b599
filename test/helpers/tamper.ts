import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../src/core/db/database.ts";

/**
 * Changes the audit log the way an attacker with the database owner's rights could: past the
 * append-only trigger, which the application itself cannot get by.
 */
export async function tamperWithAuditLog(db: Db, statement: SQL): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}
