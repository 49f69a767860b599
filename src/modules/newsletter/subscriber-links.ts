import { timingSafeEqual } from "node:crypto";
import type { Vault } from "../../vault/index.ts";

const label = "newsletter_subscriber_link";

/**
 * The signature in a subscriber's preference and unsubscribe links: no login, and no way to
 * guess another reader's link. It never expires: an old newsletter's unsubscribe link must work.
 */
export function subscriberSignature(vault: Vault, subscriberId: string): string {
  return vault.keyedHash(label, subscriberId);
}

export function verifySubscriberSignature(
  vault: Vault,
  subscriberId: string,
  signature: string,
): boolean {
  const expected = Buffer.from(subscriberSignature(vault, subscriberId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface SubscriberLinks {
  preferences: string;
  unsubscribe: string;
}

export function subscriberLinks(
  vault: Vault,
  publicUrl: string,
  subscriberId: string,
): SubscriberLinks {
  const sig = encodeURIComponent(subscriberSignature(vault, subscriberId));
  return {
    preferences: new URL(
      `/newsletter/preferences/${subscriberId}?sig=${sig}`,
      publicUrl,
    ).toString(),
    unsubscribe: new URL(
      `/newsletter/unsubscribe/${subscriberId}?sig=${sig}`,
      publicUrl,
    ).toString(),
  };
}
