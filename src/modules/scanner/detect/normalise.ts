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

/** Folded forms of single UTF-16 units, by code: no one-character string to look them up. */
const unitCache = new Map<number, string>();

function foldUnit(original: string, index: number, code: number): string {
  const cached = unitCache.get(code);
  if (cached !== undefined) return cached;
  const folded = foldCharacter(original.slice(index, index + 1));
  if (unitCache.size < 4096) unitCache.set(code, folded);
  return folded;
}

/**
 * Scratch code units and offsets, reused by every call: a contact form message allocated both
 * arrays on each scan. The folded string and the returned offsets are copies, never views.
 */
let units = new Uint16Array(4096);
let offsets = new Uint32Array(4096);

/** Room for `needed` entries in the scratch arrays, keeping the first `used`. */
function reserve(needed: number, used: number): void {
  if (needed <= units.length) return;
  const size = Math.max(needed, units.length * 2);
  const grownUnits = new Uint16Array(size);
  grownUnits.set(units.subarray(0, used));
  units = grownUnits;
  const grownOffsets = new Uint32Array(size);
  grownOffsets.set(offsets.subarray(0, used));
  offsets = grownOffsets;
}

export function normaliseText(original: string): NormalisedText {
  if (ascii.test(original)) return { original, folded: original.toLowerCase(), toOriginal: null };
  // Code units and offsets go into typed arrays, decoded once: a string per character was the
  // cost of the whole scan on French text, where accents cut every ASCII run short.
  reserve(original.length + 16, 0);
  let out = 0;
  let index = 0;
  while (index < original.length) {
    const code = original.charCodeAt(index);
    if (code < 128) {
      units[out] = code >= 65 && code <= 90 ? code + 32 : code;
      offsets[out++] = index;
      index += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < original.length ? 2 : 1;
    const folded =
      width === 1
        ? foldUnit(original, index, code)
        : foldCharacter(original.slice(index, index + width));
    // A compatibility form can fold to several units (ﬁ → fi): grow before writing them.
    reserve(out + folded.length + (original.length - index) + 1, out);
    for (let unit = 0; unit < folded.length; unit += 1) {
      units[out] = folded.charCodeAt(unit);
      offsets[out++] = index;
    }
    index += width;
  }
  offsets[out] = original.length;
  replaceLoneSurrogates(out);
  const folded = decodeUnits(out);
  return { original, folded, toOriginal: offsets.slice(0, out + 1) };
}

/**
 * A surrogate without its partner becomes U+FFFD, as a UTF-16 decoder makes it: the folded
 * text stays well formed and keeps its length, so offsets still line up.
 */
function replaceLoneSurrogates(length: number): void {
  for (let at = 0; at < length; at += 1) {
    const unit = units[at] ?? 0;
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = units[at + 1] ?? 0;
    if (unit <= 0xdbff && at + 1 < length && next >= 0xdc00 && next <= 0xdfff) at += 1;
    else units[at] = 0xfffd;
  }
}

/** Chunks stay well below the engine's limit on call arguments. */
const decodeChunk = 8192;

/** The first `length` scratch units as a string. */
function decodeUnits(length: number): string {
  let folded = "";
  for (let from = 0; from < length; from += decodeChunk) {
    const chunk = units.subarray(from, Math.min(length, from + decodeChunk));
    folded += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return folded;
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
