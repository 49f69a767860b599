import { createHash, randomBytes } from "node:crypto";

/**
 * Session cookies and setup links are bearer tokens: 256 random bits, of which only the SHA-256
 * is stored, so a copy of the database holds nothing that signs anyone in.
 */
export function newBearerToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashBearerToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
