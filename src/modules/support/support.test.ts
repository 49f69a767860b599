import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { dumpEverything, filesContaining } from "../../../test/helpers/table-dump.ts";
import type { FakeClock } from "../../core/clock.ts";
import { type Database, openPglite, queryRows } from "../../core/db/database.ts";
import { runMigrations } from "../../core/db/migrate.ts";
import { type DataMap, objectToProcessing } from "../../datamap/index.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import type { Vault } from "../../vault/index.ts";
import { openTestVault } from "../../vault/test-vault.ts";
import { createCustomer, startAgreement } from "../customers/index.ts";
import { passThroughSensitiveData } from "../scanner/index.ts";
import { memoryPasswordStore } from "./password-store.ts";
import {
  endSession,
  handOverByPhone,
  handOverWithCode,
  revealPassword,
  startSession,
} from "./support.service.ts";
import type { SupportDeps } from "./support-deps.ts";

const technician = "00000000-0000-4000-8000-0000000000aa";
const hour = 60 * 60 * 1000;

for (const kind of databaseKinds) {
  describe(`remote support on ${kind} (statement: "Support op afstand")`, () => {
    let database: Database;
    let dataDir: string | undefined;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    let deps: SupportDeps;

    before(async () => {
      if (kind === "pglite") {
        // A real data dir on disk, as the product runs, so its files can be searched.
        dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-support-"));
        database = await openPglite(dataDir);
        await runMigrations(database);
      } else {
        database = await createTestDatabase(kind);
      }
      ({ vault, clock } = await openTestVault(database.db));
      const { policy } = await loadActivePolicy(undefined);
      dataMap = createDataMap(() => policy);
      deps = {
        db: database.db,
        vault,
        dataMap,
        clock,
        passwords: memoryPasswordStore(clock),
        sensitiveData: passThroughSensitiveData,
      };
    });
    after(() => database.close());

    const customerWithPerson = async () => {
      const { subjectId } = await vault.ensureSubject(database.db, {
        email: `klant-${randomBytes(4).toString("hex")}@example.be`,
      });
      const customer = await createCustomer(deps, {
        kind: "person",
        contact: { subjectId, name: "Pieter Maes" },
        actor: { type: "staff", id: technician },
      });
      await startAgreement(deps, {
        customerId: customer.id,
        service: "Onderhoud",
        startsOn: "2026-01-01",
        actor: { type: "staff", id: technician },
      });
      return { customerId: customer.id, subjectId };
    };
    const keptIds = (subjectId: string) =>
      queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from teamviewer_ids where subject_id = ${subjectId}`,
      ).then((rows) => rows[0]?.n ?? 0);

    it("never stores the TeamViewer password: not in the database, its files, the outbox or the audit log; only the ID is kept", async () => {
      const person = await customerWithPerson();
      const canary = `Kanarie-${randomBytes(9).toString("base64url")}`;
      const session = await startSession(deps, { ...person, technicianId: technician });
      assert.match(session.code, /^\d{6}$/);
      assert.equal(
        await handOverWithCode(deps, {
          code: session.code,
          teamviewerId: "123 456 789",
          password: canary,
          objected: false,
        }),
        "connected",
      );
      const shown = await revealPassword(deps, {
        sessionId: session.sessionId,
        technicianId: technician,
      });
      assert.equal(shown?.password, canary, "the assigned technician sees it");
      assert.deepEqual(
        await endSession(deps, {
          sessionId: session.sessionId,
          technicianId: "00000000-0000-4000-8000-0000000000bb",
          summary: "",
          locale: "nl",
        }),
        { ended: false, keptId: false },
        "only the session's technician ends it",
      );
      assert.ok(
        await revealPassword(deps, { sessionId: session.sessionId, technicianId: technician }),
        "a colleague's attempt to end it does not wipe the password",
      );
      assert.equal(
        await revealPassword(deps, {
          sessionId: session.sessionId,
          technicianId: "00000000-0000-4000-8000-0000000000bb",
        }),
        undefined,
        "another technician does not",
      );
      const ended = await endSession(deps, {
        sessionId: session.sessionId,
        technicianId: technician,
        summary: "Printer opnieuw geïnstalleerd.",
        locale: "nl",
      });
      assert.deepEqual(ended, { ended: true, keptId: true });
      assert.deepEqual(
        await endSession(deps, {
          sessionId: session.sessionId,
          technicianId: technician,
          summary: "nog eens",
          locale: "nl",
        }),
        { ended: false, keptId: false },
        "a session ends once",
      );
      assert.equal(
        await revealPassword(deps, { sessionId: session.sessionId, technicianId: technician }),
        undefined,
      );
      assert.equal(await keptIds(person.subjectId), 1);

      const dump = await dumpEverything(database.db);
      assert.equal(dump.includes(canary), false, "not in any table, outbox and audit log included");
      assert.equal(dump.includes("123 456 789"), false, "the kept ID is encrypted");
      const reveals = await queryRows<{ details: unknown }>(
        database.db,
        sql`select details from audit_log where action = 'support.password_revealed'`,
      );
      assert.equal(reveals.length, 2, "each reveal is audited");
      if (dataDir) {
        await database.db.execute(sql`checkpoint`);
        assert.deepEqual(
          await filesContaining(dataDir, Buffer.from(canary)),
          [],
          "not in the data dir's files",
        );
      }
    });

    it("forgets the password after at most 2 hours, even if the session never ends", async () => {
      const person = await customerWithPerson();
      const session = await startSession(deps, { ...person, technicianId: technician });
      await handOverByPhone(deps, {
        sessionId: session.sessionId,
        technicianId: technician,
        teamviewerId: "987654321",
        password: "zomaar-geheim",
        objected: false,
      });
      clock.advance(2 * hour - 1000);
      assert.ok(
        await revealPassword(deps, { sessionId: session.sessionId, technicianId: technician }),
      );
      clock.advance(2000);
      assert.equal(
        await revealPassword(deps, { sessionId: session.sessionId, technicianId: technician }),
        undefined,
      );
    });

    it("keeps no TeamViewer ID for a customer who objects, now or in later sessions, and an objection deletes a kept one at once", async () => {
      const person = await customerWithPerson();
      const first = await startSession(deps, { ...person, technicianId: technician });
      await handOverByPhone(deps, {
        sessionId: first.sessionId,
        technicianId: technician,
        teamviewerId: "111222333",
        password: "een",
        objected: false,
      });
      await endSession(deps, {
        sessionId: first.sessionId,
        technicianId: technician,
        summary: "",
        locale: "nl",
      });
      assert.equal(await keptIds(person.subjectId), 1);

      await objectToProcessing(deps, {
        subjectId: person.subjectId,
        purpose: "support",
        actor: { type: "subject", id: person.subjectId },
      });
      assert.equal(await keptIds(person.subjectId), 0, "deleted at once");

      const later = await startSession(deps, { ...person, technicianId: technician });
      await handOverByPhone(deps, {
        sessionId: later.sessionId,
        technicianId: technician,
        teamviewerId: "111222333",
        password: "twee",
        objected: false,
      });
      const ended = await endSession(deps, {
        sessionId: later.sessionId,
        technicianId: technician,
        summary: "",
        locale: "nl",
      });
      assert.deepEqual(ended, { ended: true, keptId: false });
      assert.equal(await keptIds(person.subjectId), 0, "not stored again");
    });

    it("the tick box on /support/connect is an objection: the ID of this session is not kept", async () => {
      const person = await customerWithPerson();
      const session = await startSession(deps, { ...person, technicianId: technician });
      await handOverWithCode(deps, {
        code: session.code,
        teamviewerId: "444555666",
        password: "drie",
        objected: true,
      });
      const ended = await endSession(deps, {
        sessionId: session.sessionId,
        technicianId: technician,
        summary: "",
        locale: "nl",
      });
      assert.equal(ended.keptId, false);
      const restrictions = await queryRows<{ kind: string; purpose: string }>(
        database.db,
        sql`select kind, purpose from processing_restrictions where subject_id = ${person.subjectId}`,
      );
      assert.deepEqual(restrictions, [{ kind: "objection", purpose: "support" }]);
    });

    it("a session code works once and for 30 minutes", async () => {
      const person = await customerWithPerson();
      const session = await startSession(deps, { ...person, technicianId: technician });
      clock.advance(31 * 60 * 1000);
      const late = { code: session.code, teamviewerId: "1", password: "p", objected: false };
      assert.equal(await handOverWithCode(deps, late), "expired");
      assert.equal(await handOverWithCode(deps, { ...late, code: "000000x" }), "unknown");
    });
  });
}
