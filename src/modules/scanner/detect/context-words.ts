import { wordSet } from "./word-set.ts";
/**
 * The words around a hit, read lazily from the folded text: only a hit pays for its context,
 * and never more than one sentence or `reach` characters. Word lists run outward from the hit
 * (nearest first); a clause break (comma, colon, bracket, dash) shows up as `clauseBreak`.
 */
export const clauseBreak = ",";

const reach = 160;

function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 39 ||
    code === 38 ||
    (code >= 0xc0 && code < 0x2000)
  );
}

function endsSentence(code: number): boolean {
  // . ! ? ; and line breaks; a full stop between digits (1.5) or letters (o.a.) does not.
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 10 || code === 13;
}

function breaksClause(code: number): boolean {
  return code === 44 || code === 58 || code === 40 || code === 41 || code === 34 || code === 47;
}

/**
 * Up to `limit` words before `at`, nearest first, within the sentence.
 *
 * One hit asks for the words before the same offset several times (negation, question,
 * context, clause), so the last offset's words are kept: a smaller limit is a prefix of them.
 */
export function wordsBefore(folded: string, at: number, limit: number): string[] {
  if (limit > memoLimit) return readWordsBefore(folded, at, limit, undefined);
  if (memo.folded !== folded || memo.at !== at) {
    memo.joined.length = 0;
    memo.words = readWordsBefore(folded, at, memoLimit, memo.joined);
    memo.folded = folded;
    memo.at = at;
  }
  return memo.words.slice(0, prefixLength(memo.words.length, memo.joined, limit));
}

/** The largest limit a caller asks for before a hit; larger limits skip the memo. */
const memoLimit = 12;

interface WordsMemo {
  folded: string | undefined;
  at: number;
  words: string[];
  /** `joined[i]` is true when words i and i + 1 were read at the same character. */
  joined: boolean[];
}

const memo: WordsMemo = { folded: undefined, at: -1, words: [], joined: [] };

/**
 * How many of the memo's words a read with `limit` returns. The read stops after the character
 * at which it reaches the limit, and one character can add a word and a clause break: then the
 * break comes along, as it did when every call read the text itself.
 */
function prefixLength(length: number, joined: readonly boolean[], limit: number): number {
  if (limit >= length) return length;
  if (limit <= 0) return 0;
  return joined[limit - 1] === true ? limit + 1 : limit;
}

function readWordsBefore(
  folded: string,
  at: number,
  limit: number,
  joined: boolean[] | undefined,
): string[] {
  const words: string[] = [];
  const floor = Math.max(0, at - reach);
  let end = at;
  let index = at - 1;
  while (index >= floor && words.length < limit) {
    const code = folded.charCodeAt(index);
    if (isWordCode(code) || isInnerHyphen(folded, index)) {
      if (end === -1) end = index + 1;
    } else {
      const pushedWord = end !== -1 && end > index + 1;
      if (pushedWord) words.push(tidy(folded.slice(index + 1, end)));
      end = -1;
      if (endsSentence(code) && !isInnerDot(folded, index)) return words;
      if (breaksClause(code) || isSpacedDash(folded, index)) {
        if (pushedWord && joined !== undefined) joined[words.length - 1] = true;
        words.push(clauseBreak);
      }
    }
    index -= 1;
  }
  if (index < floor && end !== -1 && end > floor && words.length < limit) {
    words.push(tidy(folded.slice(floor, end)));
  }
  return words;
}

/** Up to `limit` words from `at` on, in reading order, within the sentence. */
export function wordsAfter(folded: string, at: number, limit: number): string[] {
  const words: string[] = [];
  const ceiling = Math.min(folded.length, at + reach);
  let start = -1;
  for (let index = at; index <= ceiling && words.length < limit; index += 1) {
    const code = index < ceiling ? folded.charCodeAt(index) : 32;
    if (index < ceiling && (isWordCode(code) || isInnerHyphen(folded, index))) {
      if (start === -1) start = index;
      continue;
    }
    if (start !== -1) words.push(tidy(folded.slice(start, index)));
    start = -1;
    if (index >= ceiling) break;
    if (endsSentence(code) && !isInnerDot(folded, index)) break;
    if (breaksClause(code) || isSpacedDash(folded, index)) words.push(clauseBreak);
  }
  return words;
}

/** Words before `at` up to the first clause break or conjunction, nearest first. */
export function clauseBefore(folded: string, at: number, limit: number): string[] {
  const words = wordsBefore(folded, at, limit);
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    if (word === clauseBreak || conjunctions.has(word) || word.startsWith("qu'")) {
      words.length = index;
      break;
    }
  }
  return words;
}

/** Words that open a new clause: a negation before them does not reach past them. */
const conjunctions: ReadonlySet<string> = wordSet(`
  maar want omdat doordat aangezien sinds toen terwijl dus en door vanwege wegens dat na met
  mais car parce puisque depuis quand lorsque donc et cause que apres avec but because since
  when while although though so and due that after with if whether si
`);

function isInnerHyphen(text: string, index: number): boolean {
  return (
    text.charCodeAt(index) === 45 &&
    isWordCode(text.charCodeAt(index - 1)) &&
    isWordCode(text.charCodeAt(index + 1))
  );
}

function isInnerDot(text: string, index: number): boolean {
  return isWordCode(text.charCodeAt(index - 1)) && isWordCode(text.charCodeAt(index + 1));
}

function isSpacedDash(text: string, index: number): boolean {
  return (
    text.charCodeAt(index) === 45 &&
    text.charCodeAt(index - 1) === 32 &&
    text.charCodeAt(index + 1) === 32
  );
}

/** Quotes around a word are not part of it; 'k and j' keep their apostrophe. */
function tidy(word: string): string {
  let from = 0;
  let to = word.length;
  while (to > from + 1 && word.charCodeAt(to - 1) === 39 && word !== "j'" && word !== "qu'") {
    to -= 1;
  }
  if (word.charCodeAt(0) === 39 && to - from > 2) from = 1;
  return word.slice(from, to);
}
