import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { loadPolicyFile, type PolicyProblem, parsePolicy } from "./load-policy.ts";

const defaultPolicyPath = fileURLToPath(new URL("../../policy/wits.policy.yaml", import.meta.url));
const defaultSource = readFileSync(defaultPolicyPath, "utf8");

/** The default policy with one change made through the YAML document, so comments and layout stay. */
function variant(change: (document: ReturnType<typeof parseDocument>) => void): string {
  const document = parseDocument(defaultSource);
  change(document);
  return document.toString();
}

/** 1-based line of the first line containing `needle`, after `after` lines. */
function lineContaining(source: string, needle: string, after = 0): number {
  const index = source.split("\n").findIndex((line, i) => i >= after && line.includes(needle));
  assert.ok(index >= 0, `"${needle}" not found`);
  return index + 1;
}

function problemsOf(source: string): PolicyProblem[] {
  const result = parsePolicy(source);
  assert.ok("problems" in result, "expected the policy to be rejected");
  return result.problems;
}

describe("loadPolicyFile", () => {
  it("loads the default policy with only the art. 60 warning", async () => {
    const result = await loadPolicyFile(defaultPolicyPath);
    assert.ok("policy" in result, JSON.stringify(result));
    assert.deepEqual(
      result.policy.purposes.map((purpose) => purpose.id),
      ["contact", "newsletter", "orders", "customer_dossier", "support"],
    );
    // The security.txt reminder depends on today's date; its own test below fixes the dates.
    const dated = result.warnings.filter((warning) => warning.path !== "security.expires");
    assert.deepEqual(dated, [
      {
        path: "purposes[2].retention.rule",
        line: lineContaining(defaultSource, "rule:", lineContaining(defaultSource, "- id: orders")),
        message:
          "Belgian VAT Code art. 60 requires invoices to be kept 10 years; this policy keeps them 7 years",
      },
    ]);
  });

  it("reports an unreadable file as a problem, not a crash", async () => {
    const result = await loadPolicyFile("/nonexistent/policy.yaml");
    assert.ok("problems" in result);
    assert.match(result.problems[0]?.message ?? "", /^cannot read file/);
  });
});

