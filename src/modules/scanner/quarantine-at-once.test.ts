import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { openTestVault } from "../../vault/test-vault.ts";
import { receiveContactRequest } from "../contact/index.ts";
import { holdRecord } from "./quarantine.ts";
import { sensitiveDataHook } from "./sensitive-data.ts";

for (const kind of databaseKinds) {
  describe(`quarantineHours 0 deletes at intake, on ${kind} (statement: "onmiddellijk verwijderd")`, () => {
    let database: Database;
    let policy: Policy;

    before(async () => {
      database = await createTestDatabase(kind);
      const loaded = (await loadActivePolicy(undefined)).policy;
      policy = { ...loaded, sensitiveData: { ...loaded.sensitiveData, quarantineHours: 0 } };
    });
    after(() => database.close());

    it("stores nothing of a message about health, says so, and shreds the person's key", async () => {
      const { vault, config, clock } = await openTestVault(database.db);
      const dataMap = createDataMap(() => policy);
      const engines = { db: database.db, clock, dataMap, vault };
      const scanner = { ...engines, config, policy: () => policy };
      const received = await receiveContactRequest(
        {
          ...engines,
          config,
          sensitiveData: sensitiveDataHook(() => policy),
          quarantine: (tx, input) => holdRecord(tx, scanner, input),
        },
        {
          name: "Ward Claes",
          email: "ward.claes@example.be",
          topic: "Scherm",
          message: "Sinds mijn hartaanval werk ik halftijds; kan mijn scherm groter?",
          locale: "nl",
          ip: "203.0.113.7",
          channel: "form",
          attachments: [],
        },
      );
      assert.deepEqual(received.screening, { redacted: [], quarantine: "deleted", hours: 0 });
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from contact_requests where id = ${received.id}`,
      );
      assert.equal(rows[0]?.n, 0, "the request is gone");
      const [held] = await queryRows<{ status: string; decided_by: string | null }>(
        database.db,
        sql`select status, decided_by from record_quarantines where record_id = ${received.id}`,
      );
      assert.deepEqual(held, { status: "deleted", decided_by: null });
      const audit = await queryRows<{ action: string }>(
        database.db,
        sql`select action from audit_log where record_id = ${received.id} order by seq`,
      );
      assert.deepEqual(
        audit.map((entry) => entry.action),
        ["contact.received", "scanner.quarantine.held", "scanner.quarantine.deleted"],
      );
      const keys = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from data_keys
            where subject_id = ${received.subjectId} and purpose = 'contact' and wrapped_key is not null`,
      );
      assert.equal(
        keys[0]?.n,
        0,
        "the contact key is shredded: nothing of the person remains readable",
      );
    });
  });
}
