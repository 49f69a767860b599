import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
// The one place server code reads the browser's files: both sides write and read wits_consent.
import * as web from "../../../web/consent/consent-cookie.ts";
import * as server from "./consent-cookie.ts";

const cookie = fc.record({
  consentId: fc.uuid({ version: 4 }),
  inventoryVersion: fc.stringMatching(/^[0-9a-f]{12}$/),
  choices: fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.boolean(), { maxKeys: 4 }),
  decidedAt: fc.integer({ min: 0, max: 4_000_000_000 }).map((seconds) => new Date(seconds * 1000)),
});

describe("the wits_consent cookie in the browser and on the server", () => {
  it("is written the same way by both", () => {
    assert.equal(web.consentCookieName, server.consentCookieName);
    fc.assert(
      fc.property(cookie, (value) => {
        assert.equal(web.formatConsentCookie(value), server.formatConsentCookie(value));
      }),
    );
  });

  it("is read the same way by both, what one writes the other reads back", () => {
    fc.assert(
      fc.property(cookie, (value) => {
        const written = web.formatConsentCookie(value);
        const read = server.parseConsentCookie(written);
        assert.deepEqual(web.parseConsentCookie(written), read);
        assert.deepEqual(read?.choices, { ...value.choices, necessary: true });
        assert.equal(read?.consentId, value.consentId);
      }),
    );
  });

  it("rejects the same malformed values", () => {
    const parts = fc.constantFrom(
      "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
      "not-a-uuid",
      "0a1b2c3d4e5f",
      "ABC",
      "analytics1",
      "analytics2",
      "analytics1-ads0",
      "",
      "1767225600",
      "17e8",
    );
    const value = fc.array(parts, { maxLength: 6 }).map((pieces) => pieces.join("."));
    fc.assert(
      fc.property(fc.oneof(value, fc.string()), (text) => {
        assert.deepEqual(web.parseConsentCookie(text), server.parseConsentCookie(text));
      }),
      { numRuns: 500 },
    );
  });

  it("matches a placeholder name as a family of cookies", () => {
    assert.ok(web.matchesInventoryName("_ga", "_ga"));
    assert.ok(!web.matchesInventoryName("_gat", "_ga"));
    for (const name of ["_ga", "_ga_Q2W3E4", "_gat"]) {
      assert.ok(web.matchesInventoryName(name, "_ga_<id>"), name);
    }
    assert.ok(!web.matchesInventoryName("wits_consent", "_ga_<id>"));
    assert.equal(web.readCookie("a=1; _ga=GA1.1.2; b=", "_ga"), "GA1.1.2");
    assert.equal(web.readCookie("a=1", "_ga"), undefined);
  });
});
