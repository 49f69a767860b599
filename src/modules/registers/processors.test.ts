import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { multipart } from "../../../test/helpers/multipart.ts";
import {
  type CookieJar,
  csrfFrom,
  type SignedIn,
  setUpStaff,
  signIn,
  submitForm,
} from "../../../test/helpers/staff.ts";
import { listAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import { activePolicyVersion } from "../../policy/index.ts";

const mailPage = "/admin/processors/Voorbeeld%20Mail%20BV";

/** The Mail processor's form as the officer fills it in, with the changes a test makes. */
function mailForm(changes: Record<string, string | string[]> = {}) {
  return {
    name: "Voorbeeld Mail BV",
    service_nl: "versturen van e-mail en nieuwsbrieven",
    service_en: "sending e-mail and newsletters",
    service_fr: "envoi d'e-mails et de lettres d'information",
    country: "NL",
    transferBasis: "",
    contractDate: "2025-03-01",
    reviewDate: "2027-03-01",
    purposes: ["newsletter", "contact"],
    dataCategories: ["name", "email"],
    ...changes,
  };
}

/** A PDF as file-type knows one: its header, and a marker to look for in the database. */
const marker = "Verwerkersovereenkomst-WITS-7f3a9c";
const pdfBytes = Buffer.from(
  `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${marker}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
);
const pngBytes = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a6e8b1e50000000049454e44ae426082",
  "hex",
);

for (const kind of databaseKinds) {
  describe(`the processors register (statement: "We controleren dat deze bedrijven conform de privacywetgeving werken en sluiten contracten af") on ${kind}`, () => {
    let t: TestApp;
    let officer: CookieJar;
    let support: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      officer = await signIn(t, await setUpStaff(t, "privacy"));
      support = await setUpStaff(t, "support");
    });
    after(() => t.close());

    const get = (jar: CookieJar, url: string) =>
      t.app.inject({
        url,
        remoteAddress: jar.ip,
        headers: { cookie: jar.header, "accept-language": "nl" },
      });
    const publicPage = (url: string) => t.app.inject({ url, headers: { "accept-language": "nl" } });
    const squash = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    /** Posts the form of `page` as a browser would, hidden policy version included. */
    const save = async (
      page: string,
      action: string,
      fields: Record<string, string | string[]>,
    ) => {
      const form = await get(officer, page);
      const base = /name="base" value="([^"]*)"/.exec(form.body)?.[1] ?? "";
      return submitForm(t, officer, page, action, { base, ...fields });
    };
    const upload = async (page: string, file: { name: string; type: string; content: Buffer }) => {
      const form = await get(officer, page);
      officer.take(form.headers["set-cookie"]);
      const body = multipart([
        { name: "_csrf", value: csrfFrom(form.body) },
        { name: "file", filename: file.name, type: file.type, content: file.content },
      ]);
      return t.app.inject({
        method: "POST",
        url: `${page}/contracts`,
        remoteAddress: officer.ip,
        headers: { ...body.headers, cookie: officer.header, "accept-language": "nl" },
        payload: body.payload,
      });
    };

    it("lists every processor with its country, data, contract and review status", async () => {
      const page = await get(officer, "/admin/processors");
      assert.equal(page.statusCode, 200, page.body);
      const text = squash(page.body);
      for (const name of ["Voorbeeld Hosting NV", "Voorbeeld Mail BV", "TeamViewer Germany GmbH"]) {
        assert.ok(text.includes(name), name);
      }
      assert.ok(page.body.includes(`href="${mailPage}"`));
      // The fake clock starts on 2026-01-01: the Mail processor's review is on 2027-03-01.
      assert.match(text, /herziening over 424 dagen \(2027-03-01\)/);
      assert.match(
        text,
        /Voorbeeld Mail BV .* NL .* naam, e-mailadres, naam of bijnaam 2025-03-01/,
      );
    });

    it("saves an edit as a new policy version that the statement and the record show", async () => {
      const saved = await save(
        mailPage,
        mailPage,
        mailForm({
          country: "US",
          transferBasis: "scc",
          dataCategories: ["name", "email", "ip_address"],
        }),
      );
      assert.equal(saved.statusCode, 303, saved.body);
      assert.equal(saved.headers.location, `${mailPage}?done=updated`);

      const statement = squash((await publicPage("/privacy")).body);
      assert.match(
        statement,
        /Voorbeeld Mail BV versturen van e-mail en nieuwsbrieven US standaardcontractbepalingen van de Europese Commissie \(art\. 46 AVG\) naam, e-mailadres, ip-adres, naam of bijnaam/,
      );
      assert.match(statement, /Verwerker Voorbeeld Mail BV bijgewerkt/, "the version's changelog");

      const csv = (await get(officer, "/admin/record.csv")).body;
      assert.ok(
        csv.includes(
          "Voorbeeld Mail BV (versturen van e-mail en nieuwsbrieven, US): naam of bijnaam, e-mailadres, ip-adres",
        ),
      );
      assert.ok(
        csv.includes(
          "Voorbeeld Mail BV (US): standaardcontractbepalingen (art. 46, lid 2, c) AVG)",
        ),
      );

      const versions = squash((await publicPage("/privacy/versions")).body);
      assert.match(versions, /Verwerker Voorbeeld Mail BV bijgewerkt/);
      const { entries } = await listAudit(t.database.db, { action: "policy.activated", limit: 5 });
      assert.equal(entries[0]?.details.processorChange, "updated");
      // The edit touched the processor, not the rest of the file: its comments are still there.
      const active = await activePolicyVersion(t.database.db);
      assert.ok(active?.source.includes("# EXAMPLE VALUES: legal form, address and enterprise"));
      assert.ok(active?.source.includes("    transferBasis: scc\n"));

      // The purposes still say "no transfers": the register points the officer at them.
      const list = squash((await get(officer, "/admin/processors")).body);
      assert.match(list, /Opmerkingen van de beleidscontrole over de verwerkers/);
      assert.match(
        list,
        /purposes\[1\]\.transfersOutsideEea : processor &quot;Voorbeeld Mail BV&quot; is in US/,
      );
      assert.match(list, /US: standaardcontractbepalingen van de Europese Commissie/);

      const shown = await get(officer, `${mailPage}?done=updated`);
      assert.match(shown.body, /De nieuwe beleidsversie is van kracht/);
      assert.match(shown.body, /value="US"/);
    });

    it("refuses an invalid edit in Dutch, keeps what was typed and the policy in force", async () => {
      const before = await activePolicyVersion(t.database.db);
      const refused = await save(
        mailPage,
        mailPage,
        mailForm({ country: "USA", dataCategories: ["name", "shoe_size"] }),
      );
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Niet bewaard: verbeter de aangeduide velden/);
      assert.match(refused.body, /Geef een landcode van 2 letters \(ISO 3166\)/);
      assert.match(refused.body, /horen niet bij de gekozen doeleinden of bestaan niet: shoe_size/);
      assert.match(refused.body, /value="USA"/, "what the officer typed");

      const outside = await save(mailPage, mailPage, mailForm({ country: "JP" }));
      assert.equal(outside.statusCode, 400);
      assert.match(outside.body, /Dit land ligt buiten de EER: kies de grond voor de doorgifte/);

      assert.equal((await activePolicyVersion(t.database.db))?.contentHash, before?.contentHash);
      assert.doesNotMatch(squash((await publicPage("/privacy")).body), /JP|USA/);
    });

    it("stores a signed PDF sealed, downloads it identical, and refuses anything else", async () => {
      const stored = await upload(mailPage, {
        name: "DPA Voorbeeld Mail.pdf",
        type: "application/pdf",
        content: pdfBytes,
      });
      assert.equal(stored.statusCode, 303, stored.body);
      const rows = await queryRows<{ id: string; sealed: Buffer; sha256: string; size: number }>(
        t.database.db,
        sql`select id, sealed, sha256, size from processor_contracts`,
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.size, pdfBytes.length);
      const everything = await queryRows<Record<string, unknown>>(
        t.database.db,
        sql`select * from processor_contracts`,
      );
      assert.ok(!JSON.stringify(everything).includes(marker), "no plaintext in the row");
      assert.ok(
        !Buffer.from(rows[0]?.sealed ?? []).includes(marker),
        "the stored bytes are sealed",
      );

      const page = await get(officer, mailPage);
      assert.match(
        squash(page.body),
        /Huidig document: DPA Voorbeeld Mail\.pdf, opgeladen op 2026-01-01/,
      );
      const link = /href="(\/admin\/processors\/[^"]+\/contracts\/[0-9a-f-]+)"/.exec(
        page.body,
      )?.[1];
      assert.ok(link);
      const download = await get(officer, link);
      assert.equal(download.statusCode, 200);
      assert.deepEqual(download.rawPayload, pdfBytes);
      assert.equal(download.headers["content-type"], "application/pdf");
      assert.equal(download.headers["x-content-type-options"], "nosniff");
      assert.match(
        String(download.headers["content-disposition"]),
        /^attachment; filename="DPA Voorbeeld Mail.pdf"/,
      );
      const { entries } = await listAudit(t.database.db, {
        action: "processor.contract_downloaded",
        limit: 1,
      });
      assert.equal(entries[0]?.recordId, rows[0]?.id);

      for (const [name, type, content] of [
        ["scan.pdf", "application/pdf", pngBytes],
        ["overeenkomst.pdf", "application/pdf", Buffer.from("Dit is geen PDF maar tekst.\n")],
      ] as const) {
        const refused = await upload(mailPage, { name, type, content });
        assert.equal(refused.statusCode, 400, name);
        assert.match(refused.body, /Alleen PDF-bestanden worden aanvaard/);
      }
      const count = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from processor_contracts`,
      );
      assert.equal(count[0]?.n, 1);
      const list = squash((await get(officer, "/admin/processors")).body);
      assert.match(list, /ja, opgeladen op 2026-01-01/);
    });

    it("keeps the contracts with a renamed processor, and removes one after confirmation", async () => {
      const renamed = await save(mailPage, mailPage, mailForm({ name: "Voorbeeld Post BV" }));
      assert.equal(renamed.statusCode, 303, renamed.body);
      const postPage = "/admin/processors/Voorbeeld%20Post%20BV";
      assert.match(
        squash((await get(officer, postPage)).body),
        /Huidig document: DPA Voorbeeld Mail\.pdf/,
      );
      assert.equal((await get(officer, mailPage)).statusCode, 404);

      const confirm = await get(officer, `${postPage}/remove`);
      assert.match(confirm.body, /Verwerker Voorbeeld Post BV verwijderen\?/);
      const removed = await save(`${postPage}/remove`, `${postPage}/remove`, {});
      assert.equal(removed.statusCode, 303, removed.body);
      assert.equal(removed.headers.location, "/admin/processors?done=removed");
      const statement = squash((await publicPage("/privacy")).body);
      assert.doesNotMatch(statement, /Voorbeeld Post BV versturen/);
      assert.match(statement, /Verwerker Voorbeeld Post BV verwijderd/);
    });

    it("adds a processor from the new form", async () => {
      const added = await save(
        "/admin/processors/new",
        "/admin/processors/new",
        mailForm({ name: "Voorbeeld Cloud BV", country: "be", dataCategories: ["email"] }),
      );
      assert.equal(added.statusCode, 303, added.body);
      assert.equal(added.headers.location, "/admin/processors/Voorbeeld%20Cloud%20BV?done=added");
      assert.match(
        squash((await publicPage("/privacy")).body),
        /Voorbeeld Cloud BV versturen van e-mail en nieuwsbrieven BE/,
      );
    });

    it("is closed to the support role", async () => {
      const jar = await signIn(t, support);
      for (const url of ["/admin/processors", "/admin/processors/new", mailPage]) {
        assert.equal((await get(jar, url)).statusCode, 403, url);
      }
      const posted = await submitForm(t, jar, "/admin", "/admin/processors/new", mailForm());
      assert.equal(posted.statusCode, 403);
    });
  });
}
