import { type CredentialKind, notASecret, productNames } from "./credential-words.ts";
import { originalText } from "./identifier-finding.ts";
import type { NormalisedText } from "./normalise.ts";

/** Where the secret itself sits in the folded text; quotes stay outside. */
export interface ValueSpan {
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * How the value was introduced: `:`/`=` straight after the word says most, a verb ("is", "est")
 * a little less, a bare value after the word least.
 */
export type Introduction =
  | "assign"
  | "verb"
  | "gap-assign"
  | "gap-verb"
  | "qualified"
  | "qualified-verb"
  | "bare";

const quotes = "\"'`";
const longestValue = 64;

export function readValue(text: string, from: number): ValueSpan | undefined {
  const first = text[from];
  if (first === undefined) return undefined;
  if (quotes.includes(first)) {
    const quoted = readQuoted(text, from, first);
    if (quoted !== undefined) return quoted;
  }
  return readToken(text, from);
}

function readQuoted(text: string, from: number, quote: string): ValueSpan | undefined {
  const close = text.indexOf(quote, from + 1);
  if (close <= from + 1 || close - from - 1 > longestValue) return undefined;
  const inside = text.slice(from + 1, close);
  if (inside.includes("\n")) return undefined;
  // French guillemets come with spaces inside: « Soleil 2024 ».
  const start = from + 1 + (inside.length - inside.trimStart().length);
  const end = close - (inside.length - inside.trimEnd().length);
  if (end <= start) return undefined;
  return { start, end, quoted: true };
}

const whitespace = /\s/;
/** Sentence punctuation after a value is the writer's, not the password's; `!` is kept. */
const trailing = ".,;:?)]}>\"'`";
const leading = "([<\"'`";

function readToken(text: string, from: number): ValueSpan | undefined {
  let end = from;
  while (end < text.length && !whitespace.test(text[end] ?? " ")) end += 1;
  if (end - from > longestValue) return undefined;
  let start = from;
  while (start < end && leading.includes(text[start] ?? "")) start += 1;
  while (end > start && trailing.includes(text[end - 1] ?? "")) end -= 1;
  if (end <= start) return undefined;
  return { start, end, quoted: false };
}

const pinValue = /^\d{4,8}$/;
const yearLike = /^(?:19|20)\d\d$/;
const dateLike = /^\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?$/;
const emailLike = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
const urlLike = /^(?:https?:|www\.)/;
const masked = /^[*x•.?#-]+$/;

/**
 * Whether the value at `span` is a secret given with the word, judged by how it was
 * introduced. The original text (for case) and the text after the value are read only when the
 * cheap checks leave the question open: most words after "wachtwoord" are in the list.
 */
export function isSecretValue(
  kind: CredentialKind,
  introduction: Introduction,
  text: NormalisedText,
  span: ValueSpan,
): boolean {
  const folded = text.folded.slice(span.start, span.end);
  if (kind === "pin") return pinValue.test(folded);
  if (folded.length < 3 || notASecret.has(folded) || masked.test(folded)) return false;
  if (emailLike.test(folded) || urlLike.test(folded)) return false;
  if (introduction === "bare" && !isBareSecret(folded)) return false;
  if (span.quoted || looksLikePassword(folded, text, span)) return true;
  // "wachtwoord: zonnebloem" gives a password; "Wachtwoord: probleem met inloggen" is a subject.
  const afterValue = span.end + (span.quoted ? 1 : 0);
  return (
    (introduction === "assign" || introduction === "gap-assign") &&
    standsAlone(text.folded, afterValue)
  );
}

const sentenceGoesOn = /^[ \t]*[\p{L}\p{N}]/u;
const listWord =
  /^[ \t]+(?:en|et|and|of|ou|or|maar|mais|but|graag|merci|thanks|bedankt|svp|aub|please)\b/;

/** Nothing but punctuation, a line end or a word like "en" follows the value. */
function standsAlone(text: string, end: number): boolean {
  const rest = text.slice(end, end + 16);
  return !sentenceGoesOn.test(rest) || listWord.test(rest);
}

function isBareSecret(value: string): boolean {
  return value.length >= 4 && !yearLike.test(value) && !dateLike.test(value);
}

const digit = /\d/;
/** Anything but letters, digits and the apostrophe and hyphen inside ordinary words. */
const symbol = /[^\p{L}\p{N}'-]/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;

/** A digit, a symbol or a capital inside the word: not a word from the dictionary. */
function looksLikePassword(value: string, text: NormalisedText, span: ValueSpan): boolean {
  if (digit.test(value) || symbol.test(value)) return true;
  return !productNames.has(value) && isMixedCase(originalText(text, span.start, span.end));
}

function isMixedCase(written: string): boolean {
  return lower.test(written) && upper.test(written.slice(1));
}
