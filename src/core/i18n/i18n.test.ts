import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { catalogues, detectLocale, locales, translate } from "./index.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("locale files", () => {
  const reference = Object.keys(catalogues.nl).sort();

  for (const locale of locales) {
    it(`${locale} has every key, no extra key, and no empty text`, () => {
      const keys = Object.keys(catalogues[locale]).sort();
      assert.deepEqual(
        reference.filter((key) => !keys.includes(key)),
        [],
        `missing in ${locale}`,
      );
      assert.deepEqual(
        keys.filter((key) => !reference.includes(key)),
        [],
        `unknown in ${locale}`,
      );
      for (const [key, text] of Object.entries(catalogues[locale])) {
        assert.ok(text.trim().length > 0, `${locale}.${key} is empty`);
      }
    });

    it(`${locale} uses the same placeholders as Dutch`, () => {
      for (const [key, text] of Object.entries(catalogues[locale])) {
        const dutch = catalogues.nl[key as keyof typeof catalogues.nl];
        assert.deepEqual(placeholders(text), placeholders(dutch), `${locale}.${key}`);
      }
    });
  }

  it("fills placeholders", () => {
    assert.equal(translate("en", "home.title", { organisation: "WITS" }), "Your data at WITS");
  });
});

describe("language detection", () => {
  it("prefers ?lang=, then the cookie, then Accept-Language, then Dutch", () => {
    assert.equal(detectLocale({ query: "fr", cookie: "en", acceptLanguage: "nl" }), "fr");
    assert.equal(detectLocale({ query: "xx", cookie: "en", acceptLanguage: "fr" }), "en");
    assert.equal(detectLocale({ acceptLanguage: "de;q=1, fr-BE;q=0.9, en;q=0.8" }), "fr");
    assert.equal(detectLocale({ acceptLanguage: "de, es" }), "nl");
    assert.equal(detectLocale({ acceptLanguage: "en;q=0, fr;q=0.1" }), "fr");
    assert.equal(detectLocale({}), "nl");
  });
});
