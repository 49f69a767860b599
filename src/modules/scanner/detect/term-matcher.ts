import AhoCorasick from "modern-ahocorasick";
import { denseTables, scanDense } from "./dense-automaton.ts";
import type { Attachment } from "./lexicon-entry.ts";

/** Called for every occurrence of a pattern: its entry and its folded span [start, end). */
export type VisitHit<T> = (entry: T, start: number, end: number) => void;

export interface TermMatcher<T> {
  forEachHit(text: string, visit: VisitHit<T>): void;
}

/**
 * A pattern and what it stands for. `before`/`after` say whether letters may touch it on that
 * side ("may": compound parts), must ("must": compound heads only) or must not ("none": a whole
 * word). Checked in the scan loop, so a short word inside a longer one ("im" in "time") costs
 * no call.
 */
export interface MatcherEntry<T> {
  pattern: string;
  entry: T;
  before: Attachment;
  after: Attachment;
}

/**
 * One Aho-Corasick automaton for many patterns, built once by modern-ahocorasick.
 *
 * The package's `search()` walks grapheme clusters through `Intl.Segmenter` and allocates a
 * string per character: about 15 MB/s on ASCII and far less once an emoji or a euro sign
 * appears, while the whole scanner must do 20 MB/s. So the scan runs over the automaton the
 * package compiled (its versioned `serialize()` tables: trie edges, failure and output links),
 * turned into a dense transition table over the lexicon's ASCII alphabet: one array read per
 * character. The patterns are folded ASCII, so UTF-16 units and graphemes coincide; any other
 * character resets the automaton, as an unknown grapheme does in the package. Should the table
 * format ever change, `search()` takes over (slower, same hits).
 */
export function compileTermMatcher<T>(
  entries: readonly MatcherEntry<T>[],
  options: { packageSearch?: boolean } = {},
): TermMatcher<T> {
  for (const { pattern } of entries) {
    if (!/^[\x20-\x7e]+$/.test(pattern)) throw new Error(`lexicon pattern not folded: ${pattern}`);
  }
  const matcher = new AhoCorasick(entries.map(({ pattern }, index) => ({ pattern, data: index })));
  const patterns = compilePatterns(entries);
  const tables = options.packageSearch ? undefined : denseTables(matcher.serialize());
  if (tables === undefined) return packageSearch(matcher, patterns);
  return {
    forEachHit(text, visit) {
      scanDense(tables, text, (index, end) => {
        const start = end - (patterns.lengths[index] ?? 0);
        if (fitsWords(patterns, index, text, start, end)) {
          visit(patterns.values[index] as T, start, end);
        }
      });
    },
  };
}

function packageSearch<T>(matcher: AhoCorasick<number>, patterns: Patterns<T>): TermMatcher<T> {
  return {
    forEachHit(text, visit) {
      // Non-ASCII units become a control character of the same length: offsets stay, and the
      // package keeps to its ASCII path instead of segmenting the rest of the text.
      for (const hit of matcher.search(text.replace(/[\u0080-\uffff]/g, "\x1a"))) {
        const index = hit.data ?? 0;
        if (fitsWords(patterns, index, text, hit.start, hit.end)) {
          visit(patterns.values[index] as T, hit.start, hit.end);
        }
      }
    },
  };
}

/** Per pattern: its value, length and what may touch each side (0 any, 1 no letter, 2 a letter). */
interface Patterns<T> {
  values: T[];
  lengths: Uint16Array;
  left: Uint8Array;
  right: Uint8Array;
}

function compilePatterns<T>(entries: readonly MatcherEntry<T>[]): Patterns<T> {
  const side = (rule: Attachment, edge: number) => {
    // A pattern that starts or ends in a space or apostrophe ("cancer du ") has its own edge.
    if (rule === "may" || !isWordCode(edge)) return 0;
    return rule === "none" ? 1 : 2;
  };
  return {
    values: entries.map(({ entry }) => entry),
    lengths: Uint16Array.from(entries, ({ pattern }) => pattern.length),
    left: Uint8Array.from(entries, ({ pattern, before }) => side(before, pattern.charCodeAt(0))),
    right: Uint8Array.from(entries, ({ pattern, after }) =>
      side(after, pattern.charCodeAt(pattern.length - 1)),
    ),
  };
}

function fitsWords<T>(
  patterns: Patterns<T>,
  index: number,
  text: string,
  start: number,
  end: number,
): boolean {
  const left = patterns.left[index] ?? 0;
  if (left !== 0 && isWordCode(text.charCodeAt(start - 1)) !== (left === 2)) return false;
  const right = patterns.right[index] ?? 0;
  return right === 0 || isWordCode(text.charCodeAt(end)) === (right === 2);
}

/** Letters and digits, including accented letters the folding kept (ß, ø); NaN is no letter. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0xc0 && code < 0x2000)
  );
}
