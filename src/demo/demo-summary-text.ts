import type { DemoSummary } from "./seed-demo.ts";

/** What the summary names, in the back office's order: the tally's key, one, several. */
const tallyWords: readonly [key: string, one: string, several: string][] = [
  ["customers", "customer", "customers"],
  ["agreements", "agreement", "agreements"],
  ["dossier items", "dossier item", "dossier items"],
  ["support tickets", "support ticket", "support tickets"],
  ["support sessions", "support session", "support sessions"],
  ["orders", "order", "orders"],
  ["invoices", "invoice", "invoices"],
  ["contact requests", "contact request", "contact requests"],
  ["held in quarantine", "message held in quarantine", "messages held in quarantine"],
  ["newsletter subscribers", "newsletter reader", "newsletter readers"],
  ["unsubscribed", "of them unsubscribed", "of them unsubscribed"],
  ["rights requests", "rights request", "rights requests"],
  ["disclosures", "disclosure", "disclosures"],
  ["breach reports", "misuse report", "misuse reports"],
  ["legal holds", "legal hold", "legal holds"],
  ["cookie choices", "cookie choice", "cookie choices"],
];

/**
 * What the newcomer reads when the seed is done: what exists, which policy, and what to do next.
 * `policyNote` names the policy file (the default one is the demo policy).
 */
export function demoSummaryText(
  summary: DemoSummary,
  options: { publicUrl: string; policyNote: string },
): string {
  const made = tallyWords
    .flatMap(([key, one, several]) => {
      const n = summary.tally[key] ?? 0;
      return n === 0 ? [] : [`${n} ${n === 1 ? one : several}`];
    })
    .join(", ");
  const admin = new URL("/admin", options.publicUrl).toString();
  return [
    "",
    `Demo ready: a year of made-up customers and requests, from ${summary.since} to today.`,
    `  Made: ${made}.`,
    ...summary.consentIds
      .slice(0, 1)
      .map((id) => `  A cookie consent id to look up at /admin/consent: ${id}`),
    `  Policy: ${options.policyNote}`,
    "  Every demo e-mail address ends in .example, so no mail can reach a real person.",
    "",
    "Next:",
    "  1. Start the server:  npm start",
    "  2. Open this one-time link (valid 72 hours), choose a password and scan the QR code:",
    `     ${summary.setupLink}`,
    `  3. Later sign-ins: ${admin} as ${summary.adminEmail}`,
    `  4. Visitors' side: ${new URL("/", options.publicUrl)} (contact, newsletter, privacy statement, rights request)`,
    "",
  ].join("\n");
}
