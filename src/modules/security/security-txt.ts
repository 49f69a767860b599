import type { Policy } from "../../policy/index.ts";

/**
 * /.well-known/security.txt (RFC 9116) from the policy: where to report, until when the file
 * holds, in which languages, and where the human-readable page is. Expires is the end of the
 * policy's day; `policy check` warns before it passes.
 */
export function securityTxt(policy: Pick<Policy, "security">, publicUrl: string): string {
  const page = new URL("/security", publicUrl).toString();
  return [
    `Contact: mailto:${policy.security.contactEmail}`,
    `Contact: ${page}`,
    `Expires: ${policy.security.expires}T23:59:59.000Z`,
    "Preferred-Languages: nl, en, fr",
    `Canonical: ${new URL("/.well-known/security.txt", publicUrl).toString()}`,
    `Policy: ${page}`,
    "",
  ].join("\n");
}
