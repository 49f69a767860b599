import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";

describe('the security contact (statement: "Beveiliging van persoonsgegevens")', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp("pglite", { env: { PUBLIC_URL: "https://privacy.wits.be" } });
  });
  after(() => t.close());

  it("serves /.well-known/security.txt by RFC 9116 from the policy", async () => {
    const reply = await t.app.inject({ url: "/.well-known/security.txt" });
    assert.equal(reply.statusCode, 200);
    assert.equal(reply.headers["content-type"], "text/plain; charset=utf-8");
    const fields = reply.body.trim().split("\n");
    assert.deepEqual(fields, [
      "Contact: mailto:privacy@wits.be",
      "Contact: https://privacy.wits.be/security",
      "Expires: 2027-10-31T23:59:59.000Z",
      "Preferred-Languages: nl, en, fr",
      "Canonical: https://privacy.wits.be/.well-known/security.txt",
      "Policy: https://privacy.wits.be/security",
    ]);
    assert.ok(!Number.isNaN(Date.parse(fields[2]?.slice("Expires: ".length) ?? "")));
  });

  it("says on /security, in the visitor's language, whom to tell and what to send", async () => {
    const cases = [
      ["nl", /Iets niet in orde\?/],
      ["en", /Something not right\?/],
      ["fr", /Quelque chose ne va pas/],
    ] as const;
    for (const [language, heading] of cases) {
      const page = await t.app.inject({
        url: "/security",
        headers: { "accept-language": language },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, heading);
      assert.match(page.body, /href="mailto:privacy@wits.be"/);
      assert.match(page.body, /href="\/.well-known\/security.txt"/);
    }
  });

  it("is linked from the statement's security section", async () => {
    const statement = await t.app.inject({ url: "/privacy", headers: { "accept-language": "nl" } });
    assert.match(
      statement.body,
      /<a href="\/security">Een beveiligingsprobleem of misbruik melden<\/a>/,
    );
  });
});
