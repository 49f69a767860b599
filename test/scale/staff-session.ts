import { systemClock } from "../../src/core/clock.ts";
import type { Db } from "../../src/core/db/database.ts";
import { createStaffAccount, totpCodeAt } from "../../src/modules/staff/index.ts";

const password = "correct horse battery staple";

/** A signed-in browser: its cookies and a CSRF token that goes with them. */
export interface StaffSession {
  cookie: string;
  csrf: string;
}

/**
 * A billing clerk set up through the real pages of one process (setup link, password, second
 * factor), as a person would: the session it ends with lives in the database, so every process
 * behind the load balancer accepts it, provided they share COOKIE_SECRET.
 */
export async function signInStaff(db: Db, baseUrl: string): Promise<StaffSession> {
  const { setupToken } = await createStaffAccount(
    { db, clock: systemClock },
    { email: `billing-${Date.now()}@wits.example.be`, displayName: "Facturatie", role: "billing" },
  );
  const browser = cookieBrowser(baseUrl);
  const setup = `/admin/setup/${setupToken}`;
  const setupPage = await browser.get(setup);
  await browser.post(setup, { _csrf: csrfOf(setupPage), password, repeat: password });
  const enrolPage = await browser.get("/admin/enrol");
  const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(enrolPage)?.[1]?.replaceAll(" ", "");
  if (!secret) throw new Error("the enrolment page shows no key for manual entry");
  const code = totpCodeAt(secret, systemClock.now());
  const enrolled = await browser.post("/admin/enrol", { _csrf: csrfOf(enrolPage), code });
  if (enrolled.status !== 200) throw new Error(`enrolment refused (${enrolled.status})`);
  // The recovery codes page has no form; the dashboard's sign-out form carries a token.
  return { cookie: browser.cookie(), csrf: csrfOf(await browser.get("/admin")) };
}

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("the page carries no CSRF token");
  return token;
}

/** Just enough of a browser for these pages: a cookie jar, forms, no redirects followed. */
function cookieBrowser(baseUrl: string) {
  const cookies = new Map<string, string>();
  const cookie = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      const joined = value.join("=");
      if (joined === "") cookies.delete(name);
      else cookies.set(name, joined);
    }
  };
  return {
    cookie,
    get: async (path: string) => {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { cookie: cookie() },
        redirect: "manual",
      });
      keep(response);
      return response.text();
    },
    post: async (path: string, fields: Record<string, string>) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
        redirect: "manual",
      });
      keep(response);
      return { status: response.status, body: await response.text() };
    },
  };
}
