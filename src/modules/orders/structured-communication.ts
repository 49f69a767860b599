/**
 * A Belgian structured communication ("gestructureerde mededeling"): 10 digits and 2 check
 * digits, the remainder of the 10 modulo 97 (97 when it is 0), written +++123/4567/89012+++.
 * Banks check it, so a payment finds its invoice.
 */
export function structuredCommunication(base: number): string {
  if (!Number.isInteger(base) || base < 0 || base > 9_999_999_999) {
    throw new Error("a structured communication holds a number of at most 10 digits");
  }
  const digits = String(base).padStart(10, "0");
  const check = base % 97 || 97;
  const all = `${digits}${String(check).padStart(2, "0")}`;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

/** True for a well-formed communication whose check digits match. */
export function isStructuredCommunication(text: string): boolean {
  const match = /^\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+$/.exec(text);
  if (!match) return false;
  const all = match.slice(1).join("");
  const base = Number(all.slice(0, 10));
  return (base % 97 || 97) === Number(all.slice(10));
}

/** Credit notes get communications of their own range, far from any year's invoices. */
const creditNoteOffset = 900_000;

/**
 * An issued document's communication from its year and sequence: invoice 2026-000123 →
 * 2026000123, credit note CN-2026-000004 → 2026900004.
 */
export function invoiceCommunication(
  kind: "invoice" | "credit_note",
  year: number,
  sequence: number,
): string {
  const offset = kind === "credit_note" ? creditNoteOffset : 0;
  return structuredCommunication(year * 1_000_000 + offset + sequence);
}
