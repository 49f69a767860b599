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
  /** The page with one button, linked in every newsletter's text. */
  unsubscribe: string;
  /**
   * The `List-Unsubscribe` header's URL (RFC 8058): mail providers POST to it from their own
   * servers, without cookies or a form token, so it is an API route.
   */
  oneClick: string;
}

export function subscriberLinks(
  vault: Vault,
  publicUrl: string,
  subscriberId: string,
): SubscriberLinks {
  const sig = encodeURIComponent(subscriberSignature(vault, subscriberId));
  const link = (path: string) =>
    new URL(`${path}/${subscriberId}?sig=${sig}`, publicUrl).toString();
  return {
    preferences: link("/newsletter/preferences"),
    unsubscribe: link("/newsletter/unsubscribe"),
    oneClick: link("/api/newsletter/unsubscribe"),
  };
}
