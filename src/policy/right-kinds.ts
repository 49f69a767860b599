/**
 * The rights a person can exercise through a request (GDPR Art. 15–21 and 7(3)), as the
 * statement lists them. Portability covers both "to yourself" and "to an organisation you name".
 */
export const rightKinds = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "withdraw_consent",
  "portability",
] as const;

export type RightKind = (typeof rightKinds)[number];
