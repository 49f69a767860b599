import { sql } from "drizzle-orm";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import { type Db, queryRows } from "../../core/db/database.ts";

/**
 * A newsletter or notice the receiving server refused for good (a hard bounce, flagged by the
 * delivery job) marks its reader undeliverable: nothing more is sent until they sign up again.
 * A bounce older than the reader's last change (a new sign-up, a new address) no longer counts.
 */
export async function applyHardBounces(deps: { db: Db; clock: Clock }): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const marked = await queryRows<{ id: string }>(
      tx,
      sql`update newsletter_subscribers s set undeliverable_at = ${now}, updated_at = ${now}
          where s.undeliverable_at is null and exists (
            select 1 from newsletter_deliveries d join outbox o on o.id = d.outbox_id
            where d.subscriber_id = s.id and o.hard_bounce and o.created_at >= s.updated_at)
          returning s.id`,
    );
    if (marked.length > 0) {
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor: { type: "system" },
          action: "newsletter.undeliverable",
          purpose: "newsletter",
          details: { subscribers: marked.length },
        },
      });
    }
    return marked.length;
  });
}
