import { randomBytes } from "node:crypto";
import type { Vault } from "../../vault/index.ts";

const tokenLabel = "export-download";
/** 32 random bytes in base64url, as `newDownloadToken` makes them. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The secret of a download link: whoever holds it can download the package, nobody else. */
export function newDownloadToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isDownloadToken(value: unknown): value is string {
  return typeof value === "string" && tokenPattern.test(value);
}

/**
 * Only this keyed hash is stored. A lookup by it compares the token in constant time in effect:
 * what the index search may leak is about the hash, which tells nothing about a token without
 * the vault's key; and a copy of the database holds no working link.
 */
export function downloadTokenHash(vault: Vault, token: string): string {
  return vault.keyedHash(tokenLabel, token);
}
