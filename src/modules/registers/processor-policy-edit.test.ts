import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { defaultPolicyFile, type Processor, parsePolicy } from "../../policy/index.ts";
import { editProcessors } from "./processor-policy-edit.ts";

const source = readFileSync(defaultPolicyFile, "utf8");
const version = {
  changelog: "Verwerker Voorbeeld Mail BV bijgewerkt",
  effectiveDate: "2026-03-02",
};

const mail: Processor = {
  name: "Voorbeeld Mail BV",
  service: { nl: "versturen van e-mail", en: "sending e-mail", fr: "envoi d'e-mails" },
  country: "US",
  transferBasis: "scc",
  contractDate: "2025-03-01",
  reviewDate: "2027-03-01",
  purposes: ["newsletter", "contact"],
  dataCategories: ["name", "email", "ip_address"],
};

function edited(result: ReturnType<typeof editProcessors>): string {
  assert.equal(result.status, "edited");
  assert.ok("source" in result);
  return result.source;
}

function policyOf(text: string) {
  const parsed = parsePolicy(text);
  assert.ok("policy" in parsed, JSON.stringify(parsed));
  return parsed.policy;
}

/** Lines of `after` that `before` does not have, and the reverse. */
function changedLines(before: string, after: string) {
  const a = new Set(before.split("\n"));
  const b = new Set(after.split("\n"));
  return {
    removed: before.split("\n").filter((line) => !b.has(line)),
    added: after.split("\n").filter((line) => !a.has(line)),
  };
}

describe("editing the processors in the policy's YAML", () => {
  it("updates one processor and the version line, and leaves every other line as written", () => {
    const text = edited(
      editProcessors(source, { kind: "update", name: mail.name, processor: mail }, version),
    );
    const policy = policyOf(text);
    assert.deepEqual(
      policy.processors.find((processor) => processor.name === mail.name),
      mail,
    );
    assert.equal(policy.version.changelog, version.changelog);
    assert.equal(policy.version.effectiveDate, "2026-03-02");
    const { removed, added } = changedLines(source, text);
    assert.deepEqual(removed.map((line) => line.trim().split(":")[0]).sort(), [
      "changelog",
      "country",
      "dataCategories",
      "effectiveDate",
      "en",
      "fr",
      "nl",
    ]);
    assert.ok(added.includes("    transferBasis: scc"), added.join("\n"));
    assert.ok(added.includes('  effectiveDate: "2026-03-02"'));
    // The comments of the file, far from the edit and inside the list, are still there.
    assert.ok(text.includes("# EXAMPLE VALUES: legal form, address and enterprise number below"));
    assert.ok(text.includes("    # Hosting stores everything the other purposes collect"));
  });

  it("puts a new field after the one it follows in the file", () => {
    const text = edited(
      editProcessors(source, { kind: "update", name: mail.name, processor: mail }, version),
    );
    const item = text.slice(text.indexOf("- name: Voorbeeld Mail BV"));
    assert.ok(item.indexOf("transferBasis: scc") < item.indexOf("contractDate:"));
    assert.ok(item.indexOf("country: US") < item.indexOf("transferBasis: scc"));
  });

  it("renames a processor and drops a field left empty", () => {
    const renamed = { ...mail, name: "Voorbeeld Post BV", country: "NL", reviewDate: undefined };
    delete renamed.transferBasis;
    const text = edited(
      editProcessors(source, { kind: "update", name: mail.name, processor: renamed }, version),
    );
    const policy = policyOf(text);
    const names = policy.processors.map((processor) => processor.name);
    assert.ok(names.includes("Voorbeeld Post BV"));
    assert.ok(!names.includes("Voorbeeld Mail BV"));
    const post = policy.processors.find((processor) => processor.name === "Voorbeeld Post BV");
    assert.equal(post?.reviewDate, undefined);
    assert.equal(post?.transferBasis, undefined);
  });

  it("adds a processor at the end of the list, in the file's style", () => {
    const added: Processor = { ...mail, name: "Voorbeeld Cloud BV", country: "BE" };
    delete added.transferBasis;
    const text = edited(editProcessors(source, { kind: "add", processor: added }, version));
    const policy = policyOf(text);
    assert.deepEqual(policy.processors.at(-1), added);
    assert.equal(policy.processors.length, 6);
    assert.match(
      text,
      /\n {2}- name: Voorbeeld Cloud BV\n {4}service:\n {6}nl: versturen van e-mail\n/,
    );
    assert.match(text, /\n {4}purposes: \[newsletter, contact\]\n/);
    assert.deepEqual(changedLines(source, text).removed.length, 2, "only the version line changed");
  });

  it("removes a processor and nothing else", () => {
    const text = edited(
      editProcessors(source, { kind: "remove", name: "Voorbeeld Incasso NV" }, version),
    );
    const policy = policyOf(text);
    assert.deepEqual(
      policy.processors.map((processor) => processor.name),
      [
        "Voorbeeld Hosting NV",
        "Voorbeeld Boekhouding BV",
        "Voorbeeld Mail BV",
        "TeamViewer Germany GmbH",
      ],
    );
    assert.equal(changedLines(source, text).added.length, 2, "only the version line is new");
  });

  it("turns off a customer notice the previous version asked for", () => {
    const notifying = source.replace("  notify: false", "  notify: true");
    const text = edited(editProcessors(notifying, { kind: "remove", name: mail.name }, version));
    assert.equal(policyOf(text).version.notify, false);
  });

  it("says when the processor is not in the policy, or the source is not YAML", () => {
    assert.deepEqual(editProcessors(source, { kind: "remove", name: "Onbekend NV" }, version), {
      status: "not_found",
    });
    assert.deepEqual(editProcessors("a: [", { kind: "remove", name: "x" }, version), {
      status: "unreadable",
    });
  });
});
