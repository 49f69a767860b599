import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDecimal } from "./decimal-input.ts";
import { computeTotals, lineNet } from "./money.ts";
import { isStructuredCommunication, structuredCommunication } from "./structured-communication.ts";
import { checkVatNumber } from "./vat-number.ts";

describe('VAT numbers on orders (statement: "BTW-nummer")', () => {
  const table: [string, string][] = [
    ["BE0403019261", "ok"],
    ["BE 0403.019.261", "ok"],
    ["be0403019261", "ok"],
    ["BE1403019282", "ok"],
    ["BE0403019262", "checksum"],
    ["BE2403019261", "format"],
    ["BE040301926", "format"],
    ["NL123456789B01", "checksum"],
    ["DE136695976", "ok"],
    ["DE136695975", "checksum"],
    ["FR40303265045", "ok"],
    ["IT00743110157", "ok"],
    ["EL094259216", "ok"],
    ["DE123", "format"],
    ["0403019261", "country"],
    ["US123456789", "country"],
    ["GB123456789", "country"],
  ];
  for (const [input, expected] of table) {
    it(`${input} is ${expected}`, () => {
      const result = checkVatNumber(input);
      assert.equal(result.ok ? "ok" : result.problem, expected);
    });
  }
});

describe("amounts in whole cents, never floats", () => {
  it("multiplies quantities with 3 decimals and prices with 2 exactly, rounding half away from zero", () => {
    assert.equal(lineNet({ quantityMilli: 3000, unitPriceCents: 3333 }), 9999);
    assert.equal(lineNet({ quantityMilli: 1500, unitPriceCents: 8500 }), 12750);
    assert.equal(lineNet({ quantityMilli: 333, unitPriceCents: 5 }), 2, "1.665 cents → 2");
    assert.equal(lineNet({ quantityMilli: 1000, unitPriceCents: -1250 }), -1250, "a discount line");
  });

  it("breaks VAT down per rate on the rate's total, and the parts add up to the total", () => {
    const totals = computeTotals(
      [
        { description: "Laptop", quantityMilli: 1000, unitPriceCents: 99_999, vatRate: 21 },
        { description: "Installatie", quantityMilli: 2500, unitPriceCents: 6_000, vatRate: 21 },
        { description: "Handboek", quantityMilli: 1000, unitPriceCents: 2_450, vatRate: 6 },
        { description: "Verzending", quantityMilli: 1000, unitPriceCents: 0, vatRate: 0 },
      ],
      false,
    );
    assert.deepEqual(totals.vat, [
      { rate: 21, netCents: 114_999, vatCents: 24_150 },
      { rate: 6, netCents: 2_450, vatCents: 147 },
      { rate: 0, netCents: 0, vatCents: 0 },
    ]);
    assert.equal(totals.netCents, 117_449);
    assert.equal(totals.vatCents, 24_297);
    assert.equal(totals.grossCents, 141_746);
  });

  it("charges no VAT under reverse charge", () => {
    const totals = computeTotals(
      [{ description: "Beheer", quantityMilli: 1000, unitPriceCents: 10_000, vatRate: 21 }],
      true,
    );
    assert.deepEqual(totals.vat, [{ rate: 0, netCents: 10_000, vatCents: 0 }]);
    assert.equal(totals.grossCents, 10_000);
  });

  it("reads amounts as people type them, and refuses more decimals than a cent", () => {
    assert.equal(parseDecimal("12,50", 2), 1250);
    assert.equal(parseDecimal("12.5", 2), 1250);
    assert.equal(parseDecimal(0.1, 2), 10);
    assert.equal(parseDecimal("1,5", 3), 1500);
    assert.equal(parseDecimal("-5", 2), -500);
    assert.equal(parseDecimal("12.505", 2), undefined);
    assert.equal(parseDecimal("1e3", 2), undefined);
    assert.equal(parseDecimal("", 2), undefined);
  });
});

describe("Belgian structured communication", () => {
  it("writes 10 digits and their mod-97 check as +++ddd/dddd/ddddd+++", () => {
    assert.equal(structuredCommunication(108068171), "+++010/8068/17183+++");
    assert.equal(structuredCommunication(2026000001), "+++202/6000/00192+++");
    assert.equal(structuredCommunication(97), "+++000/0000/09797+++", "remainder 0 is written 97");
  });

  it("recognises a valid one and refuses a typo", () => {
    assert.equal(isStructuredCommunication("+++010/8068/17183+++"), true);
    assert.equal(isStructuredCommunication("+++010/8068/17184+++"), false);
    assert.equal(isStructuredCommunication("010/8068/17183"), false);
  });
});
