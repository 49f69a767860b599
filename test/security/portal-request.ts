import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { TestApp } from "../helpers/app.ts";
import { mailsOf } from "../helpers/outbox.ts";
import { CookieJar, csrfFrom } from "../helpers/staff.ts";

export interface PortalRequest {
  id: string;
  email: string;
  subjectId: string;
  /** The status page as the confirmation redirects to it: `/privacy/request/<id>?token=…`. */
  statusPath: string;
  token: string;
}

const form = { "content-type": "application/x-www-form-urlencoded" };

/**
 * A rights request made as a person makes one: the form, the mailed link, its button. With
 * "access" among the rights it waits for an ID copy (the default policy asks one for access).
 */
export async function confirmedPortalRequest(
  t: TestApp,
  fields: Record<string, string | string[]>,
  email = `persoon-${randomBytes(5).toString("hex")}@voorbeeld.be`,
): Promise<PortalRequest> {
  const jar = new CookieJar();
  const page = await t.app.inject({ url: "/privacy/request", remoteAddress: jar.ip });
  jar.take(page.headers["set-cookie"]);
  const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  t.clock.advance(5_000);
  const body = new URLSearchParams({ _csrf: csrfFrom(page.body), rendered, website: "", email });
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  const sent = await t.app.inject({
    method: "POST",
    url: "/privacy/request",
    remoteAddress: jar.ip,
    headers: { ...form, cookie: jar.header },
    payload: body.toString(),
  });
  assert.equal(sent.statusCode, 303, sent.body);
  const [mail] = await mailsOf(t, "rights.confirm", email);
  const confirmToken = /\/privacy\/request\/confirm\?token=([\w-]{43})/.exec(
    mail?.textBody ?? "",
  )?.[1];
  assert.ok(confirmToken, "the mail carries a confirmation link");
  const confirmPage = await t.app.inject({
    url: `/privacy/request/confirm?token=${confirmToken}`,
    remoteAddress: jar.ip,
    headers: { cookie: jar.header },
  });
  jar.take(confirmPage.headers["set-cookie"]);
  const confirmed = await t.app.inject({
    method: "POST",
    url: "/privacy/request/confirm",
    remoteAddress: jar.ip,
    headers: { ...form, cookie: jar.header },
    payload: new URLSearchParams({
      _csrf: csrfFrom(confirmPage.body),
      token: confirmToken,
    }).toString(),
  });
  assert.equal(confirmed.statusCode, 303, confirmed.body);
  const statusPath = String(confirmed.headers.location);
  const match = /^\/privacy\/request\/([0-9a-f-]{36})\?token=([\w-]{43})$/.exec(statusPath);
  assert.ok(match?.[1] && match[2], statusPath);
  const subjectId = await t.vault.findSubject(t.database.db, { email });
  assert.ok(subjectId, "the request is filed under the address's subject");
  return { id: match[1], email, subjectId, statusPath, token: match[2] };
}
