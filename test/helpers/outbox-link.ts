import assert from "node:assert/strict";
import type { RunningServer } from "../../src/main.ts";
import { mailsOf } from "./outbox.ts";

/**
 * The link in the newest mail of one purpose to one address, as the person would click it. The
 * outbox keeps every mail when no SMTP server is set, so the test reads what would have been sent.
 */
export async function mailedLink(
  server: RunningServer,
  mail: { to: string; purpose: string; path: string },
): Promise<string> {
  const row = (await mailsOf(server, mail.purpose, mail.to)).at(-1);
  assert.ok(row, `a ${mail.purpose} mail to ${mail.to}`);
  const link = new RegExp(`https?://\\S+${mail.path}\\S*`).exec(row.textBody)?.[0];
  assert.ok(link, `a ${mail.path} link in the ${mail.purpose} mail`);
  // The mail names the public URL; the browser talks to the test server on its own port.
  const url = new URL(link);
  return `${server.url}${url.pathname}${url.search}`;
}
