import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { locales } from "../core/i18n/i18n.ts";
import {
  art30Columns,
  art30Csv,
  art30Json,
  art30Labels,
  art30Record,
  ruleSummary,
} from "./art30-record.ts";
import { loadPolicyFile } from "./load-policy.ts";
import { legalBases, type Policy } from "./policy.schema.ts";

const defaultPolicyPath = fileURLToPath(new URL("../../policy/wits.policy.yaml", import.meta.url));
const bom = "\uFEFF";

let policy: Policy;

before(async () => {
  const result = await loadPolicyFile(defaultPolicyPath);
  assert.ok("policy" in result, JSON.stringify(result));
  policy = result.policy;
});

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === "") {
      i++;
      for (;;) {
        assert.ok(i < text.length, "unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
      assert.ok(i === text.length || text[i] === "," || text[i] === "\r", "junk after quote");
    } else if (text[i] === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (text[i] === "\r") {
      assert.equal(text[i + 1], "\n", "CR must be followed by LF");
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      assert.notEqual(text[i], "\n", "bare LF outside quotes");
      assert.notEqual(text[i], '"', "quote inside an unquoted field");
      field += text[i];
      i++;
    }
  }
  assert.equal(field, "", "last record must end with CRLF");
  assert.equal(row.length, 0, "last record must end with CRLF");
  return rows;
}

function csvRows(csv: string): string[][] {
  assert.ok(csv.startsWith(bom), "CSV starts with the UTF-8 BOM");
  return parseCsv(csv.slice(bom.length));
}

describe("art30Record", () => {
  it("has one entry per purpose, in policy order, in every locale", () => {
    for (const locale of locales) {
      const record = art30Record(policy, locale);
      assert.deepEqual(
        record.entries.map((entry) => entry.purposeId),
        policy.purposes.map((purpose) => purpose.id),
      );
      for (const [index, entry] of record.entries.entries()) {
        assert.equal(entry.purpose.name, policy.purposes[index]?.name[locale]);
      }
    }
  });

  it("names the controller and the version it was generated from", () => {
    const record = art30Record(policy, "nl");
    assert.deepEqual(record.generatedFrom, {
      policyVersion: policy.version.changelog,
      effectiveDate: "2026-01-01",
    });
    for (const entry of record.entries) {
      assert.deepEqual(entry.controller, {
        name: "WITS",
        legalForm: "BV",
        address: "Voorbeeldstraat 1, 9000 Gent, BE",
        enterpriseNumber: "BE0123456749",
        privacyEmail: "privacy@wits.be",
      });
      assert.equal(entry.securityMeasures.length, policy.securityMeasures.length);
      assert.ok(entry.securityMeasures[0]?.startsWith("De bescherming van jouw gegevens"));
    }
  });

  it("gives orders the legal obligation in Dutch with its reference and 7-year retention", () => {
    const orders = art30Record(policy, "nl").entries.find((entry) => entry.purposeId === "orders");
    assert.ok(orders);
    assert.equal(orders.legalBasis.label, "wettelijke verplichting");
    assert.equal(orders.legalBasis.article, "art. 6(1)(c) AVG");
    assert.match(orders.legalBasis.legalReference ?? "", /BTW-Wetboek/);
    assert.match(orders.retention.text, /tot 7 jaar na het afronden van de bestelling/);
    assert.equal(orders.retention.rule, "7 years after order.completed");
    const ordersEn = art30Record(policy, "en").entries.find((e) => e.purposeId === "orders");
    assert.equal(ordersEn?.legalBasis.label, "legal obligation");
    assert.equal(ordersEn?.legalBasis.article, "art. 6(1)(c) GDPR");
  });

  it("summarises every retention rule in machine words, with category overrides", () => {
    const rules = Object.fromEntries(
      art30Record(policy, "nl").entries.map((entry) => [entry.purposeId, entry.retention.rule]),
    );
    assert.deepEqual(rules, {
      contact:
        "1 year after request.closed (restarts on agreement.ended; not while running_agreement)",
      newsletter:
        "6 months after newsletter.unsubscribed (restarts on customer.ended; not while running_agreement)",
      orders: "7 years after order.completed",
      customer_dossier: "1 year after customer.ended (not while running_agreement)",
      support: "until objection; teamviewer_password: not stored; session_content: not stored",
    });
    assert.equal(
      ruleSummary({ kind: "after_event", event: "order.completed", days: 0 }),
      "immediately after order.completed",
    );
    assert.equal(
      ruleSummary({ kind: "after_event", event: "request.closed", years: 2, months: 1, days: 3 }),
      "2 years 1 month 3 days after request.closed",
    );
  });

  it("lists the processors serving a purpose among its recipients, and no others", () => {
    for (const entry of art30Record(policy, "nl").entries) {
      const serving = policy.processors.filter((p) => p.purposes.includes(entry.purposeId));
      assert.deepEqual(
        entry.recipients.processors.map(({ name, service, country }) => ({
          name,
          service,
          country,
        })),
        serving.map((p) => ({ name: p.name, service: p.service.nl, country: p.country })),
      );
    }
    const orders = art30Record(policy, "nl").entries.find((entry) => entry.purposeId === "orders");
    assert.deepEqual(
      orders?.recipients.processors.map((p) => p.name),
      ["Voorbeeld Hosting NV", "Voorbeeld Boekhouding BV", "Voorbeeld Incasso NV"],
    );
    assert.deepEqual(orders?.recipients.categories, [
      "ons boekhoudkantoor",
      "een incassobureau, voor het innen van (laattijdige) betalingen",
    ]);
  });

  it("names, per purpose, only the data categories of that purpose a processor receives", () => {
    const mail = (purposeId: string) =>
      art30Record(policy, "nl")
        .entries.find((entry) => entry.purposeId === purposeId)
        ?.recipients.processors.find((p) => p.name === "Voorbeeld Mail BV");
    assert.deepEqual(mail("newsletter")?.dataCategories, ["naam of bijnaam", "e-mailadres"]);
    assert.deepEqual(mail("contact")?.dataCategories, ["naam", "e-mailadres"]);
    const row = csvRows(art30Csv(art30Record(policy, "nl")))[2];
    assert.ok(
      row?.[art30Columns.indexOf("recipients")]?.includes(
        "Voorbeeld Mail BV (versturen van e-mail en nieuwsbrieven, NL): naam of bijnaam, e-mailadres",
      ),
      row?.join(" | "),
    );
  });

  it("reports no transfer for the default policy, and one when a processor is outside the EEA", () => {
    for (const entry of art30Record(policy, "nl").entries) {
      assert.deepEqual(entry.transfersOutsideEea, {
        transfers: false,
        processorCountries: [],
        safeguards: null,
        processorSafeguards: [],
      });
    }
    const changed = structuredClone(policy);
    changed.processors.push({
      name: "Example Cloud Inc.",
      service: { nl: "opslag", en: "storage", fr: "stockage" },
      country: "US",
      transferBasis: "scc",
      contractDate: "2025-05-01",
      purposes: ["support"],
      dataCategories: ["teamviewer_id"],
    });
    const support = changed.purposes.find((purpose) => purpose.id === "support");
    assert.ok(support);
    support.transferSafeguards = { nl: "modelcontractbepalingen", en: "SCCs", fr: "CCT" };
    const entry = art30Record(changed, "en").entries.find((e) => e.purposeId === "support");
    assert.deepEqual(entry?.transfersOutsideEea, {
      transfers: true,
      processorCountries: ["US"],
      safeguards: "SCCs",
      processorSafeguards: [
        "Example Cloud Inc. (US): standard contractual clauses (Art. 46(2)(c) GDPR)",
      ],
    });
    const row = csvRows(art30Csv(art30Record(changed, "nl")))[5];
    assert.equal(
      row?.[art30Columns.indexOf("transferSafeguards")],
      "modelcontractbepalingen; Example Cloud Inc. (US): standaardcontractbepalingen (art. 46, lid 2, c) AVG)",
    );
  });
});

describe("art30Csv", () => {
  it("starts with the BOM, has a header row and one row per purpose, CRLF line ends", () => {
    for (const locale of locales) {
      const csv = art30Csv(art30Record(policy, locale));
      const rows = csvRows(csv);
      assert.equal(rows.length, policy.purposes.length + 1);
      assert.deepEqual(
        rows[0],
        art30Columns.map((column) => art30Labels[locale].columns[column]),
      );
      for (const row of rows) assert.equal(row.length, art30Columns.length);
      assert.equal(csv.replaceAll("\r\n", "").includes("\n"), false, "no bare LF in the file");
    }
  });

  it("keeps accents as written (UTF-8 text, no escaping)", () => {
    const csv = art30Csv(art30Record(policy, "nl"));
    assert.ok(csv.includes("Categorieën van persoonsgegevens"));
    assert.ok(csv.includes("beëindigen"));
  });

  it("puts every data category label and every processor of every purpose in its row", () => {
    for (const locale of locales) {
      const rows = csvRows(art30Csv(art30Record(policy, locale)));
      const categoriesColumn = art30Columns.indexOf("dataCategories");
      const recipientsColumn = art30Columns.indexOf("recipients");
      for (const [index, purpose] of policy.purposes.entries()) {
        const row = rows[index + 1];
        assert.ok(row);
        assert.deepEqual(
          row[categoriesColumn]?.split("; "),
          purpose.dataCategories.map((category) => category.label[locale]),
          `${locale} ${purpose.id}`,
        );
        for (const processor of policy.processors.filter((p) => p.purposes.includes(purpose.id))) {
          assert.ok(row[recipientsColumn]?.includes(processor.name), processor.name);
        }
        for (const recipient of purpose.recipients) {
          assert.ok(row[recipientsColumn]?.includes(recipient[locale]));
        }
      }
    }
  });

  it("has the Dutch orders row with the legal basis and the 7-year text", () => {
    const rows = csvRows(art30Csv(art30Record(policy, "nl")));
    const row = rows[1 + policy.purposes.findIndex((purpose) => purpose.id === "orders")];
    const cell = (column: (typeof art30Columns)[number]) => row?.[art30Columns.indexOf(column)];
    assert.equal(cell("legalBasis"), "wettelijke verplichting (art. 6(1)(c) AVG)");
    assert.match(cell("retention") ?? "", /7 jaar/);
    assert.equal(cell("retentionRule"), "7 years after order.completed");
    assert.equal(cell("transfersOutsideEea"), "nee");
  });

  it("quotes a value with a comma, a quote and a line break, and reads it back unchanged", () => {
    const awkward = 'Line one, with "quotes"\nand a second line\r\nand a third';
    const changed = structuredClone(policy);
    const first = changed.purposes[0];
    assert.ok(first);
    first.description.nl = awkward;
    const csv = art30Csv(art30Record(changed, "nl"));
    assert.ok(csv.includes('"Line one, with ""quotes""\nand a second line\r\nand a third"'));
    const rows = csvRows(csv);
    assert.equal(rows.length, policy.purposes.length + 1);
    assert.equal(rows[1]?.[art30Columns.indexOf("description")], awkward);
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    const changed = structuredClone(policy);
    const first = changed.purposes[0];
    assert.ok(first);
    first.name.nl = '=HYPERLINK("http://evil")';
    const rows = csvRows(art30Csv(art30Record(changed, "nl")));
    assert.equal(rows[1]?.[art30Columns.indexOf("purpose")], '\'=HYPERLINK("http://evil")');
  });
});

describe("art30Json", () => {
  it("round-trips through JSON and names the policy version", () => {
    for (const locale of locales) {
      const record = art30Record(policy, locale);
      const json = art30Json(record);
      assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
      assert.deepEqual(json.generatedFrom, {
        policyVersion: policy.version.changelog,
        effectiveDate: policy.version.effectiveDate,
      });
      assert.equal(json.entries.length, policy.purposes.length);
      assert.equal(json.title, art30Labels[locale].title);
    }
  });

  it("is a copy: changing it leaves the record alone", () => {
    const record = art30Record(policy, "nl");
    const json = art30Json(record);
    const firstJson = json.entries[0];
    assert.ok(firstJson);
    firstJson.dataCategories.length = 0;
    firstJson.controller.name = "changed";
    assert.notEqual(record.entries[0]?.dataCategories.length, 0);
    assert.equal(record.entries[0]?.controller.name, "WITS");
  });
});

describe("art30Labels", () => {
  it("has every column header, legal basis and yes/no in nl, en and fr", () => {
    assert.deepEqual(Object.keys(art30Labels).sort(), [...locales].sort());
    for (const locale of locales) {
      const labels = art30Labels[locale];
      for (const column of art30Columns) assert.ok(labels.columns[column]?.trim(), column);
      for (const basis of legalBases) assert.ok(labels.legalBases[basis]?.trim(), basis);
      for (const word of [labels.title, labels.regulation, labels.yes, labels.no]) {
        assert.ok(word.trim());
      }
      // Distinct headers, so a reader can address columns by name.
      assert.equal(new Set(Object.values(labels.columns)).size, art30Columns.length);
    }
  });
});
