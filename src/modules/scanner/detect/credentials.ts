import { type Introduction, isSecretValue, readValue, type ValueSpan } from "./credential-value.ts";
import {
  assignConnector,
  type CredentialKind,
  credentialKeyword,
  keywordKind,
  mayEndCompound,
  needsConnector,
  pairedBefore,
  prepositionGap,
  qualifierWord,
  teamViewerBefore,
  verbConnector,
} from "./credential-words.ts";
import { isWordCharacterAt } from "./digit-groups.ts";
import type { Finding } from "./finding.ts";
import { originalText } from "./identifier-finding.ts";
import { type NormalisedText, originalSpan } from "./normalise.ts";

/** Tried in this order after the word: the first that leads to a secret decides. */
const introductions: ReadonlyArray<[Introduction, RegExp]> = [
  ["assign", new RegExp(assignConnector, "y")],
  ["verb", new RegExp(verbConnector, "y")],
  ["gap-assign", new RegExp(`${prepositionGap}(?:${assignConnector})`, "yu")],
  ["gap-verb", new RegExp(`${prepositionGap}(?:${verbConnector})`, "yu")],
  ["qualified", new RegExp(`${qualifierWord}(?:${assignConnector})`, "yu")],
  ["qualified-verb", new RegExp(`${qualifierWord}(?:${verbConnector})`, "yu")],
  ["bare", /[ \t]+/y],
];

const confidenceOf: Record<Introduction, number> = {
  assign: 0.95,
  verb: 0.95,
  "gap-assign": 0.9,
  "gap-verb": 0.9,
  qualified: 0.9,
  "qualified-verb": 0.85,
  bare: 0.8,
};

/** "wachtwoord (tijdelijk): …" */
const parenthetical = /[ \t]*\([^()\n]{1,30}\)/y;

/** Passwords, PINs and TeamViewer passwords given with their value. */
export function detectCredentials(text: NormalisedText): Finding[] {
  const folded = text.folded;
  const findings: Located[] = [];
  credentialKeyword.lastIndex = 0;
  for (
    let match = credentialKeyword.exec(folded);
    match !== null;
    match = credentialKeyword.exec(folded)
  ) {
    const keyword = keywordAt(folded, match[0], match.index);
    if (keyword === undefined) continue;
    const found = secretAfter(text, keyword);
    if (found === undefined) continue;
    findings.push(found);
    // The value may itself contain a keyword ("ww: my-password1"); it is already covered.
    credentialKeyword.lastIndex = Math.max(credentialKeyword.lastIndex, found.foldedEnd);
  }
  findings.push(...loginPairs(text, findings));
  return findings.map(({ foldedEnd: _, ...finding }) => finding);
}

/**
 * "login: jan.peeters / Azerty123", "gebruiker jan, Welkom2025": a user name and, after a slash
 * or comma, something that looks like a password, with no password word at all.
 */
