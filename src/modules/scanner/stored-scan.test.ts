import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import { createLogger } from "../../core/log.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import type { Vault } from "../../vault/index.ts";
import {
  type ContactDeps,
  contactRequestRecordType,
  receiveContactRequest,
} from "../contact/index.ts";
import { holdRecord } from "./quarantine.ts";
import type { StoredScanHit } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";
import { passThroughSensitiveData } from "./sensitive-data.ts";
import { storedScanJob } from "./stored-scan.job.ts";
import {
  continueStoredScan,
  latestStoredScan,
  requestStoredScan,
  runStoredScan,
} from "./stored-scan.ts";
import { holdFromScan } from "./stored-scan-hold.ts";

/** A valid Belgian national number: check digits 97 − (first nine digits mod 97). */
function nationalNumber(birth: string, serial: string): string {
  const first = `${birth}${serial}`;
  const check = String(97 - (Number(first) % 97)).padStart(2, "0");
  return `${birth.slice(0, 2)}.${birth.slice(2, 4)}.${birth.slice(4)}-${serial}.${check}`;
}

for (const kind of databaseKinds) {
  describe(`the scan of stored data on ${kind}`, () => {
    let t: TestApp;
    let policy: Policy;
    let deps: ScannerDeps;
    let contact: ContactDeps;
    let privacy: SignedIn;
    const number = nationalNumber("850730", "033");
    const requests: Record<"flagged" | "clean" | "held", string> = {
      flagged: "",
      clean: "",
      held: "",
    };
    let totalAtStart = 0;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      const dataMap = createDataMap(() => policy);
      const engines = { db: t.database.db, clock: t.clock, dataMap, vault: t.vault };
      deps = { ...engines, config: t.config, policy: () => policy };
      // Data from before the scanner: stored exactly as written, nothing redacted at intake.
      contact = { ...engines, config: t.config, sensitiveData: passThroughSensitiveData };
      privacy = await setUpStaff(t, "privacy");
      const receive = (message: string) =>
        receiveContactRequest(contact, {
          name: "Jan Peeters",
          email: `jan.${randomUUID().slice(0, 8)}@voorbeeld.be`,
          topic: "Vraag",
          message,
          locale: "nl",
          ip: "203.0.113.10",
          channel: "form",
          attachments: [],
        });
      requests.flagged = (await receive(`Mijn rijksregisternummer is ${number}, graag snel.`)).id;
      requests.clean = (await receive("Mijn printer drukt alleen nog lege bladen af.")).id;
      for (let n = 0; n < 4; n++) await receive(`Vraag ${n} over een offerte.`);
      const held = await receive(`Ook hier: rijksregisternummer ${number}.`);
      requests.held = held.id;
      await t.database.db.transaction((tx) =>
        holdRecord(tx, deps, {
          recordType: contactRequestRecordType,
          recordId: held.id,
          subjectId: held.subjectId,
          types: ["health"],
          reasons: [],
        }),
      );
    });
    after(() => t.close());

    const get = (url: string) =>
      t.app.inject({ url, remoteAddress: privacy.jar.ip, headers: { cookie: privacy.jar.header } });
    const context = (signal = new AbortController().signal) => ({
      db: t.database.db,
      clock: t.clock,
      config: t.config,
      log: createLogger({ level: "silent" }),
      signal,
    });
    const hitsOf = (hits: readonly StoredScanHit[], recordId: string) =>
      hits.filter((hit) => hit.recordId === recordId);

    it("queues one scan however often it is asked for, and shows it waiting", async () => {
      const first = await submitForm(
        t,
        privacy.jar,
        "/admin/quarantine",
        "/admin/quarantine/scan",
        {},
      );
      assert.equal(first.statusCode, 303, first.body);
      assert.equal(first.headers.location, "/admin/quarantine?done=scan#scan");
      const second = await submitForm(
        t,
        privacy.jar,
        "/admin/quarantine",
        "/admin/quarantine/scan",
        {},
      );
      assert.equal(second.headers.location, "/admin/quarantine?done=scan_running#scan");
      const scans = await queryRows<{ status: string; requested_by: string }>(
        t.database.db,
        sql`select status, requested_by::text as requested_by from stored_data_scans`,
      );
      assert.deepEqual(scans, [{ status: "queued", requested_by: privacy.staffId }]);

      const page = await get("/admin/quarantine");
      assert.match(page.body, /Laatste scan: wacht om te starten/);
      assert.doesNotMatch(
        page.body,
        /http-equiv="refresh"/,
        "no refresh the officer did not ask for",
      );
      assert.match(page.body, /Volg de voortgang/);
      assert.doesNotMatch(page.body, /Scan starten|Opnieuw scannen/, "no second button");
      const following = await get("/admin/quarantine?refresh=on");
      assert.match(
        following.body,
        /<meta http-equiv="refresh" content="3; url=\/admin\/quarantine\?refresh=on"\/?>/,
      );
    });

    it("resumes after a kill between batches without counting a record twice", async () => {
      const stop = new AbortController();
      const killed = await runStoredScan(deps, {
        batchSize: 2,
        signal: stop.signal,
        onProgress: (progress) => {
          if (progress.done > 0) stop.abort();
        },
      });
      assert.equal(killed?.status, "running");
      assert.equal(killed?.scanned, 2);
      totalAtStart = killed?.total ?? 0;
      assert.ok(totalAtStart >= 6, `counted ${totalAtStart} records`);

      const page = await get("/admin/quarantine");
      assert.match(page.body, /Laatste scan: bezig/);
      assert.match(page.body, /<progress id="scan-progress" value="2" max="\d+">/);
      assert.match(page.body, new RegExp(`2 van ${totalAtStart} records \\(\\d+%\\)`));
      assert.match(page.body, /<label for="scan-progress">Voortgang van de scan<\/label>/);
      assert.match((await get("/admin/quarantine?refresh=on")).body, /http-equiv="refresh"/);

      const job = storedScanJob(() => deps, { batchSize: 2 });
      const summary = await job.run(context());
      assert.equal(summary?.finished, 1);
      assert.equal(summary?.scanned, totalAtStart - 2, "the job went on where the kill left off");
      const scan = await latestStoredScan(t.database.db);
      assert.equal(scan?.status, "done");
      assert.equal(scan?.scanned, totalAtStart, "every record once");
      const places = (scan?.hits ?? []).map((hit) => `${hit.recordId}/${hit.column}`);
      assert.equal(new Set(places).size, places.length, "no hit twice");
      assert.deepEqual(await job.run(context()), { scanned: 0, hits: 0, finished: 0 });
    });

    it("reports the number's record, field and kind, never the text; the clean and the held are not listed", async () => {
      const scan = await latestStoredScan(t.database.db);
      assert.deepEqual(hitsOf(scan?.hits ?? [], requests.flagged), [
        {
          recordType: "contact.request",
          recordId: requests.flagged,
          column: "message_ciphertext",
          types: ["national_number"],
        },
      ]);
      assert.deepEqual(hitsOf(scan?.hits ?? [], requests.clean), []);
      assert.deepEqual(hitsOf(scan?.hits ?? [], requests.held), [], "held records are skipped");
      assert.doesNotMatch(JSON.stringify(scan), /85\.07\.30|rijksregisternummer is/);

      const page = await get("/admin/quarantine");
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /Laatste scan: klaar/);
      assert.match(page.body, new RegExp(`${totalAtStart} van ${totalAtStart} records \\(100%\\)`));
      assert.doesNotMatch(
        (await get("/admin/quarantine?refresh=on")).body,
        /http-equiv="refresh"/,
        "done: the page stays still even when following",
      );
      const row = page.body
        .split("<tr")
        .find((part) => part.includes(`data-record="${requests.flagged}"`));
      assert.ok(row, "a row for the record");
      assert.ok(row.includes(`href="/admin/contact/${requests.flagged}"`));
      assert.match(row, /contactaanvraag/);
      assert.match(row, /bericht/);
      assert.match(row, /rijksregisternummer/);
      assert.match(row, /verwijderen bij ontvangst/);
      assert.match(row, /alleen gemeld/, "a kind the policy redacts is only listed");
      assert.doesNotMatch(row, /In quarantaine plaatsen/);
      assert.ok(!page.body.includes(`data-record="${requests.clean}"`));
      assert.doesNotMatch(page.body, /85\.07\.30|printer/);
      assert.match(page.body, /Opnieuw scannen/);
    });

    it("refuses to hold a hit the policy does not quarantine", async () => {
      const refused = await submitForm(
        t,
        privacy.jar,
        "/admin/quarantine",
        "/admin/quarantine/scan/hold",
        { recordType: "contact.request", recordId: requests.flagged },
      );
      assert.equal(refused.statusCode, 404);
      assert.match(refused.body, /niet in het rapport van de laatste scan/);
      const unknown = await submitForm(
        t,
        privacy.jar,
        "/admin/quarantine",
        "/admin/quarantine/scan/hold",
        { recordType: "contact.request", recordId: "abc" },
      );
      assert.equal(unknown.statusCode, 404);
    });

    it("holds a hit whose kind the policy quarantines, once", async () => {
      // A policy that quarantines national numbers instead of redacting them, as an operator may.
      const strict: Policy = {
        ...policy,
        sensitiveData: {
          ...policy.sensitiveData,
          redact: policy.sensitiveData.redact.filter((type) => type !== "national_number"),
          quarantine: [...policy.sensitiveData.quarantine, "national_number"],
        },
      };
      const strictDeps = { ...deps, policy: () => strict };
      const input = {
        recordType: "contact.request",
        recordId: requests.flagged,
        staffId: privacy.staffId,
      };
      const held = await holdFromScan(strictDeps, input);
      assert.equal(held.status, "held");
      assert.deepEqual(await holdFromScan(strictDeps, input), { status: "already_held" });
      const rows = await queryRows<{ types: string[]; status: string }>(
        t.database.db,
        sql`select types, status from record_quarantines where record_id = ${requests.flagged}`,
      );
      assert.deepEqual(rows, [{ types: ["national_number"], status: "held" }]);
      const asked = await queryRows<{ actor_id: string }>(
        t.database.db,
        sql`select actor_id from audit_log
            where action = 'scanner.scan.hold' and record_id = ${requests.flagged}`,
      );
      assert.deepEqual(asked, [{ actor_id: privacy.staffId }]);

      const page = await get("/admin/quarantine");
      const row = page.body
        .split("<tr")
        .find((part) => part.includes(`data-record="${requests.flagged}"`));
      assert.ok(row?.includes('href="/admin/quarantine/'), "a held record links to its quarantine");
      const again = await submitForm(
        t,
        privacy.jar,
        "/admin/quarantine",
        "/admin/quarantine/scan/hold",
        { recordType: "contact.request", recordId: requests.flagged },
      );
      assert.equal(again.statusCode, 404, "under the policy in force it is only listed");
    });

    it("marks a scan failed with a message free of personal data, and offers a new one", async () => {
      t.clock.advance(60_000);
      const { scanId } = await requestStoredScan(deps, {
        actor: { type: "staff", id: privacy.staffId },
      });
      // A vault that cannot open a field, with a message that quotes a person, as a driver might.
      const broken = new Proxy(t.vault, {
        get(target, property) {
          if (property === "decryptField") {
            return async () => {
              throw new Error("cannot decrypt the message of Jan Peeters");
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      }) as Vault;
      await assert.rejects(continueStoredScan({ ...deps, vault: broken }, scanId));
      const scan = await latestStoredScan(t.database.db);
      assert.equal(scan?.status, "failed");
      assert.equal(scan?.error, "contact.request: Error");
      const page = await get("/admin/quarantine");
      assert.match(page.body, /De scan stopte met een fout \(contact\.request: Error\)/);
      assert.doesNotMatch(page.body, /Jan Peeters/);
      assert.match(page.body, /Opnieuw scannen/);
      assert.doesNotMatch((await get("/admin/quarantine?refresh=on")).body, /http-equiv="refresh"/);
    });
  });
}
