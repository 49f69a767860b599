import { hash, verify } from "@node-rs/argon2";

/** OWASP's argon2id baseline (19 MiB, 2 passes): slow for an attacker, fine for a login. */
// 2 is Algorithm.Argon2id: a const enum, which isolated modules cannot read.
const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing in particular, verified when the account does not exist, so a login for an
 * unknown address takes as long as one for a known address.
 */
let decoyHash: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword("decoy password that matches nothing");
  await verifyPassword(await decoyHash, password);
  return false;
}

/** Length over composition rules (NIST SP 800-63B); the account's own e-mail is refused. */
export function passwordProblem(
  password: string,
  email: string,
): "too_short" | "too_long" | "contains_email" | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return "too_short";
  if (password.length > 256) return "too_long";
  const local = email.split("@")[0] ?? "";
  if (local.length >= 4 && password.toLowerCase().includes(local.toLowerCase())) {
    return "contains_email";
  }
  return undefined;
}
