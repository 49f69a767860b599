import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { cookiesOf, createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { csrfFrom, type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { dumpEverything } from "../../../test/helpers/table-dump.ts";
import { queryRows } from "../../core/db/database.ts";
import { type Locale, translate } from "../../core/i18n/index.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { createCustomer, startAgreement } from "../customers/index.ts";

const form = { "content-type": "application/x-www-form-urlencoded" };

for (const kind of databaseKinds) {
  describe(`remote support pages on ${kind} (statement: "Support op afstand")`, () => {
    let t: TestApp;
    let technician: SignedIn;
    let colleague: SignedIn;
    let customerId: string;
    let subjectId: string;
    let nextIp = 10;
    /** Each visitor on an address of their own, so per-address rate limits stay apart. */
    const freshIp = () => `203.0.113.${nextIp++}`;

    before(async () => {
      t = await createTestApp(kind);
      technician = await setUpStaff(t, "support");
      colleague = await setUpStaff(t, "support");
      const { policy } = await loadActivePolicy(undefined);
      const deps = {
        db: t.database.db,
        vault: t.vault,
        clock: t.clock,
        dataMap: createDataMap(() => policy),
      };
      ({ subjectId } = await t.vault.ensureSubject(t.database.db, {
        email: `klant-${randomBytes(4).toString("hex")}@example.be`,
      }));
      const customer = await createCustomer(deps, {
        kind: "person",
        contact: { subjectId, name: "Pieter Maes" },
        actor: { type: "staff", id: technician.staffId },
      });
      customerId = customer.id;
      await startAgreement(deps, {
        customerId,
        service: "Onderhoud",
        startsOn: "2026-01-01",
        actor: { type: "staff", id: technician.staffId },
      });
    });
    after(() => t.close());

    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });

    /** Starts a session through the pages; returns its page's URL and the code shown there. */
    const startThroughPages = async () => {
      const chooser = await get(technician, `/admin/support/new?customer=${customerId}`);
      assert.equal(chooser.statusCode, 200, chooser.body);
      assert.match(chooser.body, /Pieter Maes/);
      const started = await submitForm(
        t,
        technician.jar,
        `/admin/support/new?customer=${customerId}`,
        "/admin/support/sessions",
        { customer: customerId, subject: subjectId },
      );
      assert.equal(started.statusCode, 303, started.body);
      const location = String(started.headers.location);
      assert.match(location, /^\/admin\/support\/sessions\/[0-9a-f-]{36}\?done=started$/);
      const sessionUrl = location.split("?")[0] as string;
      const page = await get(technician, location);
      assert.equal(page.statusCode, 200);
      assert.match(page.headers["cache-control"] as string, /no-store/);
      const shown = /class="support-code"><span aria-hidden="true">(\d{3}) (\d{3})<\/span>/.exec(
        page.body,
      );
      assert.ok(shown, "the code is shown large");
      assert.ok(page.body.includes(`${t.config.PUBLIC_URL.replace(/\/$/, "")}/support/connect`));
      return { sessionUrl, code: `${shown[1]}${shown[2]}` };
    };

    /** The customer's browser: no staff cookies, its own address, a form rendered a while ago. */
    const connect = async (
      fields: Record<string, string>,
      options: { ip?: string; lang?: Locale } = {},
    ) => {
      const ip = options.ip ?? freshIp();
      const headers = options.lang ? { "accept-language": options.lang } : {};
      const page = await t.app.inject({ url: "/support/connect", remoteAddress: ip, headers });
      assert.equal(page.statusCode, 200);
      const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
      t.clock.advance(5_000);
      return t.app.inject({
        method: "POST",
        url: "/support/connect",
        remoteAddress: ip,
        headers: { ...form, ...headers, cookie: cookiesOf(page.headers["set-cookie"]) },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          rendered,
          ...fields,
        }).toString(),
      });
    };

    it("hands the password to the session's technician only, once per look, and keeps it nowhere", async () => {
      const canary = `Kanarie-${randomBytes(9).toString("base64url")}`;
      const { sessionUrl, code } = await startThroughPages();

      const handed = await connect({ code, teamviewerId: "123 456 789", password: canary });
      assert.equal(handed.statusCode, 303, handed.body);
      assert.equal(handed.headers.location, "/support/connect/done");
      assert.match(handed.headers["cache-control"] as string, /no-store/);
      const done = await t.app.inject({ url: "/support/connect/done" });
      assert.match(done.body, /niets opgenomen/);

      const revealed = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/reveal`, {});
      assert.equal(revealed.statusCode, 200, revealed.body);
      assert.ok(revealed.body.includes(canary), "the technician sees the password");
      assert.ok(revealed.body.includes("123456789"), "and the ID");
      assert.match(revealed.headers["cache-control"] as string, /no-store/);
      assert.equal(revealed.headers.location, undefined, "shown in the response, not redirected");

      const colleaguePage = await get(colleague, sessionUrl);
      assert.equal(colleaguePage.statusCode, 200);
      assert.equal(colleaguePage.body.includes("/reveal"), false, "no reveal button for others");
      assert.equal(colleaguePage.body.includes("/end"), false, "no end button for others");
      const snooped = await submitForm(t, colleague.jar, sessionUrl, `${sessionUrl}/reveal`, {});
      assert.equal(snooped.statusCode, 403);
      assert.equal(snooped.body.includes(canary), false);
      const stopped = await submitForm(t, colleague.jar, sessionUrl, `${sessionUrl}/end`, {
        summary: "niet van mij",
      });
      assert.equal(stopped.statusCode, 403, "a colleague cannot end it (and wipe the password)");

      const ended = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/end`, {
        summary: "Printerstuurprogramma opnieuw geïnstalleerd.",
      });
      assert.equal(ended.statusCode, 303, ended.body);
      const after = await get(technician, String(ended.headers.location));
      assert.match(after.body, /beëindigd/);
      assert.match(after.body, /TeamViewer ID bewaard/);
      assert.match(after.body, /ja, tot de persoon bezwaar maakt/);

      const again = await t.app.inject({
        method: "POST",
        url: `${sessionUrl}/reveal`,
        remoteAddress: technician.jar.ip,
        headers: { ...form, cookie: technician.jar.header },
        payload: new URLSearchParams({ _csrf: csrfFrom(after.body) }).toString(),
      });
      assert.equal(again.body.includes(canary), false, "nothing to reveal after the end");

      assert.deepEqual(
        t.logs.filter((line) => line.includes(canary)),
        [],
        "not in any log line",
      );
      const dump = await dumpEverything(t.database.db);
      assert.equal(dump.includes(canary), false, "not in any table, outbox and audit log included");
      assert.equal(dump.includes("123456789"), false, "the kept ID is encrypted");
      const reveals = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log where action = 'support.password_revealed'`,
      );
      assert.equal(reveals[0]?.n, 1, "the one look is audited");
    });

    it("takes the details by phone from the technician only", async () => {
      const { sessionUrl } = await startThroughPages();
      const secret = `Telefoon-${randomBytes(6).toString("hex")}`;
      const refused = await submitForm(t, colleague.jar, sessionUrl, `${sessionUrl}/phone`, {
        teamviewerId: "987654321",
        password: secret,
      });
      assert.equal(refused.statusCode, 403);
      const wrong = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/phone`, {
        teamviewerId: "12",
        password: secret,
      });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.body.includes(secret), false, "a refused post never shows it back");
      const saved = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/phone`, {
        teamviewerId: "987 654 321",
        password: secret,
        objected: "yes",
      });
      assert.equal(saved.statusCode, 303, saved.body);
      assert.equal(String(saved.headers.location).includes(secret), false);
      const revealed = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/reveal`, {});
      assert.ok(revealed.body.includes(secret));
      const ended = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/end`, {
        summary: "",
      });
      assert.equal(ended.statusCode, 303);
      assert.deepEqual(
        t.logs.filter((line) => line.includes(secret)),
        [],
      );
    });

    for (const lang of ["nl", "en", "fr"] as const) {
      it(`refuses an unknown code in ${lang}, with the password field empty`, async () => {
        const password = `Fout-${randomBytes(6).toString("hex")}`;
        const refused = await connect(
          { code: "000000", teamviewerId: "111 222 333", password },
          { lang },
        );
        assert.equal(refused.statusCode, 400);
        assert.match(refused.headers["cache-control"] as string, /no-store/);
        assert.ok(refused.body.includes(translate(lang, "support.connect.error.unknown")));
        assert.match(refused.body, new RegExp(`<html lang="${lang}"`));
        const field = /<input[^>]*name="password"[^>]*>/.exec(refused.body)?.[0] ?? "";
        assert.ok(field, "the form is shown again");
        assert.doesNotMatch(field, /value="[^"]/, "the password field is empty");
        assert.equal(refused.body.includes(password), false, "never echoed");
        assert.match(refused.body, /value="111 222 333"/, "the ID is kept for another try");
        assert.deepEqual(
          t.logs.filter((line) => line.includes(password)),
          [],
        );
      });
    }

    it("names each missing field in the visitor's language", async () => {
      const refused = await connect({ code: "12", teamviewerId: "", password: "" }, { lang: "en" });
      assert.equal(refused.statusCode, 400);
      for (const key of [
        "support.connect.error.code",
        "support.connect.error.teamviewer_id",
        "support.connect.error.password",
      ] as const) {
        assert.ok(refused.body.includes(translate("en", key)), key);
      }
    });

    it("limits code guesses to 10 a minute per address", async () => {
      const ip = freshIp();
      const page = await t.app.inject({ url: "/support/connect", remoteAddress: ip });
      const cookie = cookiesOf(page.headers["set-cookie"]);
      const payload = new URLSearchParams({
        _csrf: csrfFrom(page.body),
        code: "000000",
        teamviewerId: "111222333",
        password: "x",
      }).toString();
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 11; attempt += 1) {
        const response = await t.app.inject({
          method: "POST",
          url: "/support/connect",
          remoteAddress: ip,
          headers: { ...form, cookie },
          payload,
        });
        statuses.push(response.statusCode);
      }
      assert.equal(statuses.slice(0, 10).includes(429), false, statuses.join(","));
      assert.equal(statuses[10], 429);
    });

    it("lists the technician's open sessions and sends /support to the connect page", async () => {
      const { sessionUrl } = await startThroughPages();
      const list = await get(technician, "/admin/support");
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.includes(`href="${sessionUrl}"`));
      const theirs = await get(colleague, "/admin/support");
      assert.equal(theirs.body.includes(`href="${sessionUrl}"`), false);
      const home = await t.app.inject({ url: "/support?lang=fr" });
      assert.equal(home.statusCode, 303);
      assert.equal(home.headers.location, "/support/connect?lang=fr");
    });
  });
}
