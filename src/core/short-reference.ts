import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a visitor or customer may read it out over the phone. */
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A short reference such as C-7K3Q9X (a contact request) or K-4M8T2Z (a customer): 31^6 ≈ 887
 * million, unique by the owning table's constraint. Not a secret.
 */
export function newShortReference(prefix: string): string {
  let code = "";
  for (let i = 0; i < 6; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `${prefix}-${code}`;
}
