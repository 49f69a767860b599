import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { renderToString } from "preact-render-to-string";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import {
  createTestNotesTable,
  insertTestNote,
  testDataMap,
  testNoteType,
} from "../../../test/helpers/test-record-type.ts";
import { listAudit } from "../../audit/index.ts";
import type { FakeClock } from "../../core/clock.ts";
import type { Database } from "../../core/db/database.ts";
import { translator } from "../../core/i18n/index.ts";
import { type DataMap, isoDay, placeLegalHold, publishAnchorEvent } from "../../datamap/index.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { openTestVault, uniquePerson } from "../../vault/test-vault.ts";
import { fieldText } from "./field-text.ts";
import { auditSubjectView, readSubjectOverview } from "./subject-overview.ts";
import { SubjectPage } from "./subjects.pages.tsx";

const nl = translator("nl");
const staffId = "0b6f3c1e-6a55-4d8e-9a7b-2f1d5c9e8a10";

for (const kind of databaseKinds) {
  describe(`a person's records in the back office on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;

    before(async () => {
      database = await createTestDatabase(kind);
      await createTestNotesTable(database.db);
      ({ vault, clock } = await openTestVault(database.db));
      const { policy } = await loadActivePolicy(undefined);
      dataMap = testDataMap(() => policy);
    });
    after(() => database.close());

    const overviewOf = (subjectId: string, locale: "nl" | "en" = "nl") =>
      readSubjectOverview({ db: database.db, dataMap, vault }, subjectId, {
        locale,
        t: translator(locale),
        now: clock.now(),
      });

    const render = (overview: Awaited<ReturnType<typeof overviewOf>>) =>
      renderToString(
        SubjectPage({
          context: {
            locale: "nl",
            t: nl,
            organisationName: "WITS",
            path: `/admin/subjects/${overview.subjectId}`,
            csrf: "token",
            staff: null,
          },
          overview,
        }),
      );

    it("shows decrypted fields and why each record is kept, then 'erased' once the key is gone", async () => {
      const { email } = uniquePerson();
      const { subjectId } = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        { email, requestId: "REQ-1", topic: "offerte", text: "Bel me terug na 17 uur" },
      );
      const open = await overviewOf(subjectId);
      const [notes] = open.types;
      assert.equal(notes?.label, "testnotitie");
      const [note] = notes?.records ?? [];
      assert.deepEqual(
        note?.fields.find((field) => field.label === "notitie")?.value,
        "Bel me terug na 17 uur",
      );
      assert.match(note?.explanation.summary ?? "", /tot je verzoek volledig is afgehandeld/);
      assert.equal(open.withoutDate, 1, "an open request keeps the note without a date");
      assert.equal(open.earliest, null);
      assert.match(render(open), /Waarom bewaren we dit nog\?/);
      assert.match(render(open), /Er is nog geen wisdatum/);

      await publishAnchorEvent(
        database.db,
        { dataMap, clock },
        { event: "request.closed", subjectId, key: "REQ-1" },
      );
      const closed = await overviewOf(subjectId, "en");
      const goesOn = closed.types[0]?.records[0]?.explanation.goesOn;
      assert.ok(goesOn);
      assert.equal(isoDay(goesOn), "2027-01-01");
      assert.equal(closed.earliest?.getTime(), goesOn.getTime());
      assert.match(
        closed.types[0]?.records[0]?.explanation.summary ?? "",
        /^kept until 2027-01-01: 1 year after your request was fully handled$/,
      );

      await vault.shred(database.db, { subjectId, purpose: "contact", reason: "test.erasure" });
      const shredded = await overviewOf(subjectId);
      const value = shredded.types[0]?.records[0]?.fields.find((f) => f.label === "notitie");
      assert.equal(value?.value, "gewist (de sleutel is vernietigd)");
      assert.doesNotMatch(render(shredded), /Bel me terug/);
    });

    it("names the holds that cover the person's records, and only those", async () => {
      const { subjectId } = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        { email: uniquePerson().email, requestId: "REQ-2" },
      );
      const other = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        { email: uniquePerson().email, requestId: "REQ-3" },
      );
      await placeLegalHold(database.db, clock, {
        recordType: testNoteType.id,
        reason: "Zaak 2026/31",
        endsAt: new Date("2026-06-30T23:59:59.999Z"),
        placedBy: staffId,
      });
      await placeLegalHold(database.db, clock, {
        subjectId: other.subjectId,
        reason: "Zaak 2026/32",
        placedBy: staffId,
      });
      const overview = await overviewOf(subjectId);
      assert.deepEqual(
        overview.holds.map((hold) => hold.reason),
        ["Zaak 2026/31"],
      );
      assert.deepEqual(overview.types[0]?.records[0]?.explanation.holds, [
        "Een juridische blokkering houdt dit vast tot 2026-06-30: Zaak 2026/31.",
      ]);
      assert.match(render(overview), /Zaak 2026\/31 \(tot 2026-06-30\)/);
    });

    it("audits one read per record shown, and a view of nothing too", async () => {
      const { subjectId, id } = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        { email: uniquePerson().email, requestId: "REQ-4" },
      );
      await auditSubjectView(database.db, clock, {
        staffId,
        overview: await overviewOf(subjectId),
      });
      const reads = await listAudit(database.db, { action: "subject.read", subjectId, limit: 10 });
      assert.deepEqual(
        reads.entries.map((entry) => [entry.actorId, entry.recordType, entry.recordId]),
        [[staffId, "test.note", id]],
      );

      const { subjectId: empty } = await vault.ensureSubject(database.db, {
        email: uniquePerson().email,
      });
      const nothing = await overviewOf(empty);
      assert.deepEqual(nothing.types, []);
      await auditSubjectView(database.db, clock, { staffId, overview: nothing });
      const emptyReads = await listAudit(database.db, {
        action: "subject.read",
        subjectId: empty,
        limit: 10,
      });
      assert.equal(emptyReads.entries.length, 1);
      assert.equal(emptyReads.entries[0]?.details.records, 0);
    });

    it("shows files by size and missing values as a dash", () => {
      const field = { column: "scan", label: { nl: "scan", en: "scan", fr: "scan" } } as const;
      assert.equal(
        fieldText(nl, { ...field, kind: "encrypted_bytes" }, Buffer.alloc(2048)),
        "bestand, 2048 bytes",
      );
      assert.equal(fieldText(nl, { ...field, kind: "text" }, null), "—");
      assert.equal(
        fieldText(nl, { ...field, kind: "date" }, "2026-03-01T08:30:00.000Z"),
        "2026-03-01 08:30 UTC",
      );
    });
  });
}
