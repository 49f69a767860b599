/**
 * A Belgian VAT number that passes the offline check (BE + an enterprise number whose last two
 * digits are 97 minus the first eight modulo 97), made from eight digits starting with 0. The
 * demo computes its numbers instead of copying real ones off a letterhead.
 */
export function belgianVatNumber(firstEight: string): string {
  if (!/^0\d{7}$/.test(firstEight)) throw new Error("eight digits starting with 0, e.g. 04123456");
  const check = 97 - (Number(firstEight) % 97);
  return `BE${firstEight}${String(check).padStart(2, "0")}`;
}
