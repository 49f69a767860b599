import assert from "node:assert/strict";
import { createStaffAccount, type StaffRole, totpCodeAt } from "../../src/modules/staff/index.ts";
import { cookiesOf, type TestApp } from "./app.ts";

export const staffPassword = "correct horse battery staple";

/** A browser's cookie jar, just enough for inject(): later Set-Cookie headers win. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  /** Each jar is another browser on another address, so per-IP rate limits apply per jar. */
  readonly ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

  take(setCookie: string | string[] | number | undefined): void {
    for (const pair of cookiesOf(setCookie).split("; ").filter(Boolean)) {
      const [name = "", ...value] = pair.split("=");
      const joined = value.join("=");
      if (joined === "") this.#cookies.delete(name);
      else this.#cookies.set(name, joined);
    }
  }

  get header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(match?.[1], "the page carries a CSRF token");
  return match[1];
}

/** GET a page, then POST a form from it as a browser would (its token, its cookies). */
export async function submitForm(
  t: TestApp,
  jar: CookieJar,
  pageUrl: string,
  action: string,
  /** A list is sent as one field per value, as ticked checkboxes are. */
  fields: Record<string, string | string[]>,
) {
  const page = await t.app.inject({
    method: "GET",
    url: pageUrl,
    remoteAddress: jar.ip,
    headers: { cookie: jar.header },
  });
  jar.take(page.headers["set-cookie"]);
  const body = new URLSearchParams({ _csrf: csrfFrom(page.body) });
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  const response = await t.app.inject({
    method: "POST",
    url: action,
    remoteAddress: jar.ip,
    headers: { cookie: jar.header, "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  });
  jar.take(response.headers["set-cookie"]);
  return response;
}

export interface SignedIn {
  jar: CookieJar;
  staffId: string;
  email: string;
  totpSecret: string;
}

/** A staff member set up through the real pages: setup link, password, second factor. */
export async function setUpStaff(
  t: TestApp,
  role: StaffRole,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@wits.be`,
): Promise<SignedIn> {
  const { staffId, setupToken } = await createStaffAccount(
    { db: t.database.db, clock: t.clock },
    { email, displayName: `Test ${role}`, role },
  );
  const jar = new CookieJar();
  const setup = `/admin/setup/${setupToken}`;
  const saved = await submitForm(t, jar, setup, setup, {
    password: staffPassword,
    repeat: staffPassword,
  });
  assert.equal(saved.headers.location, "/admin/enrol", saved.body);
  const enrolPage = await t.app.inject({ url: "/admin/enrol", headers: { cookie: jar.header } });
  const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(enrolPage.body)?.[1]?.replaceAll(" ", "");
  assert.ok(secret, "the enrolment page shows the key for manual entry");
  const enrolled = await submitForm(t, jar, "/admin/enrol", "/admin/enrol", {
    code: totpCodeAt(secret, t.clock.now()),
  });
  assert.equal(enrolled.statusCode, 200, enrolled.body);
  return { jar, staffId, email, totpSecret: secret };
}

/**
 * Signs in an existing staff member through the login and code pages. Each TOTP step is
 * accepted once, so the clock moves to the next step first, as a person would wait for a new code.
 */
export async function signIn(t: TestApp, who: SignedIn): Promise<CookieJar> {
  t.clock.advance(30_000);
  const jar = new CookieJar();
  const login = await submitForm(t, jar, "/admin/login", "/admin/login", {
    email: who.email,
    password: staffPassword,
  });
  assert.equal(login.headers.location, "/admin/login/code?next=%2Fadmin", login.body);
  const code = await submitForm(t, jar, "/admin/login/code?next=%2Fadmin", "/admin/login/code", {
    code: totpCodeAt(who.totpSecret, t.clock.now()),
  });
  assert.equal(code.headers.location, "/admin", code.body);
  return jar;
}
