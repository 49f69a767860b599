import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { queryRows } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import {
  buildExportContents,
  downloadExportFile,
  type ExportDeps,
  exportSubject,
} from "../../datamap/export/index.ts";
import { pdfText } from "../../datamap/export/test-export.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { addContactPerson, createCustomer } from "../customers/index.ts";
import { disclosuresOfSubject } from "./disclosures-of-subject.ts";

interface Person {
  subjectId: string;
  email: string;
  phone: string;
}

const police = {
  disclosedOn: "2025-12-19",
  authority: "Federale politie, zone Gent",
  legalBasis: "art. 46bis Wetboek van strafvordering",
  authorityReference: "PV GE.12.L3.004711/2025",
  dataGiven: "naam, e-mailadres, IP-adressen van 3 tot 5 december",
};

for (const kind of databaseKinds) {
  describe(`the disclosure log (statement: "behalve als wij dat wettelijk verplicht zijn (bijvoorbeeld als de politie dat eist …)") on ${kind}`, () => {
    let t: TestApp;
    let policy: Policy;
    let privacy: SignedIn;
    let support: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      privacy = await setUpStaff(t, "privacy");
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    let phoneSerial = 100_000;
    /** A person the vault knows by e-mail and by a Belgian mobile number. */
    const newPerson = async (): Promise<Person> => {
      phoneSerial += 1;
      const email = `an.${randomUUID().slice(0, 8)}@voorbeeld.be`;
      const phone = `0470 ${String(phoneSerial).slice(0, 3)} ${String(phoneSerial).slice(3)}`;
      const { subjectId } = await t.vault.ensureSubject(t.database.db, { email, phone });
      return { subjectId, email, phone };
    };
    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const register = (fields: Record<string, string>, who = privacy) =>
      submitForm(t, who.jar, "/admin/disclosures/new", "/admin/disclosures/new", fields);
    const disclosureCount = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select (select count(*) from disclosures)::int
                + (select count(*) from disclosure_subjects)::int as n`,
        )
      )[0]?.n ?? 0;
    /** Registers through the form and returns the new disclosure's id. */
    const registered = async (fields: Record<string, string>) => {
      const response = await register(fields);
      assert.equal(response.statusCode, 303, response.body);
      const id = /^\/admin\/disclosures\/([0-9a-f-]{36})\?done=recorded$/.exec(
        String(response.headers.location),
      )?.[1];
      assert.ok(id, `redirected to the new disclosure: ${response.headers.location}`);
      return id;
    };

    const exportDeps = (): ExportDeps => ({
      db: t.database.db,
      dataMap: createDataMap(() => policy),
      vault: t.vault,
      clock: t.clock,
      publicUrl: "https://privacy.example.be",
      disclosures: disclosuresOfSubject,
    });
    /** The report.html inside the ZIP the person downloads, as the rights module makes it. */
    const reportInPackage = async (person: Person, locale: Locale = "nl") => {
      const made = await exportSubject(exportDeps(), {
        subjectId: person.subjectId,
        locale,
        kind: "access",
        actor: { type: "system" },
      });
      const access = await downloadExportFile(
        { db: t.database.db, vault: t.vault, clock: t.clock },
        { packageId: made.packageId, token: made.token, file: "zip" },
      );
      assert.equal(access.status, "available");
      const files = unzipSync(access.status === "available" ? access.bytes : Buffer.alloc(0));
      const html = files["report.html"];
      assert.ok(html, "the package holds report.html");
      return Buffer.from(html).toString("utf8");
    };
    /** The same report as PDF text (uncompressed, so the test can read it). */
    const reportPdfText = async (person: Person) => {
      const contents = await buildExportContents(exportDeps(), {
        subjectId: person.subjectId,
        locale: "nl",
        kind: "access",
        packageId: randomUUID(),
        createdAt: t.clock.now(),
        expiresAt: new Date(t.clock.now().getTime() + 86_400_000),
        pdf: { compress: false },
      });
      return pdfText(contents.pdf).replace(/\s+/g, " ");
    };
    /** The report's disclosures section, from its heading to the rights that follow. */
    const disclosuresSection = (html: string) =>
      html.slice(html.indexOf('id="disclosures"'), html.indexOf('id="rights"'));

    it("registers a police request for two people found by e-mail and phone, shown in the list and on its page", async () => {
      const an = await newPerson();
      const bart = await newPerson();
      const id = await registered({
        ...police,
        identifiers: `${an.email.toUpperCase()}\n\n${bart.phone}\n`,
      });

      const detail = await get(privacy, `/admin/disclosures/${id}?done=recorded`);
      assert.equal(detail.statusCode, 200, detail.body);
      for (const expected of [
        "De verstrekking is geregistreerd.",
        "Federale politie, zone Gent",
        "art. 46bis Wetboek van strafvordering",
        "PV GE.12.L3.004711/2025",
        "naam, e-mailadres, IP-adressen van 3 tot 5 december",
        "2025-12-19",
        "Betrokken personen (2)",
        `href="/admin/subjects/${an.subjectId}"`,
        `href="/admin/subjects/${bart.subjectId}"`,
      ]) {
        assert.ok(detail.body.includes(expected), `the page shows ${expected}`);
      }
      const reference = /Verstrekking (V-[2-9A-Z]{6})/.exec(detail.body)?.[1];
      assert.ok(reference, "the page is titled with our own reference");

      const list = await get(privacy, "/admin/disclosures");
      assert.equal(list.statusCode, 200);
      const row = /<tr data-disclosure="[^"]+">(.*?)<\/tr>/s.exec(
        list.body.slice(list.body.indexOf(`data-disclosure="${id}"`) - 20),
      )?.[1];
      assert.ok(row, "the list has a row for it");
      for (const cell of [
        "2025-12-19",
        police.authority,
        police.authorityReference,
        reference,
        "<td>2</td>",
        "<td>ja</td>",
      ]) {
        assert.ok(row.includes(cell), `the row shows ${cell}`);
      }
      assert.ok(list.body.includes("<caption>"), "the table has a caption");
      const english = await get(privacy, "/admin/disclosures?lang=en");
      assert.match(english.body, /Requesting authority/);
      for (const personal of [an.email, an.email.toUpperCase(), bart.phone]) {
        assert.ok(!t.logs.join("\n").includes(personal), "no identifier reaches the logs");
      }
    });

    it("finds every contact person of a customer by customer number, and a company by VAT number", async () => {
      const zoe = await newPerson();
      const jef = await newPerson();
      const deps = {
        db: t.database.db,
        vault: t.vault,
        dataMap: createDataMap(() => policy),
        clock: t.clock,
      };
      const customer = await createCustomer(deps, {
        kind: "company",
        companyName: "Bakkerij Janssens BV",
        contact: { subjectId: zoe.subjectId, name: "Zoë Janssens" },
        actor: { type: "system" },
      });
      await addContactPerson(deps, {
        customerId: customer.id,
        subjectId: jef.subjectId,
        name: "Jef Janssens",
      });
      const vat = "BE 0403.019.261";
      const { subjectId: company } = await t.vault.ensureSubject(t.database.db, { vat });
      const id = await registered({
        ...police,
        identifiers: `${customer.number.replace("-", "").toLowerCase()}\n0403019261`,
      });
      const detail = (await get(privacy, `/admin/disclosures/${id}`)).body;
      assert.ok(detail.includes("Betrokken personen (3)"));
      for (const subjectId of [zoe.subjectId, jef.subjectId, company]) {
        assert.ok(detail.includes(`href="/admin/subjects/${subjectId}"`), subjectId);
      }
    });

    it("lists the newest disclosure first", async () => {
      const person = await newPerson();
      const older = await registered({
        ...police,
        disclosedOn: "2025-10-01",
        identifiers: person.email,
      });
      const newer = await registered({
        ...police,
        disclosedOn: "2025-12-31",
        identifiers: person.email,
      });
      const list = (await get(privacy, "/admin/disclosures")).body;
      assert.ok(
        list.indexOf(`data-disclosure="${newer}"`) < list.indexOf(`data-disclosure="${older}"`),
      );
    });

    it("writes one audit entry with ids and counts, none of the texts or the people's identifiers", async () => {
      const person = await newPerson();
      const id = await registered({ ...police, identifiers: person.email, confidential: "on" });
      const entries = await queryRows<{ row: string; details: Record<string, unknown> }>(
        t.database.db,
        sql`select a::text as row, details from audit_log a
            where action = 'disclosure.recorded' and record_id = ${id}`,
      );
      assert.equal(entries.length, 1);
      assert.deepEqual(entries[0]?.details, { people: 1, subjectMayBeTold: false });
      for (const personal of [
        person.email,
        person.subjectId,
        "Federale politie",
        "46bis",
        "PV GE",
      ]) {
        assert.ok(!entries[0]?.row.includes(personal), `the audit entry leaves out ${personal}`);
      }
    });

    it("shows a disclosure in its subject's access export with authority, date and data given, and not in someone else's", async () => {
      const concerned = await newPerson();
      const bystander = await newPerson();
      await registered({ ...police, identifiers: concerned.email });

      const html = disclosuresSection(await reportInPackage(concerned));
      for (const expected of [
        "2025-12-19",
        "Federale politie, zone Gent",
        "art. 46bis Wetboek van strafvordering",
        "PV GE.12.L3.004711/2025",
        "Verstrekte gegevens: naam, e-mailadres, IP-adressen van 3 tot 5 december.",
      ]) {
        assert.ok(html.includes(expected), `the report says ${expected}`);
      }
      assert.ok(!html.includes("Er zijn geen verstrekkingen"));
      const pdf = await reportPdfText(concerned);
      assert.ok(pdf.includes("aan Federale politie, zone Gent"), pdf.slice(-1500));
      assert.ok(pdf.includes("IP-adressen van 3 tot 5 december"));
      const english = disclosuresSection(await reportInPackage(concerned, "en"));
      assert.match(english, /to Federale politie, zone Gent/);
      assert.match(english, /Data given: naam, e-mailadres/);

      const other = await reportInPackage(bystander);
      assert.ok(!other.includes("Federale politie"), "another person's export does not show it");
      assert.ok(other.includes("Er zijn geen verstrekkingen van je gegevens aan derden"));
    });

    it("leaves no trace of a confidential disclosure in the person's export, not even a count", async () => {
      const secret = await newPerson();
      const both = await newPerson();
      await registered({
        ...police,
        authority: "Onderzoeksrechter Antwerpen",
        authorityReference: "GEHEIM-2025-88",
        dataGiven: "inloggegevens en IP-adressen",
        identifiers: `${secret.email}\n${both.email}`,
        confidential: "on",
      });
      await registered({ ...police, identifiers: both.email });

      const onlySecret = await reportInPackage(secret);
      assert.ok(!onlySecret.includes("Onderzoeksrechter"));
      assert.ok(!onlySecret.includes("GEHEIM-2025-88"));
      assert.ok(!onlySecret.includes("inloggegevens"));
      assert.ok(
        disclosuresSection(onlySecret).includes(
          "Er zijn geen verstrekkingen van je gegevens aan derden",
        ),
        "the report reads as if nothing was disclosed",
      );
      assert.ok(!(await reportPdfText(secret)).includes("Onderzoeksrechter"));

      const section = disclosuresSection(await reportInPackage(both));
      assert.equal((section.match(/<li>/g) ?? []).length, 1, "only the disclosure they may know");
      assert.ok(section.includes("Federale politie, zone Gent"));
      assert.ok(!section.includes("Onderzoeksrechter"));
    });

    it("refuses an identifier that matches nobody with a Dutch message, keeps what was typed and stores nothing", async () => {
      const known = await newPerson();
      const before = await disclosureCount();
      const typed = `${known.email}\nniemand.${randomUUID().slice(0, 6)}@voorbeeld.be`;
      const response = await register({ ...police, identifiers: typed });
      assert.equal(response.statusCode, 400);
      assert.match(
        response.body,
        /Bij deze gegevens vinden we niemand: niemand\.[0-9a-f]{6}@voorbeeld\.be/,
      );
      assert.ok(response.body.includes(known.email), "the identifiers typed come back");
      assert.ok(response.body.includes(police.authorityReference), "the other fields come back");
      assert.ok(response.body.includes('aria-invalid="true"'));
      assert.equal(await disclosureCount(), before);
    });

    it("refuses a date in the future, an empty form and data copied instead of described", async () => {
      const person = await newPerson();
      const before = await disclosureCount();
      const future = await register({
        ...police,
        disclosedOn: "2026-01-03",
        identifiers: person.email,
      });
      assert.equal(future.statusCode, 400);
      assert.match(future.body, /De datum van de verstrekking mag niet in de toekomst liggen/);
      assert.ok(future.body.includes('value="2026-01-03"'));

      const empty = await register({ disclosedOn: "", identifiers: "" });
      assert.equal(empty.statusCode, 400);
      for (const message of [
        "Geef de datum van de verstrekking",
        "Geef de verzoekende instantie.",
        "Geef de rechtsgrond van het verzoek.",
        "Geef de referentie van de instantie.",
        "Beschrijf welke soorten gegevens verstrekt zijn.",
        "Geef minstens één betrokken persoon.",
      ]) {
        assert.ok(empty.body.includes(message), `the form says: ${message}`);
      }

      const copied = await register({
        ...police,
        dataGiven: `het adres ${person.email}`,
        identifiers: person.email,
      });
      assert.equal(copied.statusCode, 400);
      assert.match(copied.body, /er staat een e-mailadres in/);
      assert.equal(await disclosureCount(), before);

      const today = await register({
        ...police,
        disclosedOn: "2026-01-01",
        identifiers: person.email,
      });
      assert.equal(today.statusCode, 303, "today is not the future");
    });

    it("starts from a person's page with that person filled in", async () => {
      const person = await newPerson();
      const subjectPage = await get(privacy, `/admin/subjects/${person.subjectId}`);
      assert.equal(subjectPage.statusCode, 200);
      assert.ok(
        subjectPage.body.includes(`href="/admin/disclosures/new?subject=${person.subjectId}"`),
        "the person's page links to the form",
      );
      const form = await get(privacy, `/admin/disclosures/new?subject=${person.subjectId}`);
      assert.equal(form.statusCode, 200);
      assert.match(
        form.body,
        new RegExp(`<textarea[^>]*name="identifiers"[^>]*>${person.subjectId}</textarea>`),
      );
      const response = await submitForm(
        t,
        privacy.jar,
        `/admin/disclosures/new?subject=${person.subjectId}`,
        "/admin/disclosures/new",
        { ...police, identifiers: person.subjectId },
      );
      assert.equal(response.statusCode, 303, response.body);
      const made = await disclosuresOfSubject(t.database.db, person.subjectId);
      assert.equal(made.length, 1);
      const unknown = await register({ ...police, identifiers: randomUUID() });
      assert.equal(
        unknown.statusCode,
        400,
        "a subject id nobody has is refused like any identifier",
      );
    });

    it("is for the privacy officer and admin only: support gets 403 everywhere", async () => {
      const person = await newPerson();
      const id = await registered({ ...police, identifiers: person.email });
      for (const url of [
        "/admin/disclosures",
        "/admin/disclosures/new",
        `/admin/disclosures/${id}`,
      ]) {
        const refused = await get(support, url);
        assert.equal(refused.statusCode, 403, url);
        assert.ok(!refused.body.includes(police.authority), url);
      }
      const before = await disclosureCount();
      const posted = await submitForm(t, support.jar, "/admin", "/admin/disclosures/new", {
        ...police,
        identifiers: person.email,
      });
      assert.equal(posted.statusCode, 403);
      assert.equal(await disclosureCount(), before);
      assert.equal((await get(privacy, `/admin/disclosures/${randomUUID()}`)).statusCode, 404);
    });
  });
}
