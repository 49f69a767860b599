import { createHash } from "node:crypto";
import type { Policy } from "../../policy/index.ts";

/**
 * The version of the cookie inventory a choice was made under: a short hash of what the visitor
 * agrees to (each cookie's name, provider, category and party). A new cookie or one moved to
 * another category changes it, and the banner asks again; a reworded purpose does not.
 */
export function inventoryVersion(policy: Pick<Policy, "cookies">): string {
  const inventory = policy.cookies
    .map((cookie) => [cookie.name, cookie.provider, cookie.category, cookie.party].join("\u0000"))
    .sort()
    .join("\n");
  return createHash("sha256").update(inventory).digest("hex").slice(0, 12);
}

/** The optional categories the banner offers a switch for, in the policy's order. */
export function optionalCategories(policy: Pick<Policy, "cookies">): string[] {
  return [...new Set(policy.cookies.map((cookie) => cookie.category))].filter(
    (category) => category !== "necessary",
  );
}
