import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  nameTokens,
  normaliseEmail,
  normalisePhone,
  normaliseTeamviewerId,
  normaliseVat,
} from "./normalise.ts";

describe("identifier normalisation", () => {
  it("trims and lower-cases e-mail addresses", () => {
    assert.equal(normaliseEmail(" An.Peeters@Example.BE "), "an.peeters@example.be");
    assert.equal(normaliseEmail("   "), undefined);
  });

  it("turns Belgian phone numbers into E.164, with or without +32", () => {
    assert.equal(normalisePhone("0470 12 34 56"), "+32470123456");
    assert.equal(normalisePhone("+32 470/12.34.56"), "+32470123456");
    assert.equal(normalisePhone("0032470123456"), "+32470123456");
    assert.equal(normalisePhone("+31 6 12345678"), "+31612345678");
    assert.equal(normalisePhone("12"), undefined);
  });

  it("keeps the VAT country prefix and adds BE to a bare enterprise number", () => {
    assert.equal(normaliseVat("BE 0403.019.261"), "BE0403019261");
    assert.equal(normaliseVat("be0403-019-261"), "BE0403019261");
    assert.equal(normaliseVat("0403.019.261"), "BE0403019261");
    assert.equal(normaliseVat("NL 123456789B01"), "NL123456789B01");
    assert.equal(normaliseVat(" "), undefined);
  });

  it("keeps only the digits of a TeamViewer ID", () => {
    assert.equal(normaliseTeamviewerId("123 456 789"), "123456789");
    assert.equal(normaliseTeamviewerId("1 234 567 890"), "1234567890");
    assert.equal(normaliseTeamviewerId("none"), undefined);
  });

  it("splits names into unique lower-case tokens without diacritics", () => {
    assert.deepEqual(nameTokens("Élise Van den Broeck-Öztürk"), [
      "elise",
      "van",
      "den",
      "broeck",
      "ozturk",
    ]);
    assert.deepEqual(nameTokens("J. D'Hondt"), ["hondt"]);
    assert.deepEqual(nameTokens("An an AN"), ["an"]);
  });
});
