/**
 * The PDF uses the standard Helvetica font, which every reader has and which needs no font file
 * shipped or embedded; it covers Windows-1252 only. Other characters are spelled without their
 * accents where Unicode allows it (ő → o) and shown as ? otherwise; the HTML report and the ZIP
 * keep every value exactly.
 */
const windows1252Extras = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a,
  0x20ac, 0x2122,
]);

function encodable(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    (codePoint >= 0xa0 && codePoint <= 0xff) ||
    windows1252Extras.has(codePoint)
  );
}

function encodableText(text: string): boolean {
  for (const character of text) {
    if (!encodable(character.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

export function pdfSafeText(text: string): string {
  return toWindows1252(text).text;
}

/** Whether the text loses a character in the PDF (line breaks and tabs do not count). */
export function needsSubstitution(text: string): boolean {
  return toWindows1252(text).substituted;
}

function toWindows1252(text: string): { text: string; substituted: boolean } {
  let safe = "";
  let substituted = false;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (encodable(codePoint)) {
      safe += character;
    } else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
      safe += " ";
    } else {
      const bare = character.normalize("NFKD").replace(/\p{M}/gu, "");
      safe += bare.length > 0 && encodableText(bare) ? bare : "?";
      substituted = true;
    }
  }
  return { text: safe, substituted };
}
