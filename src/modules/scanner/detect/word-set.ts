/** A set of folded words written as one space-separated string, so word lists stay compact. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}
