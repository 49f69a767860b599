import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { databaseKinds } from "../helpers/database.ts";
import { openedOutbox } from "../helpers/outbox.ts";
import { CookieJar, csrfFrom } from "../helpers/staff.ts";

const shopToken = "fuzz-findings-shop-token-0123456789abcdef";

/** Inputs the fuzzer found that broke the product, kept as plain tests once fixed. */
for (const kind of databaseKinds) {
  describe(`inputs found by fuzzing the public endpoints on ${kind}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(kind, {
        env: { CONTACT_POSTS_PER_MINUTE: "1000", ORDERS_API_TOKEN: shopToken },
      });
    });
    after(() => t.close());

    /** A browser's form post from `page`: its token, its render time, a few seconds later. */
    const postForm = async (page: string, action: string, fields: [string, string][]) => {
      const jar = new CookieJar();
      const shown = await t.app.inject({ url: page, remoteAddress: jar.ip });
      jar.take(shown.headers["set-cookie"]);
      const rendered = /name="rendered" value="([^"]+)"/.exec(shown.body)?.[1] ?? "";
      t.clock.advance(5_000);
      const body = new URLSearchParams([
        ["_csrf", csrfFrom(shown.body)],
        ["rendered", rendered],
        ["website", ""],
        ...fields,
      ]);
      return t.app.inject({
        method: "POST",
        url: action,
        remoteAddress: jar.ip,
        headers: { cookie: jar.header, "content-type": "application/x-www-form-urlencoded" },
        payload: body.toString(),
      });
    };

    it("refuses a misuse report whose name is sent twice with a 400 that names the field", async () => {
      // Found as a 500: the list's "expected string" problem had no message key to translate.
      const response = await postForm("/security", "/security/report", [
        ["message", "Iemand misbruikt jullie logo."],
        ["email", "melder@voorbeeld.be"],
        ["name", "Ann"],
        ["name", "Bart"],
      ]);
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.body, /aria-invalid="true"|role="alert"/);
    });

    it("refuses a sign-in whose e-mail address holds a NUL character with a 400", async () => {
      // Found as a 500: PostgreSQL cannot compare text with NUL, so the account lookup failed.
      const response = await postForm("/admin/login", "/admin/login", [
        ["email", "\u0000"],
        ["password", "false"],
      ]);
      assert.equal(response.statusCode, 400, response.body);
    });

    it("accepts a misuse report from a name with a NUL character and mails its confirmation", async () => {
      // Found as a 500: the greeting "Dag <name>," took the NUL into the outbox's text column.
      const response = await postForm("/security", "/security/report", [
        ["message", "Graag een offerte voor tien laptops."],
        ["email", "nul.naam@voorbeeld.be"],
        ["name", "Zoë\u0000Vandamme"],
      ]);
      assert.equal(response.statusCode, 303, response.body);
      const mails = (await openedOutbox(t)).filter(
        (mail) => mail.toAddress === "nul.naam@voorbeeld.be",
      );
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.textBody ?? "", /ZoëVandamme/);
    });

    it("refuses a multipart post whose file is cut off by the end of the body with a 400", async () => {
      // Found as a 500: the parser's "Part terminated early" error was not known as the sender's.
      const boundary = "----witsFinding";
      const response = await t.app.inject({
        method: "POST",
        url: "/api/contact",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 ${"x".repeat(100_000)}`,
      });
      assert.equal(response.statusCode, 400, response.body);
    });

    it("refuses a shop order whose total passes 10 million euro with a 400", async () => {
      // Found as a 500: 3 × 9,999,999.99 passed each line's limit but overflowed the totals.
      const response = await t.app.inject({
        method: "POST",
        url: "/api/orders",
        headers: { authorization: `Bearer ${shopToken}`, "idempotency-key": "fuzz-finding-1" },
        payload: {
          billing: {
            email: "bestelling@bakkerij.be",
            name: "Ilse Claes",
            address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
          },
          lines: [{ description: "Servers", quantity: 3, unitPrice: "9999999,99", vatRate: 21 }],
        },
      });
      assert.equal(response.statusCode, 400, response.body);
    });

    // @fastify/busboy 3.2.6 never finishes a body whose skipped part outgrows its 16 kB buffer;
    // src/core/http/multipart-deadline.ts refuses it once the parser has sat on it for 2 s.
    const skippedParts = {
      "without Content-Disposition": "X-Nothing: here",
      "with a line break in its file name":
        'Content-Disposition: form-data; name="file"; filename="a\nb.pdf"',
    };
    for (const [what, header] of Object.entries(skippedParts)) {
      it(`answers a multipart post whose part ${what} is larger than 16 kB with a 400`, async () => {
        const boundary = "----witsFinding";
        const payload = `--${boundary}\r\n${header}\r\n\r\n${"l".repeat(17_000)}\r\n--${boundary}--\r\n`;
        const answer = t.app.inject({
          method: "POST",
          url: "/api/contact",
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
          payload,
        });
        const outcome = await Promise.race([
          answer.then((response) => response.statusCode),
          new Promise<"hang">((resolve) => setTimeout(() => resolve("hang"), 8_000).unref()),
        ]);
        assert.equal(outcome, 400);
      });
    }
  });
}
