/**
 * The purposes personal data is processed for, one data key each per subject: erasing a subject's
 * newsletter data shreds only that key, so invoices kept 7 years under "orders" stay readable.
 */
export const vaultPurposes = [
  "contact",
  "newsletter",
  "orders",
  "customer_dossier",
  "support",
  "rights",
  "cookie_consent",
] as const;

export type VaultPurpose = (typeof vaultPurposes)[number];

export function isVaultPurpose(value: string): value is VaultPurpose {
  return (vaultPurposes as readonly string[]).includes(value);
}
