import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestDatabase, databaseKinds } from "../../test/helpers/database.ts";
import {
  createTestNotesTable,
  insertTestNote,
  testDataMap,
} from "../../test/helpers/test-record-type.ts";
import { listAudit } from "../audit/index.ts";
import type { FakeClock } from "../core/clock.ts";
import { type Database, queryRows } from "../core/db/database.ts";
import { loadActivePolicy, type Policy } from "../policy/index.ts";
import type { Vault } from "../vault/index.ts";
import { openTestVault, uniquePerson } from "../vault/test-vault.ts";
import { publishAnchorEvent } from "./anchor-events.ts";
import { applyPolicyRetention } from "./apply-policy-retention.ts";
import type { DataMap } from "./data-map.ts";

/** The policy with the contact purpose's period replaced. */
function withContactPeriod(policy: Policy, years: number): Policy {
  return {
    ...policy,
    purposes: policy.purposes.map((purpose) =>
      purpose.id === "contact" && purpose.retention.rule.kind === "after_event"
        ? {
            ...purpose,
            retention: { ...purpose.retention, rule: { ...purpose.retention.rule, years } },
          }
        : purpose,
    ),
  };
}

for (const kind of databaseKinds) {
  describe(`a policy change moves stored retention dates, on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    let policy: Policy;

    before(async () => {
      database = await createTestDatabase(kind);
      await createTestNotesTable(database.db);
      ({ vault, clock } = await openTestVault(database.db));
      const loaded = await loadActivePolicy(undefined);
      policy = loaded.policy;
      dataMap = testDataMap(() => policy);
    });
    after(() => database.close());

    it("recomputes retain_until once when the contact period goes from 1 to 2 years, and keeps open requests waiting", async () => {
      assert.deepEqual(await applyPolicyRetention({ db: database.db, dataMap, clock }), [
        { recordType: "test.note", updated: 0 },
      ]);
      clock.set("2026-03-31T12:00:00Z");
      const closed = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email: uniquePerson().email,
          requestId: "closed",
        },
      );
      const open = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        {
          email: uniquePerson().email,
          requestId: "open",
        },
      );
      await publishAnchorEvent(
        database.db,
        { dataMap, clock },
        {
          event: "request.closed",
          subjectId: closed.subjectId,
          key: "closed",
        },
      );

      policy = withContactPeriod(policy, 2);
      const changed = await applyPolicyRetention({ db: database.db, dataMap, clock });
      assert.deepEqual(changed, [{ recordType: "test.note", updated: 2 }]);
      const rows = await queryRows<{
        id: string;
        retain_until: string | Date | null;
        retention_reason: { period: { years: number } };
      }>(database.db, sql`select id::text, retain_until, retention_reason from test_notes`);
      const byId = new Map(rows.map((row) => [row.id, row]));
      assert.equal(
        new Date(byId.get(closed.id)?.retain_until ?? 0).toISOString(),
        "2028-03-31T12:00:00.000Z",
      );
      assert.equal(byId.get(open.id)?.retain_until, null);
      assert.equal(byId.get(open.id)?.retention_reason.period.years, 2);
      const audit = await listAudit(database.db, { action: "retention.rule_applied", limit: 5 });
      assert.equal(audit.entries[0]?.details.recordsUpdated, 2);

      assert.deepEqual(
        await applyPolicyRetention({ db: database.db, dataMap, clock }),
        [],
        "applied once, not on every sweep",
      );
    });
  });
}
