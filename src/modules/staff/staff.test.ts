import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import {
  CookieJar,
  type SignedIn,
  setUpStaff,
  signIn,
  staffPassword,
  submitForm,
} from "../../../test/helpers/staff.ts";
import { listAudit } from "../../audit/index.ts";
import { listStaff, totpCodeAt } from "./index.ts";

const minutes = (n: number) => n * 60_000;

for (const kind of databaseKinds) {
  describe(`staff accounts and back office on ${kind}`, () => {
    let t: TestApp;
    let admin: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      admin = await setUpStaff(t, "admin", "an.admin@wits.be");
    });
    after(() => t.close());

    const get = (url: string, jar: CookieJar) =>
      t.app.inject({ method: "GET", url, headers: { cookie: jar.header } });

    it("sets up an account from its one-time link: password, QR code, recovery codes", async () => {
      const jar = await signIn(t, admin);
      const dashboard = await get("/admin", jar);
      assert.equal(dashboard.statusCode, 200);
      assert.match(dashboard.body, /Welkom, Test admin/);
      assert.match(dashboard.body, /href="\/admin\/staff"/);
      const account = await get("/admin/account", jar);
      assert.match(account.body, /nog 10 ongebruikte herstelcodes/);
    });

    it("sends an anonymous visitor to the login page, and back to the page asked for after it", async () => {
      const response = await t.app.inject({ method: "GET", url: "/admin/staff" });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, "/admin/login?next=%2Fadmin%2Fstaff");
      t.clock.advance(30_000);
      const jar = new CookieJar();
      const login = await submitForm(t, jar, "/admin/login?next=%2Fadmin%2Fstaff", "/admin/login", {
        email: admin.email,
        password: staffPassword,
        next: "/admin/staff",
      });
      const codePage = String(login.headers.location);
      assert.equal(codePage, "/admin/login/code?next=%2Fadmin%2Fstaff");
      const done = await submitForm(t, jar, codePage, "/admin/login/code", {
        code: totpCodeAt(admin.totpSecret, t.clock.now()),
        next: "/admin/staff",
      });
      assert.equal(done.headers.location, "/admin/staff");
      const offsite = await submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
        email: admin.email,
        password: staffPassword,
        next: "//evil.example/admin",
      });
      assert.equal(offsite.headers.location, "/admin/login/code?next=%2Fadmin");
    });

    it("answers a wrong password and an unknown account with the same words", async () => {
      const wrong = await submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
        email: admin.email,
        password: "not the password at all",
      });
      const unknown = await submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
        email: "nobody@wits.be",
        password: "not the password at all",
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      const message = (body: string) => /<p role="alert"[^>]*>([^<]+)</.exec(body)?.[1];
      assert.ok(message(wrong.body));
      assert.equal(message(wrong.body), message(unknown.body));
    });

    it("locks an account after five wrong passwords, known or not, for 15 minutes", async () => {
      const member = await setUpStaff(t, "support");
      for (const email of [member.email, "ghost@wits.be"]) {
        let last = "";
        for (let attempt = 0; attempt < 5; attempt++) {
          const response = await submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
            email,
            password: `wrong password ${attempt}`,
          });
          last = response.body;
        }
        assert.match(last, /Te veel mislukte pogingen/, email);
      }
      const whileLocked = await submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
        email: member.email,
        password: staffPassword,
      });
      assert.equal(whileLocked.statusCode, 401, "even the right password waits out the lock");
      t.clock.advance(minutes(16));
      await signIn(t, member);
    });

    it("asks for the second factor before anything else, and accepts a recovery code once", async () => {
      const jar = new CookieJar();
      await submitForm(t, jar, "/admin/login", "/admin/login", {
        email: admin.email,
        password: staffPassword,
      });
      const early = await get("/admin/staff", jar);
      assert.equal(early.statusCode, 303);
      assert.equal(early.headers.location, "/admin/login/code");

      const codes = await t.app.inject({
        method: "POST",
        url: "/admin/account/recovery-codes",
        headers: { cookie: jar.header },
        payload: {},
      });
      assert.equal(codes.statusCode, 303, "a half-signed-in session cannot renew codes");

      const full = await signIn(t, admin);
      const fresh = await submitForm(
        t,
        full,
        "/admin/account",
        "/admin/account/recovery-codes",
        {},
      );
      const recovery = /<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/.exec(fresh.body)?.[1];
      assert.ok(recovery);
      for (const [round, expected] of [
        [1, 303],
        [2, 401],
      ] as const) {
        const attempt = new CookieJar();
        await submitForm(t, attempt, "/admin/login", "/admin/login", {
          email: admin.email,
          password: staffPassword,
        });
        const response = await submitForm(t, attempt, "/admin/login/code", "/admin/login/code", {
          code: recovery,
        });
        assert.equal(response.statusCode, expected, `use ${round} of a recovery code`);
      }
    });

    it("ends a session after 30 idle minutes and after 12 hours in any case", async () => {
      const jar = await signIn(t, admin);
      t.clock.advance(minutes(29));
      assert.equal((await get("/admin", jar)).statusCode, 200);
      t.clock.advance(minutes(31));
      assert.equal((await get("/admin", jar)).statusCode, 303, "idle");

      const busy = await signIn(t, admin);
      for (let hour = 0; hour < 12; hour++) {
        t.clock.advance(minutes(25));
        await get("/admin", busy);
        t.clock.advance(minutes(25));
        await get("/admin", busy);
        t.clock.advance(minutes(10));
      }
      assert.equal((await get("/admin", busy)).statusCode, 303, "absolute");
    });

    it("signs out other sessions when the password changes, and keeps the one that changed it", async () => {
      const member = await setUpStaff(t, "privacy");
      const here = await signIn(t, member);
      const elsewhere = await signIn(t, member);
      const newPassword = "a different long sentence";
      const changed = await submitForm(t, here, "/admin/account", "/admin/account/password", {
        currentPassword: staffPassword,
        newPassword,
      });
      assert.equal(changed.headers.location, "/admin/account?done=password_changed", changed.body);
      assert.equal((await get("/admin", here)).statusCode, 200);
      assert.equal((await get("/admin", elsewhere)).statusCode, 303);
      const tooShort = await submitForm(t, here, "/admin/account", "/admin/account/password", {
        currentPassword: newPassword,
        newPassword: "short",
      });
      assert.equal(tooShort.statusCode, 400);
      assert.match(tooShort.body, /minstens 12 tekens/);
    });

    it("signs out everywhere", async () => {
      const laptop = await signIn(t, admin);
      const phone = await signIn(t, admin);
      const done = await submitForm(
        t,
        laptop,
        "/admin/account",
        "/admin/account/sign-out-everywhere",
        {},
      );
      assert.equal(done.statusCode, 303);
      assert.equal((await get("/admin", laptop)).statusCode, 303);
      assert.equal((await get("/admin", phone)).statusCode, 303);
    });

    it("lets an admin invite, change the role of and disable a colleague", async () => {
      const jar = await signIn(t, admin);
      const invited = await submitForm(t, jar, "/admin/staff", "/admin/staff", {
        email: "lies.support@wits.be",
        displayName: "Lies",
        role: "support",
      });
      assert.equal(invited.statusCode, 200);
      const link = /<code>(http[^<]+\/admin\/setup\/[^<]+)<\/code>/.exec(invited.body)?.[1];
      assert.ok(link, "the setup link is shown once");
      const setupPage = await t.app.inject({ url: new URL(link).pathname });
      assert.equal(setupPage.statusCode, 200);
      assert.equal(setupPage.headers["cache-control"], "no-store");
      const token = new URL(link).pathname.split("/").at(-1) ?? "";
      assert.equal(t.logs.join("").includes(token), false, "a setup token never reaches the logs");
      assert.match(setupPage.body, /lies\.support@wits\.be/);

      const colleague = await setUpStaff(t, "support");
      const role = await submitForm(
        t,
        jar,
        "/admin/staff",
        `/admin/staff/${colleague.staffId}/role`,
        {
          role: "billing",
        },
      );
      assert.equal(role.headers.location, "/admin/staff?done=role_changed");
      const theirs = await signIn(t, colleague);
      const disabled = await submitForm(
        t,
        jar,
        "/admin/staff",
        `/admin/staff/${colleague.staffId}/disabled`,
        { disabled: "true" },
      );
      assert.equal(disabled.statusCode, 303);
      assert.equal((await get("/admin", theirs)).statusCode, 303, "their session ended at once");
      const login = await submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
        email: colleague.email,
        password: staffPassword,
      });
      assert.equal(login.statusCode, 401);

      const { entries } = await listAudit(t.database.db, { action: "staff.*", limit: 100 });
      const actions = entries.map((entry) => entry.action);
      for (const action of [
        "staff.created",
        "staff.role_changed",
        "staff.disabled",
        "staff.login",
      ]) {
        assert.ok(actions.includes(action), `${action} is in the audit log`);
      }
    });

    it("keeps the last admin an admin", async () => {
      const jar = await signIn(t, admin);
      const response = await submitForm(
        t,
        jar,
        "/admin/staff",
        `/admin/staff/${admin.staffId}/role`,
        {
          role: "support",
        },
      );
      assert.equal(response.statusCode, 409);
    });

    it("accepts a TOTP code once: a code seen over a shoulder cannot be replayed", async () => {
      const first = await signIn(t, admin);
      assert.equal((await get("/admin", first)).statusCode, 200);
      const replay = new CookieJar();
      await submitForm(t, replay, "/admin/login", "/admin/login", {
        email: admin.email,
        password: staffPassword,
      });
      const response = await submitForm(t, replay, "/admin/login/code", "/admin/login/code", {
        code: totpCodeAt(admin.totpSecret, t.clock.now()),
      });
      assert.equal(response.statusCode, 401);
    });

    it("counts concurrent password guesses: no more than five are checked", async () => {
      const member = await setUpStaff(t, "billing");
      const guesses = Array.from({ length: 12 }, (_, i) =>
        submitForm(t, new CookieJar(), "/admin/login", "/admin/login", {
          email: member.email,
          password: i === 11 ? staffPassword : `guess number ${i}`,
        }),
      );
      const responses = await Promise.all(guesses);
      const accepted = responses.filter((response) => response.statusCode === 303);
      assert.ok(accepted.length <= 1);
      const { entries } = await listAudit(t.database.db, {
        action: "staff.login_failed",
        limit: 100,
      });
      const mine = entries.filter((entry) => entry.recordId === member.staffId);
      assert.equal(mine.length + accepted.length, 12);
      assert.ok(mine.filter((entry) => entry.details.reason === "locked").length >= 6);
      t.clock.advance(minutes(16));
    });

    it("uses a recovery code once even when it is sent twice at the same moment", async () => {
      const member = await setUpStaff(t, "privacy");
      const jar = await signIn(t, member);
      const fresh = await submitForm(t, jar, "/admin/account", "/admin/account/recovery-codes", {});
      const recovery = /<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/.exec(fresh.body)?.[1] ?? "";
      const halfSignedIn = await Promise.all(
        [0, 1, 2].map(async () => {
          const attempt = new CookieJar();
          await submitForm(t, attempt, "/admin/login", "/admin/login", {
            email: member.email,
            password: staffPassword,
          });
          return attempt;
        }),
      );
      const results = await Promise.all(
        halfSignedIn.map((attempt) =>
          submitForm(t, attempt, "/admin/login/code", "/admin/login/code", { code: recovery }),
        ),
      );
      assert.equal(results.filter((response) => response.statusCode === 303).length, 1);
      const account = await get("/admin/account", await signIn(t, member));
      assert.match(account.body, /nog 9 ongebruikte herstelcodes/);
    });

    it("keeps an admin when two admins demote each other at the same moment", async () => {
      const second = await setUpStaff(t, "admin");
      const [mine, theirs] = [await signIn(t, admin), await signIn(t, second)];
      const results = await Promise.all([
        submitForm(t, mine, "/admin/staff", `/admin/staff/${second.staffId}/role`, {
          role: "support",
        }),
        submitForm(t, theirs, "/admin/staff", `/admin/staff/${admin.staffId}/role`, {
          role: "support",
        }),
      ]);
      const statuses = results.map((response) => response.statusCode).sort();
      // The loser is refused either by the last-admin check (409, the requests overlapped) or,
      // when the winner committed before its guard ran, because it is no longer an admin (403).
      assert.equal(statuses[0], 303);
      assert.ok(statuses[1] === 403 || statuses[1] === 409, `second demotion got ${statuses[1]}`);
      const admins = (await listStaff(t.database.db)).filter((account) => account.role === "admin");
      assert.equal(admins.length, 1);
      // Put things back for the tests after this one.
      const survivor = admins[0]?.id === admin.staffId ? mine : theirs;
      const demoted = admins[0]?.id === admin.staffId ? second : admin;
      await submitForm(t, survivor, "/admin/staff", `/admin/staff/${demoted.staffId}/role`, {
        role: "admin",
      });
    });

    it("refuses a TOTP code from the wrong time", async () => {
      const jar = new CookieJar();
      await submitForm(t, jar, "/admin/login", "/admin/login", {
        email: admin.email,
        password: staffPassword,
      });
      const stale = totpCodeAt(admin.totpSecret, new Date(t.clock.now().getTime() - minutes(5)));
      const response = await submitForm(t, jar, "/admin/login/code", "/admin/login/code", {
        code: stale,
      });
      assert.equal(response.statusCode, 401);
    });

    it("shows the audit log to an admin, filtered, without personal data", async () => {
      const jar = await signIn(t, admin);
      const page = await get("/admin/audit?action=staff.*", jar);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /staff\.login/);
      assert.doesNotMatch(page.body, /an\.admin@wits\.be<\/td>/);
    });
  });
}
