import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { translate } from "../src/core/i18n/index.ts";
import {
  isBackOffice,
  type Permission,
  permissions,
  roleCan,
  type StaffRole,
  staffRoles,
} from "../src/modules/staff/index.ts";
import { createTestApp, type TestApp } from "./helpers/app.ts";
import { databaseKinds } from "./helpers/database.ts";
import { type CookieJar, setUpStaff, signIn } from "./helpers/staff.ts";

const forbidden = translate("nl", "error.forbidden");
const concrete = (url: string) => url.replace(/:id\b/g, randomUUID()).replace(/:token\b/g, "nope");
const isPermission = (value: unknown): value is Permission =>
  (permissions as readonly unknown[]).includes(value);

describe("every back-office route", () => {
  const kind = databaseKinds[0] ?? "pglite";
  let t: TestApp;
  const sessions = new Map<StaffRole, CookieJar>();

  before(async () => {
    t = await createTestApp(kind);
    for (const role of staffRoles) {
      sessions.set(role, await signIn(t, await setUpStaff(t, role)));
    }
  });
  after(() => t.close());

  const backOfficeRoutes = () =>
    t.app.routeCatalogue.filter((route) => isBackOffice(route.url) && route.method !== "HEAD");

  it("declares the permission it needs", () => {
    const routes = backOfficeRoutes();
    assert.ok(routes.length >= 15, `found ${routes.length} back-office routes`);
    const undeclared = routes
      .filter((route) => route.config.permission === undefined)
      .map((route) => `${route.method} ${route.url}`);
    assert.deepEqual(undeclared, []);
  });

  it("sends anonymous visitors to the login page, except the login and setup pages", async () => {
    for (const route of backOfficeRoutes()) {
      if (route.config.permission === "public") continue;
      const response = await t.app.inject({
        method: route.method as "GET" | "POST",
        url: concrete(route.url),
        payload: route.method === "GET" ? undefined : {},
      });
      assert.equal(response.statusCode, 303, `${route.method} ${route.url}`);
      assert.match(String(response.headers.location), /^\/admin\/login/, route.url);
    }
  });

  it("cannot be reached past the guard through an encoded path", async () => {
    for (const route of backOfficeRoutes()) {
      if (route.config.permission === "public") continue;
      const encoded = concrete(route.url).replace(/^\/admin/, "/%61dmin");
      const response = await t.app.inject({
        method: route.method as "GET" | "POST",
        url: encoded,
        payload: route.method === "GET" ? undefined : { role: "admin", email: "x@evil.example" },
      });
      assert.equal(response.statusCode, 303, `${route.method} ${encoded}`);
    }
  });

  it("answers 403 to a signed-in role without the permission, and lets the others through", async () => {
    let refusals = 0;
    for (const route of backOfficeRoutes()) {
      const permission = route.config.permission;
      if (!isPermission(permission)) continue;
      for (const role of staffRoles) {
        const response = await t.app.inject({
          method: route.method as "GET" | "POST",
          url: concrete(route.url),
          headers: { cookie: sessions.get(role)?.header ?? "" },
          payload: route.method === "GET" ? undefined : {},
        });
        const label = `${role} ${route.method} ${route.url}`;
        // The posts carry no CSRF token, so a permitted role meets that 403 instead.
        const refused = response.body.includes(forbidden);
        if (roleCan(role, permission)) {
          assert.equal(refused, false, label);
          assert.notEqual(response.statusCode, 303, label);
        } else {
          assert.equal(response.statusCode, 403, label);
          assert.equal(refused, true, label);
          refusals++;
        }
      }
    }
    assert.ok(refusals > 0, "some role lacks some permission");
  });
});