const loginPair =
  /\b(login|gebruikersnaam|username|user name|identifiant|nom d'utilisateur)[ \t]*[:=]?[ \t]*[^\s/,]+[ \t]*(?:\/|,|\||en|et|and)[ \t]*/g;

function loginPairs(text: NormalisedText, found: readonly Located[]): Located[] {
  const pairs: Located[] = [];
  loginPair.lastIndex = 0;
  for (
    let match = loginPair.exec(text.folded);
    match !== null;
    match = loginPair.exec(text.folded)
  ) {
    const value = readValue(text.folded, loginPair.lastIndex);
    if (value === undefined || found.some((other) => other.foldedEnd === value.end)) continue;
    if (!isSecretValue("password", "bare", text, value)) continue;
    const word = match[1] ?? "login";
    const keyword = {
      word,
      start: match.index,
      end: match.index + word.length,
      kind: "password" as const,
    };
    pairs.push(located(text, keyword, value, 0.8));
  }
  return pairs;
}

interface Keyword {
  word: string;
  start: number;
  end: number;
  kind: CredentialKind;
}

function keywordAt(folded: string, word: string, start: number): Keyword | undefined {
  const end = start + word.length;
  if (isWordCharacterAt(folded, end)) return undefined;
  if (!mayEndCompound(word) && isWordCharacterAt(folded, start - 1)) return undefined;
  return { word, start, end, kind: keywordKind(word) };
}

type Located = Finding & { foldedEnd: number };

function secretAfter(text: NormalisedText, keyword: Keyword): Located | undefined {
  const folded = text.folded;
  const from = skipParenthetical(folded, keyword.end);
  let paired: boolean | undefined;
  for (const [introduction, pattern] of introductions) {
    if (
      introduction === "bare" &&
      needsConnector(keyword.word) &&
      !afterTeamViewer(folded, keyword)
    ) {
      continue;
    }
    pattern.lastIndex = from;
    if (!pattern.test(folded)) continue;
    const at = pattern.lastIndex;
    paired ??= isPaired(folded, keyword);
    const values = paired ? pairValues(folded, at) : [readValue(folded, at)];
    for (const value of values) {
      if (value === undefined || !isSecretValue(keyword.kind, introduction, text, value)) continue;
      return located(text, keyword, value, confidenceOf[introduction]);
    }
  }
  return undefined;
}

/** "TeamViewer: ID 123 456 789, pass 8x7y6z": there "pass" is the session's password. */
function afterTeamViewer(folded: string, keyword: Keyword): boolean {
  return teamViewerBefore.test(folded.slice(Math.max(0, keyword.start - 60), keyword.start));
}

function isPaired(folded: string, keyword: Keyword): boolean {
  return pairedBefore.test(folded.slice(Math.max(0, keyword.start - 40), keyword.start));
}

function skipParenthetical(folded: string, from: number): number {
  parenthetical.lastIndex = from;
  return parenthetical.test(folded) ? parenthetical.lastIndex : from;
}

/** A TeamViewer ID: nine or ten digits, often in groups of three ("1 234 567 890"). */
const teamViewerId = /\d{1,4}(?:[ .-]?\d{3}){2,3}(?![\p{L}\p{N}])/uy;
const pairSeparator = /[ \t]*(?:(?:en|et|and)[ \t]+|[/,;&+|-][ \t]*)|[ \t]+/y;

/**
 * After "login en wachtwoord:" or "TeamViewer ID en wachtwoord:" the first value belongs to the
 * other word: try the second value, then the first, unless the first is a TeamViewer ID, which
 * is not a secret.
 */
function pairValues(folded: string, at: number): Array<ValueSpan | undefined> {
  const idEnd = teamViewerIdEnd(folded, at);
  pairSeparator.lastIndex = idEnd ?? tokenEnd(folded, at);
  const second = pairSeparator.test(folded)
    ? readValue(folded, pairSeparator.lastIndex)
    : undefined;
  return idEnd === undefined ? [second, readValue(folded, at)] : [second];
}

function teamViewerIdEnd(folded: string, at: number): number | undefined {
  teamViewerId.lastIndex = at;
  const id = teamViewerId.exec(folded);
  if (id === null) return undefined;
  const digits = id[0].replace(/\D/g, "").length;
  return digits === 9 || digits === 10 ? teamViewerId.lastIndex : undefined;
}

const nextSpace = /\s|$/g;

function tokenEnd(folded: string, at: number): number {
  nextSpace.lastIndex = at;
  return nextSpace.exec(folded)?.index ?? folded.length;
}

function located(
  text: NormalisedText,
  keyword: Keyword,
  value: ValueSpan,
  confidence: number,
): Located {
  const span = originalSpan(text, value.start, value.end);
  const before = text.folded.slice(Math.max(0, keyword.start - 30), keyword.start);
  const reason =
    keyword.kind === "password" && teamViewerBefore.test(before)
      ? "credential_teamviewer"
      : `credential_${keyword.kind}`;
  return {
    type: "credential",
    start: span.start,
    end: span.end,
    confidence,
    reason,
    params: { label: originalText(text, keyword.start, keyword.end) },
    foldedEnd: value.end,
  };
}
