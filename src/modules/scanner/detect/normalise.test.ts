import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseText, originalSpan } from "./normalise.ts";

/** The original text under the folded span of `word`, as a finding would cut it. */
function cut(original: string, word: string): string {
  const text = normaliseText(original);
  const at = text.folded.indexOf(word);
  assert.ok(at >= 0, `"${word}" in "${text.folded}"`);
  const span = originalSpan(text, at, at + word.length);
  return original.slice(span.start, span.end);
}

describe("folding text for the detectors", () => {
  it("lower-cases and strips accents, and maps back to exactly what was typed", () => {
    assert.equal(normaliseText("ÉPILEPSIE à Liège").folded, "epilepsie a liege");
    assert.equal(cut("Ik heb ÉPILEPSIE.", "epilepsie"), "ÉPILEPSIE");
  });

  it("keeps decomposed accents (NFD, as a Mac sends them) inside the span", () => {
    const typed = "J'ai été opéré".normalize("NFD");
    assert.equal(cut(typed, "opere"), "opéré".normalize("NFD"));
  });

  it("folds full-width digits, typographic dashes and no-break spaces to plain ones", () => {
    assert.equal(normaliseText("８５\u201307\u00a030").folded, "85-07 30");
  });

  it("maps past an emoji's two code units", () => {
    assert.equal(cut("😀 Mijn PIN: 4821", "4821"), "4821");
  });

  it("leaves ASCII text's offsets as they are", () => {
    assert.equal(normaliseText("Plain ASCII").toOriginal, null);
  });
});
