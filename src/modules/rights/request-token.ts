import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Vault } from "../../vault/index.ts";

/** 32 random bytes, or a SHA-256 HMAC, in base64url. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The secret of a confirmation link: single use, only its keyed hash is stored. */
export function newConfirmToken(): string {
  return randomBytes(32).toString("base64url");
}

export function confirmTokenHash(vault: Vault, token: string): string {
  return vault.keyedHash("rights-request-confirm", token);
}

/**
 * The status link's token is a signature of the request id: every later mail (extension,
 * answer) can carry the same link without any secret being stored, and a forged or edited link
 * matches nothing. Keyed apart from the confirmation hash, so one cannot stand in for the other.
 */
export function statusToken(vault: Vault, requestId: string): string {
  return vault.keyedHash("rights-request-status", requestId);
}

export function isStatusTokenFor(vault: Vault, requestId: string, token: unknown): boolean {
  if (typeof token !== "string" || !tokenPattern.test(token)) return false;
  const expected = Buffer.from(statusToken(vault, requestId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function isConfirmToken(value: unknown): value is string {
  return typeof value === "string" && tokenPattern.test(value);
}

/** The person's status page, for mails and the confirmation page. */
export function statusUrl(publicUrl: string, vault: Vault, requestId: string): string {
  const base = publicUrl.replace(/\/+$/, "");
  return `${base}/privacy/request/${requestId}?token=${statusToken(vault, requestId)}`;
}
