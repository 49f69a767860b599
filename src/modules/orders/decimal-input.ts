/**
 * "12,50", "12.5" or 12.5 → 1250 at 2 decimals: amounts arrive as text from forms, CSV files and
 * JSON, and are read digit by digit, never through a float. Undefined when the text is not a
 * plain decimal with at most `decimals` places (or is out of the safe range).
 */
export function parseDecimal(input: unknown, decimals: number): number | undefined {
  const text = typeof input === "number" ? String(input) : typeof input === "string" ? input : "";
  const match = /^\s*(-)?(\d{1,9})(?:[.,](\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, minus, whole = "", fraction = ""] = match;
  if (fraction.length > decimals) return undefined;
  const scaled = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, "0") || "0");
  if (!Number.isSafeInteger(scaled)) return undefined;
  return minus ? -scaled : scaled;
}
