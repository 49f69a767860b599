/**
 * The text detectors read: lower case, accents and compatibility forms folded (é → e, ﬁ → fi,
 * full-width digits → ASCII), typographic apostrophes, dashes and spaces made plain. Each folded
 * UTF-16 unit remembers the original unit it came from, so a finding's span maps back to exactly
 * what the person typed.
 */
export interface NormalisedText {
  original: string;
  folded: string;
  /**
   * `toOriginal[i]` is the original offset of folded unit i, with one extra entry for the end;
   * null when folding kept every offset (ASCII text, the common case).
   */
  toOriginal: Uint32Array | null;
}

const plain: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u2032": "'",
  "\u00b4": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u00ab": '"',
  "\u00bb": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u200b": "",
  "\u00ad": "",
};

const combiningMark = /\p{M}/gu;
const foldedCache = new Map<string, string>();

function foldCharacter(char: string): string {
  const cached = foldedCache.get(char);
  if (cached !== undefined) return cached;
  const folded =
    plain[char] ?? char.normalize("NFKD").replace(combiningMark, "").toLowerCase().normalize("NFC");
  if (foldedCache.size < 4096) foldedCache.set(char, folded);
  return folded;
}

const ascii = /^\p{ASCII}*$/u;

const utf16 = new TextDecoder("utf-16le");

export function normaliseText(original: string): NormalisedText {
  if (ascii.test(original)) return { original, folded: original.toLowerCase(), toOriginal: null };
  // Code units and offsets go into typed arrays, decoded once: a string per character was the
  // cost of the whole scan on French text, where accents cut every ASCII run short.
  let units = new Uint16Array(original.length + 16);
  let offsets = new Uint32Array(original.length + 16);
  let out = 0;
  const reserve = (more: number) => {
    if (out + more < units.length) return;
    const size = (units.length + more) * 2;
    const grownUnits = new Uint16Array(size);
    grownUnits.set(units);
    units = grownUnits;
    const grownOffsets = new Uint32Array(size);
    grownOffsets.set(offsets);
    offsets = grownOffsets;
  };
  let index = 0;
  while (index < original.length) {
    const code = original.charCodeAt(index);
    if (code < 128) {
      reserve(1);
      units[out] = code >= 65 && code <= 90 ? code + 32 : code;
      offsets[out++] = index;
      index += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < original.length ? 2 : 1;
    const folded = foldCharacter(original.slice(index, index + width));
    reserve(folded.length);
    for (let unit = 0; unit < folded.length; unit += 1) {
      units[out] = folded.charCodeAt(unit);
      offsets[out++] = index;
    }
    index += width;
  }
  offsets[out] = original.length;
  const folded = utf16.decode(units.subarray(0, out));
  return { original, folded, toOriginal: offsets.subarray(0, out + 1) };
}

/** The original span of folded offsets [start, end). */
export function originalSpan(text: NormalisedText, start: number, end: number) {
  if (text.toOriginal === null) return { start, end };
  const from = text.toOriginal[start] ?? text.original.length;
  // The end is the original position just after the last folded unit's source character.
  const last = end > start ? (text.toOriginal[end - 1] ?? from) : from;
  const lastWidth = end > start ? characterWidth(text.original, last) : 0;
  if (end <= start) return { start: from, end: from };
  // Combining accents typed apart (NFD text from a Mac) fold to nothing: they belong to the span.
  let after = last + lastWidth;
  while (after < text.original.length && isMark(text.original[after] ?? "")) after += 1;
  return { start: from, end: after };
}

const mark = /\p{M}/u;
function isMark(character: string): boolean {
  return character.charCodeAt(0) >= 0x300 && mark.test(character);
}

function characterWidth(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}
