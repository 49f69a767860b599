import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import {
  createTestNotesTable,
  insertTestNote,
  testDataMap,
} from "../../../test/helpers/test-record-type.ts";
import { listAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import { type ExportResult, exportSubject } from "../../datamap/export/index.ts";
import type { DataMap } from "../../datamap/index.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { allRecordTypes } from "../../record-types.ts";
import { uniquePerson } from "../../vault/test-vault.ts";

const days = (n: number) => n * 24 * 60 * 60_000;

for (const kind of databaseKinds) {
  describe(`downloading an export package on ${kind}`, () => {
    let t: TestApp;
    let dataMap: DataMap;

    before(async () => {
      t = await createTestApp(kind);
      await createTestNotesTable(t.database.db);
      const { policy } = await loadActivePolicy(undefined);
      dataMap = testDataMap(() => policy, undefined, allRecordTypes);
    });
    after(() => t.close());

    /** A person with a note, and a package made for them, as the rights engine would. */
    const packageFor = async (note = `mijn laptop start niet ${crypto.randomUUID()}`) => {
      const { email } = uniquePerson();
      const { subjectId } = await insertTestNote(
        t.database.db,
        { vault: t.vault, dataMap, now: t.clock.now() },
        { email, requestId: "req-1", topic: "laptop", text: note },
      );
      const made = await exportSubject(
        {
          db: t.database.db,
          dataMap,
          vault: t.vault,
          clock: t.clock,
          publicUrl: t.config.PUBLIC_URL,
        },
        { subjectId, locale: "nl", kind: "access", actor: { type: "system" } },
      );
      return { email, subjectId, note, made };
    };

    const get = (url: string, language = "nl-BE,nl;q=0.9") =>
      t.app.inject({ method: "GET", url, headers: { "accept-language": language } });
    const pathOf = (made: ExportResult) => new URL(made.downloadUrl).pathname;
    const fileUrl = (made: ExportResult, file: string, token = made.token) =>
      `${pathOf(made)}/${file}?token=${encodeURIComponent(token)}`;
    const downloadedAt = async (packageId: string) => {
      const [row] = await queryRows<{ downloaded_at: Date | string | null }>(
        t.database.db,
        sql`select downloaded_at from export_packages where id = ${packageId}`,
      );
      return row?.downloaded_at ? new Date(row.downloaded_at).toISOString() : null;
    };
    const downloads = async (subjectId: string) =>
      (
        await listAudit(t.database.db, {
          action: "rights.export_downloaded",
          subjectId,
          limit: 50,
        })
      ).entries;

    it("shows the link's page in the visitor's language, with three downloads and no download yet", async () => {
      const { made, subjectId } = await packageFor();
      const link = new URL(made.downloadUrl);
      const page = await get(`${link.pathname}${link.search}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<html lang="nl"/);
      assert.match(page.body, /Je gegevens downloaden/);
      assert.match(page.body, /Deze link werkt tot 2026-01-08 09:00 UTC/);
      for (const file of ["report.pdf", "report.html", "package.zip"]) {
        assert.ok(page.body.includes(`action="${pathOf(made)}/${file}"`), `a button for ${file}`);
      }
      assert.ok(page.body.includes(`name="token" value="${made.token}"`));
      assert.equal(page.headers["cache-control"], "no-store");
      assert.equal(page.headers["referrer-policy"], "no-referrer");

      const french = await get(`${link.pathname}${link.search}`, "fr-BE");
      assert.match(french.body, /Télécharger vos données/);
      assert.equal(await downloadedAt(made.packageId), null, "showing the page is no download");
      assert.deepEqual(await downloads(subjectId), []);
    });

    it("downloads the PDF, HTML and ZIP with their types; dates the first download and audits each", async () => {
      const { made, subjectId, note, email } = await packageFor();
      t.clock.advance(60_000);
      const firstAt = t.clock.now().toISOString();

      const pdf = await get(fileUrl(made, "report.pdf"));
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.equal(
        pdf.headers["content-disposition"],
        'attachment; filename="privacy-report-2026-01-01.pdf"',
      );
      assert.equal(pdf.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");

      t.clock.advance(60_000);
      const html = await get(fileUrl(made, "report.html"));
      assert.equal(html.statusCode, 200);
      assert.equal(html.headers["content-type"], "text/html; charset=utf-8");
      assert.match(
        String(html.headers["content-disposition"]),
        /^attachment; filename=".+\.html"$/,
      );
      assert.match(String(html.headers["content-security-policy"]), /sandbox/);
      assert.ok(html.body.includes(note), "the report holds what we keep");

      const zip = await get(fileUrl(made, "package.zip"));
      assert.equal(zip.statusCode, 200);
      assert.equal(zip.headers["content-type"], "application/zip");
      const files = unzipSync(zip.rawPayload);
      const notes = JSON.parse(Buffer.from(files["records/test.note.json"] ?? []).toString());
      assert.equal(notes[0]?.note_ciphertext, note);

      for (const reply of [pdf, html, zip]) {
        assert.equal(reply.headers["cache-control"], "no-store");
        assert.equal(reply.headers["referrer-policy"], "no-referrer");
      }
      assert.equal(await downloadedAt(made.packageId), firstAt, "the first download is dated");
      const audited = await downloads(subjectId);
      assert.deepEqual(audited.map((entry) => entry.details.file).sort(), ["html", "pdf", "zip"]);
      assert.ok(audited.every((entry) => entry.recordId === made.packageId));

      const everything = t.logs.join("\n");
      for (const secret of [made.token, email, note]) {
        assert.ok(!everything.includes(secret), "no token or personal data in the logs");
      }
    });

    it("answers a wrong token, another package's token, no token and an unknown id with the same 404", async () => {
      const { made } = await packageFor();
      const other = await packageFor();
      const unknownId = crypto.randomUUID();
      const wrongToken = Buffer.alloc(32, 7).toString("base64url");
      const attempts = [
        `${pathOf(made)}?token=${wrongToken}`,
        `${pathOf(made)}?token=${other.made.token}`,
        `${pathOf(made)}`,
        `${pathOf(made)}?token=not-a-token`,
        `/privacy/export/${unknownId}?token=${made.token}`,
        `/privacy/export/not-a-uuid?token=${made.token}`,
        fileUrl(made, "report.pdf", wrongToken),
        fileUrl(made, "package.zip", other.made.token),
        `/privacy/export/${unknownId}/report.html?token=${made.token}`,
      ];
      const texts = new Set<string>();
      for (const url of attempts) {
        const reply = await get(url);
        assert.equal(reply.statusCode, 404, url);
        assert.equal(reply.headers["cache-control"], "no-store", url);
        texts.add(/<p role="alert">([^<]*)</.exec(reply.body)?.[1] ?? "");
        assert.ok(!reply.body.includes("2026-01-08"), "a 404 never says when a package expires");
      }
      assert.equal(texts.size, 1, "every refusal says the same");
      assert.equal(await downloadedAt(made.packageId), null);
      assert.equal(await downloadedAt(other.made.packageId), null);
    });

    it("answers 410 in the visitor's language once the link expired, and downloads nothing", async () => {
      const { made, subjectId } = await packageFor();
      t.clock.advance(days(7) + 1);
      const page = await get(`${pathOf(made)}?token=${made.token}`);
      assert.equal(page.statusCode, 410);
      assert.match(page.body, /Deze downloadlink is verlopen/);
      assert.match(page.body, /werkte tot 2026-01-08 09:0\d UTC/);
      assert.match(page.body, /href="\/privacy\/request"/);
      const french = await get(`${pathOf(made)}?token=${made.token}`, "fr");
      assert.equal(french.statusCode, 410);
      assert.match(french.body, /Ce lien de téléchargement a expiré/);
      for (const file of ["report.pdf", "report.html", "package.zip"]) {
        const reply = await get(fileUrl(made, file));
        assert.equal(reply.statusCode, 410, file);
        assert.ok(!reply.headers["content-disposition"], `${file} is not sent`);
      }
      assert.deepEqual(await downloads(subjectId), []);
      assert.equal(await downloadedAt(made.packageId), null);
    });

    it("answers 410, not a failure, once the person's rights key was shredded", async () => {
      const { made, subjectId } = await packageFor();
      await t.vault.shred(t.database.db, {
        subjectId,
        purpose: "rights",
        reason: "rights.erasure",
      });
      const page = await get(`${pathOf(made)}?token=${made.token}`);
      assert.equal(page.statusCode, 410);
      assert.match(page.body, /Dit pakket bestaat niet meer/);
      for (const file of ["report.pdf", "report.html", "package.zip"]) {
        const reply = await get(fileUrl(made, file));
        assert.equal(reply.statusCode, 410, file);
      }
      assert.deepEqual(await downloads(subjectId), []);
      assert.ok(!t.logs.join("\n").includes('"level":50'), "nothing was logged as an error");
    });

    it("does not count a HEAD request (a link checker) as a download", async () => {
      const { made, subjectId } = await packageFor();
      const head = await t.app.inject({ method: "HEAD", url: fileUrl(made, "package.zip") });
      assert.notEqual(head.statusCode, 200);
      assert.equal(await downloadedAt(made.packageId), null);
      assert.deepEqual(await downloads(subjectId), []);
    });
  });
}
