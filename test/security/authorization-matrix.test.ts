import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import type { RouteEntry } from "../../src/core/http/index.ts";
import { translate } from "../../src/core/i18n/index.ts";
import {
  isBackOffice,
  type Permission,
  permissions,
  roleCan,
  type StaffRole,
  staffRoles,
} from "../../src/modules/staff/index.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { databaseKinds } from "../helpers/database.ts";
import { CookieJar, csrfFrom, setUpStaff, signIn } from "../helpers/staff.ts";
import { concreteUrl, routeKey, unsafeMethods } from "./route-catalogue.ts";

const forbidden = translate("nl", "error.forbidden");
const csrfRefused = translate("nl", "error.csrf");
const isPermission = (value: unknown): value is Permission =>
  (permissions as readonly unknown[]).includes(value);

/**
 * Public routes that authenticate with something other than a staff session, each with why. A
 * new one fails the matrix until it is named here.
 */
const bearerRoutes: Readonly<Record<string, string>> = {
  "POST /api/orders":
    "the web shop's server calls it with Authorization: Bearer ORDERS_API_TOKEN; no browser, no cookie",
};

type Who = "anonymous" | StaffRole;
const everyone: readonly Who[] = ["anonymous", ...staffRoles];

type InjectMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

for (const kind of databaseKinds) {
  describe(`the authorization matrix on ${kind}: every route × anonymous and each role`, () => {
    let t: TestApp;
    const jars = new Map<Who, CookieJar>();
    /** A valid CSRF token of each browser, for public form posts (back-office posts get none). */
    const tokens = new Map<Who, string>();
    let cells = 0;

    before(async () => {
      t = await createTestApp(kind, {
        env: {
          RATE_LIMIT_PER_MINUTE: "100000",
          CONTACT_POSTS_PER_MINUTE: "100000",
          ORDERS_API_TOKEN: randomBytes(32).toString("base64"),
        },
      });
      jars.set("anonymous", new CookieJar());
      for (const role of staffRoles) jars.set(role, await signIn(t, await setUpStaff(t, role)));
      for (const who of everyone) {
        const jar = jarOf(who);
        const page = await t.app.inject({
          url: "/privacy/request",
          remoteAddress: jar.ip,
          headers: { cookie: jar.header },
        });
        jar.take(page.headers["set-cookie"]);
        tokens.set(who, csrfFrom(page.body));
      }
    });
    after(() => t.close());

    /** Every route the app serves, from its own catalogue: nothing here is a hand-kept list. */
    const catalogue = (): RouteEntry[] => t.app.routeCatalogue;
    const backOfficeRoutes = () => catalogue().filter((route) => isBackOffice(route.url));

    /**
     * One cell: the route asked by one person. Back-office posts carry no CSRF token, so a
     * permitted role is stopped by the CSRF check after the guard let it through, and nothing is
     * changed; public posts carry a valid token, so what answers is the route itself.
     */
    const jarOf = (who: Who): CookieJar => {
      const jar = jars.get(who);
      assert.ok(jar, `a browser for ${who}`);
      return jar;
    };
    /** Public form posts carry the browser's token; so does a visitor's post to the login page. */
    const carriesToken = (route: RouteEntry, who: Who) =>
      unsafeMethods.has(route.method) &&
      !route.url.startsWith("/api/") &&
      (!isBackOffice(route.url) || (route.config.permission === "public" && who === "anonymous"));

    const ask = (route: RouteEntry, who: Who, url = concreteUrl(route.url)) => {
      cells++;
      const jar = jarOf(who);
      const method = route.method as InjectMethod;
      const api = route.url.startsWith("/api/");
      const token = carriesToken(route, who) ? tokens.get(who) : undefined;
      const payload = !unsafeMethods.has(method)
        ? undefined
        : api
          ? "{}"
          : new URLSearchParams(token ? { _csrf: token } : {}).toString();
      return t.app.inject({
        method,
        url,
        remoteAddress: jar.ip,
        headers: {
          cookie: jar.header,
          ...(payload === undefined
            ? {}
            : {
                "content-type": api ? "application/json" : "application/x-www-form-urlencoded",
              }),
        },
        ...(payload === undefined ? {} : { payload }),
      });
    };

    const toLogin = (location: unknown) => /^\/admin\/login(\?|$)/.test(String(location ?? ""));

    it("has a permission declared on every back-office route", () => {
      const routes = backOfficeRoutes();
      assert.ok(routes.length >= 15, `found ${routes.length} back-office routes`);
      const undeclared = routes
        .filter((route) => route.config.permission === undefined)
        .map(routeKey);
      assert.deepEqual(undeclared, []);
    });

    it("sends anonymous visitors of the back office to the login page, never a page with content, except the login and setup pages", async () => {
      for (const route of backOfficeRoutes()) {
        const response = await ask(route, "anonymous");
        const label = routeKey(route);
        if (route.config.permission === "public") {
          // The login and setup pages themselves: open to anyone, with a valid form token.
          assert.ok(![401, 403].includes(response.statusCode), `${label}: ${response.statusCode}`);
          assert.equal(toLogin(response.headers.location), false, label);
          continue;
        }
        assert.equal(response.statusCode, 303, label);
        assert.ok(toLogin(response.headers.location), `${label} → ${response.headers.location}`);
        assert.equal(response.body, "", `${label} sends nothing but the redirect`);
      }
    });

    it("cannot be passed through an encoded path", async () => {
      for (const route of backOfficeRoutes()) {
        if (route.config.permission === "public") continue;
        const encoded = concreteUrl(route.url).replace(/^\/admin/, "/%61dmin");
        const response = await ask(route, "anonymous", encoded);
        assert.equal(response.statusCode, 303, `${route.method} ${encoded}`);
        assert.ok(toLogin(response.headers.location), encoded);
      }
    });

    it("answers a role 403 exactly where roleCan says it lacks the permission", async () => {
      let refusals = 0;
      let admitted = 0;
      for (const route of backOfficeRoutes()) {
        const permission = route.config.permission;
        for (const role of staffRoles) {
          const response = await ask(route, role);
          const label = `${role} ${routeKey(route)}`;
          const allowed =
            permission === "public" ||
            permission === "session" ||
            (isPermission(permission) && roleCan(role, permission));
          assert.equal(toLogin(response.headers.location), false, `${label}: signed in`);
          if (!allowed) {
            assert.equal(response.statusCode, 403, label);
            // A HEAD answer has no body to say why: its 403 is the guard's, as for its GET.
            if (route.method !== "HEAD") {
              assert.ok(response.body.includes(forbidden), `${label}: refused for the role`);
            }
            refusals++;
            continue;
          }
          admitted++;
          assert.equal(response.body.includes(forbidden), false, `${label}: not refused`);
          if (unsafeMethods.has(route.method)) {
            // The guard let it through: only the missing CSRF token stops it, so nothing changed.
            assert.equal(response.statusCode, 403, label);
            assert.ok(response.body.includes(csrfRefused), `${label}: reached the CSRF check`);
          } else {
            assert.notEqual(response.statusCode, 403, label);
            assert.notEqual(response.statusCode, 401, label);
          }
        }
      }
      assert.ok(refusals > 20, `some role lacks some permission (${refusals} refusals)`);
      assert.ok(admitted > refusals, `${admitted} admitted`);
    });

    it("lets anyone reach every public route without 401 or 403, bearer routes aside", async () => {
      const publicRoutes = catalogue().filter((route) => !isBackOffice(route.url));
      assert.ok(publicRoutes.length >= 20, `found ${publicRoutes.length} public routes`);
      const bearerFound = new Set<string>();
      for (const route of publicRoutes) {
        for (const who of everyone) {
          const response = await ask(route, who);
          const label = `${who} ${routeKey(route)}`;
          if (bearerRoutes[routeKey(route)] !== undefined) {
            bearerFound.add(routeKey(route));
            assert.equal(response.statusCode, 401, `${label}: no bearer token, no entry`);
            continue;
          }
          assert.ok(![401, 403].includes(response.statusCode), `${label}: ${response.statusCode}`);
        }
      }
      assert.deepEqual(
        [...bearerFound].sort(),
        Object.keys(bearerRoutes).sort(),
        "each named bearer route exists",
      );
    });

    it("reports the size of the matrix", (context) => {
      const routes = catalogue().length;
      assert.ok(cells >= routes * everyone.length, `${cells} cells for ${routes} routes`);
      context.diagnostic(
        `${kind}: ${routes} routes × ${everyone.length} (anonymous, ${staffRoles.join(", ")}) = ${routes * everyone.length} cells, ${cells} requests with the encoded paths`,
      );
    });
  });
}
