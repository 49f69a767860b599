import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertNoPersonalData, isPersonalKey, personalDataIn } from "./assert-no-personal-data.ts";

describe("audit details guard", () => {
  it("refuses personal keys in any spelling", () => {
    for (const key of ["email", "E-Mail", "customer_email", "phoneNumber", "fileName", "ip"]) {
      assert.equal(isPersonalKey(key), true, key);
    }
    for (const key of ["count", "role", "from", "to", "topic", "membership", "fields"]) {
      assert.equal(isPersonalKey(key), false, key);
    }
  });

  it("finds e-mail addresses, phone numbers, TeamViewer and national register numbers", () => {
    for (const text of [
      "jan.peeters@example.be",
      "sent to <an@x.org> today",
      "+32 475 12 34 56",
      "0475/12.34.56",
      "call 02 123 45 67",
      "0032475123456",
      "123 456 789",
      "85.07.30-033.28",
    ]) {
      assert.ok(personalDataIn(text), text);
    }
  });

  it("lets ids, hashes, dates, invoice numbers and counts through", () => {
    for (const text of [
      "550e8400-e29b-41d4-a716-046655440000",
      "0".repeat(64),
      "2026-01-01T09:00:00.000Z",
      "2026-00001",
      "INV-2026-0042",
      "12",
      "newsletter.subscribe",
    ]) {
      assert.equal(personalDataIn(text), undefined, text);
    }
  });

  it("names the key but never repeats the value", () => {
    assert.throws(
      () => assertNoPersonalData({ reference: "jan@example.be" }),
      (error: Error) =>
        /"reference" looks like an e-mail address/.test(error.message) &&
        !error.message.includes("jan@"),
    );
    assert.throws(() => assertNoPersonalData({ count: Number.NaN }), /finite/);
    assert.throws(() => assertNoPersonalData({ nested: { a: 1 } }), /string, number/);
  });
});
