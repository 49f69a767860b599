import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { loadPolicyFile } from "./load-policy.ts";

/**
 * Commitments of the seed statement (shared/privacy-statement.nl.txt) that the default policy's
 * Dutch texts must carry. A starter list: the rendered /privacy page gets the full fidelity test.
 */
const commitments = [
  "1 jaar",
  "6 maanden",
  "7 jaar",
  "30 dagen",
  "TeamViewer",
  "kaartnummer",
  "pasfoto",
  "Gegevensbeschermingsautoriteit",
  "politie",
  "Google Analytics",
  "uitschrijflink",
  "geen opnames",
  "onmiddellijk worden verwijderd",
  "derde partijen",
  "eenzijdig te wijzigen",
] as const;

function dutchTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(dutchTexts);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === "nl" && typeof child === "string" ? [child] : dutchTexts(child),
  );
}

describe("default policy fidelity", async () => {
  const result = await loadPolicyFile(
    fileURLToPath(new URL("../../policy/wits.policy.yaml", import.meta.url)),
  );
  assert.ok("policy" in result, JSON.stringify(result));
  const dutch = dutchTexts(result.policy).join("\n");

  for (const phrase of commitments) {
    it(`the Dutch texts say "${phrase}"`, () => {
      assert.ok(dutch.includes(phrase), `missing: ${phrase}`);
    });
  }

  it("keeps the machine retention rules the statement states", () => {
    const rules = Object.fromEntries(
      result.policy.purposes.map((purpose) => [purpose.id, purpose.retention.rule]),
    );
    assert.deepEqual(rules.contact, {
      kind: "after_event",
      event: "request.closed",
      years: 1,
      restartOn: ["agreement.ended"],
      unlessCondition: "running_agreement",
    });
    assert.deepEqual(rules.newsletter, {
      kind: "after_event",
      event: "newsletter.unsubscribed",
      months: 6,
      restartOn: ["customer.ended"],
      unlessCondition: "running_agreement",
    });
    assert.deepEqual(rules.orders, { kind: "after_event", event: "order.completed", years: 7 });
    // "Zolang je klant bent": a customer who returns within the year is a customer again.
    assert.deepEqual(rules.customer_dossier, {
      kind: "after_event",
      event: "customer.ended",
      years: 1,
      unlessCondition: "running_agreement",
    });
    assert.deepEqual(rules.support, { kind: "until_objection" });
    const password = result.policy.purposes
      .find((purpose) => purpose.id === "support")
      ?.dataCategories.find((category) => category.id === "teamviewer_password");
    assert.deepEqual(password?.retention, { kind: "not_stored" });
    assert.equal(result.policy.rights.answerDays, 30);
  });

  it("lists Google Analytics cookies as third-party analytics and the product's own as necessary", () => {
    const categories = Object.fromEntries(
      result.policy.cookies.map((cookie) => [cookie.name, `${cookie.category}/${cookie.party}`]),
    );
    assert.deepEqual(categories, {
      lang: "necessary/first",
      _csrf: "necessary/first",
      wits_staff: "necessary/first",
      wits_consent: "necessary/first",
      _ga: "analytics/third",
      "_ga_<id>": "analytics/third",
    });
  });
});
