import { createHash } from "node:crypto";
import type { AuditEntry } from "./audit-entry.ts";

/** The `prevHash` of entry #1: there is nothing before it to cover. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * SHA-256 of the previous hash and every stored field but the hash itself, so changing, removing
 * or reordering any entry breaks every hash after it. Keys are sorted because jsonb does not keep
 * the order in which `details` was written, and the hash must survive that round trip.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, "hash">): string {
  const covered = {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    subjectId: entry.subjectId,
    recordType: entry.recordType,
    recordId: entry.recordId,
    purpose: entry.purpose,
    details: entry.details,
  };
  return createHash("sha256")
    .update(`${entry.prevHash}\n${canonicalJson(covered)}`)
    .digest("hex");
}

/** JSON with object keys sorted at every depth: one value, one text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
