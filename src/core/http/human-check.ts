import type { Clock } from "../clock.ts";

/** A person needs a few seconds to fill in a form; a form older than a day is stale. */
const minimumFillMs = 3_000;
const maximumFillMs = 24 * 60 * 60 * 1000;

export type HumanVerdict = "ok" | "automated" | "expired";

export interface HumanCheck {
  /** The signed render time, for the form's hidden `rendered` field. */
  rendered(): string;
  /** "ok", or why a post does not look like a person filled in the form just now. */
  check(fields: { website?: unknown; rendered?: unknown }): HumanVerdict;
}

/**
 * Spam without a third-party captcha: a honeypot field (`website`) people never see, and a
 * signed render time, so a post that comes too fast or from a form nobody rendered is refused.
 */
export function humanCheck(options: {
  clock: Clock;
  /** A keyed hash (the vault's), so nobody can forge a render time. */
  sign: (value: string) => string;
}): HumanCheck {
  const signRendered = (at: number) => `${at}.${options.sign(String(at))}`;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return {
    rendered: () => signRendered(options.clock.now().getTime()),
    check: (fields) => {
      if (text(fields.website) !== "") return "automated";
      const [at = "", signature = ""] = text(fields.rendered).split(".");
      if (!/^\d{1,15}$/.test(at) || signRendered(Number(at)) !== `${at}.${signature}`) {
        return "automated";
      }
      const age = options.clock.now().getTime() - Number(at);
      if (age < minimumFillMs) return "automated";
      return age > maximumFillMs ? "expired" : "ok";
    },
  };
}
