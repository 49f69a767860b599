import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, it } from "node:test";
import type { RouteEntry } from "../../src/core/http/index.ts";
import { translate } from "../../src/core/i18n/index.ts";
import { isBackOffice } from "../../src/modules/staff/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { databaseKinds } from "../helpers/database.ts";
import { multipart, type Part } from "../helpers/multipart.ts";
import { CookieJar, csrfFrom, setUpStaff, signIn } from "../helpers/staff.ts";
import { rowCounts } from "../helpers/table-dump.ts";
import { confirmedPortalRequest } from "./portal-request.ts";
import { concreteUrl, isFormPost, routeKey, unsafeMethods } from "./route-catalogue.ts";

const csrfRefused = translate("nl", "error.csrf");

/**
 * The unsafe routes without a CSRF token, by design, each with why. They are the JSON API under
 * /api/ (the product's rule, core/http/security.ts): it never reads a staff session cookie, so a
 * forged cross-site request gains nothing a direct one would not. A new unsafe /api/ route
 * fails this suite until it is argued for here. (The page route POST /newsletter/unsubscribe/:id
 * takes no one-click body without its token either: idor.test.ts proves that 403.)
 */
const exemptions: Readonly<Record<string, string>> = {
  "POST /api/contact":
    "the contact form embedded on the company website (CORS for CONTACT_CORS_ORIGINS); anyone may write to us, no session is involved",
  "POST /api/newsletter/subscribe":
    "sign-up embedded on the company website (CORS); it only mails a double opt-in link, the confirmation is a separate step",
  "POST /api/newsletter/unsubscribe/:id":
    "RFC 8058 one-click unsubscribe: the mailbox provider posts List-Unsubscribe=One-Click without a page; the signed link is the key",
  "POST /api/consent":
    "the cookie banner on the company website records a choice (CORS); the consent id travels in the body, no cookie authenticates it",
  "POST /api/privacy/requests":
    "a rights request embedded on the company website (CORS); it only mails a confirmation link, which the person must press",
  "POST /api/orders":
    "the web shop's server, authenticated by Authorization: Bearer ORDERS_API_TOKEN; browsers cannot send that cross-site",
};

type InjectMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/** A form post with the path sent exactly as given, as no URL parser would leave it. */
function rawPost(port: number, path: string, cookie: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

for (const kind of databaseKinds) {
  describe(`CSRF on every form post on ${kind}`, () => {
    let t: TestApp;
    let admin: CookieJar;
    let processorName: string;
    let idCopyRequest: { id: string; token: string };

    before(async () => {
      t = await createTestApp(kind, {
        env: { RATE_LIMIT_PER_MINUTE: "100000", CONTACT_POSTS_PER_MINUTE: "100000" },
      });
      admin = await signIn(t, await setUpStaff(t, "admin"));
      const { policy } = await loadActivePolicy(undefined);
      processorName = policy.processors[0]?.name ?? "";
      assert.ok(processorName, "the default policy names a processor");
      // The upload route finds the request by its link before it reads a byte of the body.
      idCopyRequest = await confirmedPortalRequest(t, { rights: "access" });
    });
    after(() => t.close());

    /** A browser that opened a page of ours: it holds a CSRF secret cookie and a token. */
    const browser = async (jar = new CookieJar()) => {
      const page = await t.app.inject({
        url: "/privacy/request",
        remoteAddress: jar.ip,
        headers: { cookie: jar.header },
      });
      jar.take(page.headers["set-cookie"]);
      return { jar, token: csrfFrom(page.body) };
    };

    /** A URL that reaches the form's handler: real objects where the route looks one up first. */
    const urlOf = (route: RouteEntry) => {
      const url = concreteUrl(route.url, { name: processorName, id: idCopyRequest.id });
      return route.url === "/privacy/request/:id/id-copy"
        ? `${url}?token=${idCopyRequest.token}`
        : url;
    };

    /** The forged posts: no token, and another browser's valid token, as form and as upload. */
    const forgeries = (foreignToken: string) => {
      const upload = (first: Part[]): ReturnType<typeof multipart> =>
        multipart([
          ...first,
          { name: "email", value: "aanvaller@voorbeeld.be" },
          { name: "file", filename: "x.png", type: "image/png", content: Buffer.from("x") },
        ]);
      return [
        {
          name: "form without token",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "email=aanvaller%40voorbeeld.be&role=admin",
        },
        {
          name: "form with another browser's token",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: new URLSearchParams({ _csrf: foreignToken, role: "admin" }).toString(),
        },
        {
          name: "JSON with another browser's token in a header",
          headers: { "content-type": "application/json", "x-csrf-token": foreignToken },
          payload: JSON.stringify({ role: "admin" }),
        },
        { name: "upload without token", ...upload([]) },
        {
          name: "upload with another browser's token",
          ...upload([{ name: "_csrf", value: foreignToken }]),
        },
      ];
    };

    it("names a reason for every unsafe route that takes no CSRF token, and no other", () => {
      const unchecked = t.app.routeCatalogue
        .filter((route) => unsafeMethods.has(route.method) && !isFormPost(route))
        .map(routeKey)
        .sort();
      assert.deepEqual(unchecked, Object.keys(exemptions).sort());
    });

    it("refuses every form post (403) without a token or with another session's, storing nothing", async (context) => {
      const routes = t.app.routeCatalogue.filter(isFormPost);
      assert.ok(routes.length >= 40, `found ${routes.length} form posts`);
      const { token: foreignToken } = await browser();
      const before = await rowCounts(t.database.db);
      let attempts = 0;
      for (const route of routes) {
        // A signed-in admin for the back office (past the guard to the form), a visitor elsewhere.
        const signedIn = isBackOffice(route.url) && route.config.permission !== "public";
        const { jar } = signedIn ? { jar: admin } : await browser();
        for (const forgery of forgeries(foreignToken)) {
          const response = await t.app.inject({
            method: route.method as InjectMethod,
            url: urlOf(route),
            remoteAddress: jar.ip,
            headers: { ...forgery.headers, cookie: jar.header },
            payload: forgery.payload,
          });
          const label = `${routeKey(route)}, ${forgery.name}`;
          assert.equal(response.statusCode, 403, `${label}: ${response.body.slice(0, 200)}`);
          assert.ok(response.body.includes(csrfRefused), `${label}: the CSRF refusal`);
          attempts++;
        }
      }
      assert.deepEqual(await rowCounts(t.database.db), before, "no table gained or lost a row");
      context.diagnostic(`${kind}: ${routes.length} form posts × 5 forgeries = ${attempts}`);
    });

    it("cannot reach a form post through an /api/ path, whose requests skip the token", async () => {
      // Over a real socket: inject() resolves "..", a browser or a proxy may not.
      await t.app.listen({ port: 0, host: "127.0.0.1" });
      const address = t.app.server.address();
      assert.ok(address && typeof address === "object");
      const before = await rowCounts(t.database.db);
      for (const route of t.app.routeCatalogue.filter(isFormPost)) {
        for (const dots of ["..", "%2E%2E", "./.."]) {
          const path = `/api/${dots}${urlOf(route)}`;
          const status = await rawPost(address.port, path, admin.header, "action=accept_all");
          assert.ok([403, 404].includes(status), `${path}: ${status}`);
        }
      }
      assert.deepEqual(await rowCounts(t.database.db), before, "no table gained or lost a row");
    });
  });
}
