/**
 * Helpers the number detectors share. They all read `text.folded`, where digits are ASCII and
 * separators plain, and they all must refuse a number that is only a slice of a longer one.
 */

const zero = 48;
const nine = 57;

export function isDigitCode(code: number): boolean {
  return code >= zero && code <= nine;
}

/** Letters and digits of any script: what glues a candidate to a longer token. */
const wordCharacter = /[\p{L}\p{N}]/u;

export function isWordCharacterAt(text: string, index: number): boolean {
  const char = text[index];
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128)
    return isDigitCode(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return wordCharacter.test(char);
}

export function digitsOnly(value: string): string {
  let digits = "";
  for (let index = 0; index < value.length; index += 1) {
    if (isDigitCode(value.charCodeAt(index))) digits += value[index];
  }
  return digits;
}

/** Remainder of a decimal string of any length, so 12-digit card numbers stay exact. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let index = 0; index < digits.length; index += 1) {
    remainder = (remainder * 10 + digits.charCodeAt(index) - zero) % 97;
  }
  return remainder;
}

/** Digit groups joined by single separators: every number candidate lies inside one. */
export interface DigitRun {
  start: number;
  text: string;
}

const digitRun = /\d+(?:[ ./-]\d+)*/g;

/**
 * The runs with at least `minimumDigits` digits. One scan of the text serves the national
 * number, eID and card detectors; prose has many short numbers and few long ones.
 */
export function digitRuns(folded: string, minimumDigits = 11): DigitRun[] {
  const runs: DigitRun[] = [];
  digitRun.lastIndex = 0;
  for (let match = digitRun.exec(folded); match !== null; match = digitRun.exec(folded)) {
    if (match[0].length >= minimumDigits && countDigits(match[0]) >= minimumDigits) {
      runs.push({ start: match.index, text: match[0] });
    }
  }
  return runs;
}

function countDigits(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index += 1) {
    if (isDigitCode(value.charCodeAt(index))) count += 1;
  }
  return count;
}

/** Calls `visit` with each match of the global `pattern` inside the runs, at folded offsets. */
export function forEachCandidate(
  runs: readonly DigitRun[],
  pattern: RegExp,
  visit: (start: number, written: string) => number | undefined,
): void {
  for (const run of runs) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(run.text); match !== null; match = pattern.exec(run.text)) {
      const resumeAt = visit(run.start + match.index, match[0]);
      if (resumeAt !== undefined) pattern.lastIndex = resumeAt - run.start;
    }
  }
}

const separator = /[ ./-]/;

/** Length of the run of digits that ends just before `end`. */
function digitRunBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && isDigitCode(text.charCodeAt(start - 1))) start -= 1;
  return end - start;
}

function digitRunAfter(text: string, start: number): number {
  let end = start;
  while (end < text.length && isDigitCode(text.charCodeAt(end))) end += 1;
  return end - start;
}

/**
 * True when [start, end) sits in a bigger number: glued to letters or digits, after a `+` (a
 * phone number), after a short digit group ("0032 …", "12 85 07 …"), or before one written
 * the same way ("85 07 30 033 28 12"). A long group next to it is a second number in a list,
 * and "85073003328 0470 …" is a number followed by a phone number.
 */
export function isPartOfLongerNumber(text: string, start: number, end: number): boolean {
  if (isWordCharacterAt(text, start - 1) || isWordCharacterAt(text, end)) return true;
  return followsShortGroup(text, start) || precedesShortGroup(text, start, end);
}

function followsShortGroup(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === "+") return true;
  if (before === undefined || !separator.test(before)) return false;
  if (text[start - 2] === "+") return true;
  const run = digitRunBefore(text, start - 1);
  return run > 0 && run <= 4;
}

function precedesShortGroup(text: string, start: number, end: number): boolean {
  const after = text[end];
  if (after === undefined || !separator.test(after)) return false;
  const own = lastSeparator(text, start, end);
  if (own === undefined ? after === " " : after !== own) return false;
  const run = digitRunAfter(text, end + 1);
  return run > 0 && run <= 4;
}

/** The separator before the candidate's last group; undefined for a contiguous candidate. */
function lastSeparator(text: string, start: number, end: number): string | undefined {
  const groupStart = end - digitRunBefore(text, end);
  return groupStart > start ? text[groupStart - 1] : undefined;
}

/**
 * The Belgian structured communication is written between `+++` or `***`; its twelve digits
 * pass the same mod-97 check as an eID card, so anything inside that wrapper is a payment
 * reference, not an identity number.
 */
export function isInsideCommunicationWrapper(text: string, start: number, end: number): boolean {
  return isWrapperMark(text, start - 1, -1) || isWrapperMark(text, end, 1);
}

/** Two or more `+` or `*` (people type "++" as well as "+++"), maybe after a space. */
function isWrapperMark(text: string, from: number, step: 1 | -1): boolean {
  let index = from;
  while (text[index] === " ") index += step;
  const mark = text[index];
  return (mark === "+" || mark === "*") && text[index + step] === mark;
}
