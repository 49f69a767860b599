import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: the visitor may read it out over the phone. */
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A short reference such as C-7K3Q9X: 31^6 ≈ 887 million, unique by a database constraint. */
export function newContactReference(): string {
  let code = "";
  for (let i = 0; i < 6; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `C-${code}`;
}
