import { randomBytes } from "node:crypto";

const letters = (n: number) =>
  Array.from(randomBytes(n), (byte) => String.fromCharCode(97 + (byte % 26))).join("");

/** A person nobody else has: if these strings turn up anywhere, something leaked them. */
export function canaryPerson() {
  const first = `Zoë${letters(8)}`;
  const last = `Quibble${letters(8)}`;
  return { email: `canary.${letters(10)}@Example.BE`, name: `${first} ${last}`, first, last };
}
export type CanaryPerson = ReturnType<typeof canaryPerson>;

/** Plaintext forms that must not appear: as typed, lower-cased, normalised, each name part. */
export function needles(person: CanaryPerson): string[] {
  const forms = [person.email, person.name, person.first, person.last];
  const all = forms.flatMap((form) => [
    form,
    form.toLowerCase(),
    form.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(),
  ]);
  return [...new Set(all)];
}

/**
 * The byte patterns a text leaves wherever it is written: UTF-8, UTF-16LE (a Windows tool, a JS
 * heap), hex (bytea in a dump) and base64 at each of its three alignments (a MIME part, a JSON
 * blob), the unaligned edges cut off so the pattern matches inside a longer encoding.
 */
export function encodedForms(text: string): Buffer[] {
  const utf8 = Buffer.from(text, "utf8");
  const forms = [utf8, Buffer.from(text, "utf16le"), Buffer.from(utf8.toString("hex"))];
  for (const pad of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(pad), utf8]).toString("base64");
    const whole = Math.floor((pad + utf8.length) / 3) * 4;
    const middle = encoded.slice(pad === 0 ? 0 : 4, whole);
    // Too short a middle would match by chance: the canaries are long enough not to get here.
    if (middle.length >= 12) forms.push(Buffer.from(middle));
  }
  return forms;
}