describe("bad policies", () => {
  it("missing field: names the field and the line of the object that lacks it", () => {
    const source = variant((document) => document.deleteIn(["organisation", "privacyEmail"]));
    assert.deepEqual(problemsOf(source), [
      {
        path: "organisation.privacyEmail",
        line: lineContaining(source, "organisation:"),
        message: "required field is missing",
      },
    ]);
  });

  it("unknown legal basis: lists the GDPR Art. 6(1) bases", () => {
    const source = variant((document) => document.setIn(["purposes", 1, "legalBasis"], "lawful"));
    const [problem, ...rest] = problemsOf(source);
    assert.deepEqual(rest, []);
    assert.equal(problem?.path, "purposes[1].legalBasis");
    assert.equal(problem?.line, lineContaining(source, "legalBasis: lawful"));
    assert.equal(
      problem?.message,
      'unknown legal basis "lawful"; expected one of: consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests',
    );
  });

  it("negative duration", () => {
    const source = variant((document) =>
      document.setIn(["purposes", 2, "retention", "rule", "years"], -7),
    );
    assert.deepEqual(problemsOf(source), [
      {
        path: "purposes[2].retention.rule.years",
        line: lineContaining(source, "years: -7"),
        message: "must be 0 or more (a duration cannot be negative)",
      },
    ]);
  });

  it("YAML syntax error: reports the line", () => {
    const source = defaultSource.replace("  name: WITS\n", "  name: [WITS\n");
    const [problem] = problemsOf(source);
    assert.equal(problem?.path, "");
    assert.match(problem?.message ?? "", /^YAML syntax: /);
    assert.ok(
      (problem?.line ?? 0) >= lineContaining(source, "name: [WITS"),
      `line ${problem?.line}`,
    );
  });

  it("processor serving an unknown purpose", () => {
    const source = variant((document) =>
      document.setIn(["processors", 1, "purposes", 0], "invoicing"),
    );
    // Its data categories then belong to no purpose it serves: reported too, after.
    assert.deepEqual(problemsOf(source)[0], {
      path: "processors[1].purposes[0]",
      line: lineContaining(source, "purposes: [ invoicing ]"),
      message:
        'processor "Voorbeeld Boekhouding BV" serves unknown purpose "invoicing"; purposes in this policy: contact, newsletter, orders, customer_dossier, support',
    });
  });

  it("processor receiving a data category none of its purposes collects", () => {
    const source = variant((document) =>
      document.setIn(["processors", 4, "dataCategories", 0], "vat_number"),
    );
    assert.deepEqual(problemsOf(source), [
      {
        path: "processors[4].dataCategories[0]",
        line: lineContaining(source, "dataCategories: [ vat_number ]"),
        message:
          'processor "TeamViewer Germany GmbH" receives data category "vat_number", which none of its purposes collects; categories of its purposes: teamviewer_id, teamviewer_password, session_content',
      },
    ]);
  });

  it("unknown anchor event", () => {
    const source = variant((document) =>
      document.setIn(["purposes", 0, "retention", "rule", "event"], "request.done"),
    );
    const [problem, ...rest] = problemsOf(source);
    assert.deepEqual(rest, []);
    assert.equal(problem?.path, "purposes[0].retention.rule.event");
    assert.equal(problem?.line, lineContaining(source, "event: request.done"));
    assert.match(problem?.message ?? "", /^unknown anchor event "request.done"; expected one of: /);
  });

  it("duplicate purpose id", () => {
    const source = variant((document) => document.setIn(["purposes", 3, "id"], "orders"));
    // The renamed purpose is also gone from the processors that served it, reported after.
    assert.deepEqual(problemsOf(source)[0], {
      path: "purposes[3].id",
      line: lineContaining(source, "- id: orders", lineContaining(source, "- id: orders")),
      message: 'duplicate purpose id "orders" (first at purposes[2])',
    });
  });

  it("misspelt field: strict objects name the unknown key at its line", () => {
    const source = defaultSource.replace("    legalBasis: consent", "    legalbasis: consent");
    // In line order: the purpose that lacks legalBasis starts above the misspelt key.
    assert.deepEqual(problemsOf(source), [
      {
        path: "purposes[1].legalBasis",
        line: lineContaining(source, "- id: newsletter"),
        message: "required field is missing",
      },
      {
        path: "purposes[1].legalbasis",
        line: lineContaining(source, "legalbasis: consent"),
        message: 'unknown field "legalbasis"',
      },
    ]);
  });

  it("cookie without a category", () => {
    const source = variant((document) => document.deleteIn(["cookies", 3, "category"]));
    const [problem] = problemsOf(source);
    assert.equal(problem?.path, "cookies[3].category");
    assert.equal(problem?.message, "required field is missing");
  });

  it("enterprise number with wrong check digits", () => {
    const source = defaultSource.replace(
      "enterpriseNumber: BE0123456749",
      "enterpriseNumber: BE0123456789",
    );
    const [problem] = problemsOf(source);
    assert.equal(problem?.path, "organisation.enterpriseNumber");
    assert.equal(problem?.line, lineContaining(source, "enterpriseNumber:"));
    assert.match(problem?.message ?? "", /check digits/);
  });

  it("processor outside the EEA without a transfer basis", () => {
    const source = variant((document) => document.setIn(["processors", 4, "country"], "US"));
    assert.deepEqual(problemsOf(source), [
      {
        path: "processors[4].transferBasis",
        line: lineContaining(source, "- name: TeamViewer"),
        message:
          'processor "TeamViewer Germany GmbH" is in US, outside the EEA: give its transferBasis (adequacy, scc, bcr or derogation)',
      },
    ]);
  });

  it("unknown transfer basis: lists the allowed ones", () => {
    const source = variant((document) => document.setIn(["processors", 4, "transferBasis"], "dpa"));
    assert.match(
      problemsOf(source)[0]?.message ?? "",
      /^unknown transfer basis "dpa"; expected one of: adequacy, scc, bcr, derogation$/,
    );
  });
});

describe("processor warnings", () => {
  const warningsOf = (source: string) => {
    const result = parsePolicy(source);
    assert.ok("policy" in result, JSON.stringify(result));
    const processorRelated = /^processors|transfersOutsideEea$/;
    return result.warnings.filter((warning) => processorRelated.test(warning.path));
  };

  it("a processor outside the EEA with a basis is valid; the purpose's own flag is flagged", () => {
    const source = variant((document) => {
      document.setIn(["processors", 4, "country"], "US");
      document.setIn(["processors", 4, "transferBasis"], "scc");
    });
    assert.deepEqual(
      warningsOf(source).map((warning) => warning.path),
      ["purposes[4].transfersOutsideEea"],
    );
  });

  it("warns that a processor without a review date gets no reminder", () => {
    const source = variant((document) => document.deleteIn(["processors", 2, "reviewDate"]));
    assert.deepEqual(warningsOf(source), [
      {
        path: "processors[2]",
        line: lineContaining(source, "- name: Voorbeeld Mail BV"),
        message: 'processor "Voorbeeld Mail BV" has no reviewDate: no reminder',
      },
    ]);
  });
});

describe("security.txt expiry (statement: a contact point for security problems)", () => {
  const expiryWarnings = (expires: string) => {
    const result = parsePolicy(
      variant((document) => document.setIn(["security", "expires"], expires)),
    );
    assert.ok("policy" in result, JSON.stringify(result));
    return result.warnings.filter((warning) => warning.path === "security.expires");
  };
  const day = (offsetDays: number) =>
    new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  it("warns when it has expired or expires within a month, and names the fix", () => {
    assert.match(expiryWarnings(day(-1))[0]?.message ?? "", /has expired: set security.expires/);
    assert.match(expiryWarnings(day(10))[0]?.message ?? "", /expires within 30 days/);
  });

  it("warns when it is set more than a year ahead (RFC 9116), and not in between", () => {
    assert.match(expiryWarnings(day(400))[0]?.message ?? "", /less than a year ahead/);
    assert.deepEqual(expiryWarnings(day(200)), []);
  });
});
