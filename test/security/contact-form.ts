import assert from "node:assert/strict";
import type { TestApp } from "../helpers/app.ts";
import { multipart, type Part } from "../helpers/multipart.ts";
import { CookieJar, csrfFrom } from "../helpers/staff.ts";

/**
 * Opens /contact as a browser, waits like a person, sends the form; returns the reference and
 * what the intake removed from the message (the sent page's `removed`, e.g. national_number).
 */
export async function sendContactForm(
  t: TestApp,
  fields: Record<string, string>,
  files: Part[] = [],
): Promise<{ reference: string; removed: string | null }> {
  const jar = new CookieJar();
  const page = await t.app.inject({ url: "/contact", remoteAddress: jar.ip });
  assert.equal(page.statusCode, 200);
  jar.take(page.headers["set-cookie"]);
  const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
  t.clock.advance(5_000);
  const body = multipart([
    { name: "_csrf", value: csrfFrom(page.body) },
    { name: "rendered", value: rendered },
    { name: "website", value: "" },
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...files,
  ]);
  const response = await t.app.inject({
    method: "POST",
    url: "/contact",
    remoteAddress: jar.ip,
    headers: { ...body.headers, "accept-language": "nl", cookie: jar.header },
    payload: body.payload,
  });
  assert.equal(response.statusCode, 303, response.body);
  const sent = new URL(String(response.headers.location), "http://x");
  const reference = sent.searchParams.get("ref");
  assert.match(reference ?? "", /^C-[2-9A-Z]{6}$/, sent.href);
  return { reference: reference ?? "", removed: sent.searchParams.get("removed") };
}
