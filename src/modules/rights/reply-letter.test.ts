import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import * as mupdf from "mupdf";
import { locales } from "../../core/i18n/index.ts";
import type { DataMap } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { renderReplyLetterPdf } from "./reply-letter.pdf.ts";
import { composeReplyLetter, type LetterFacts } from "./reply-letter.ts";

const staffId = "00000000-0000-4000-8000-0000000000aa";

/** A request for erasure, access and an objection to invoicing, all executed. */
function executedFacts(locale: LetterFacts["locale"]): LetterFacts {
  return {
    locale,
    reference: "R-7KQ2ZD",
    receivedAt: new Date("2026-03-02T10:00:00Z"),
    answeredAt: new Date("2026-03-20T15:00:00Z"),
    rights: [
      { kind: "access" },
      { kind: "erasure" },
      { kind: "objection", purpose: "orders" },
      { kind: "rectification" },
    ],
    recipientName: null,
    rectifications: [
      {
        recordType: "contact.request",
        recordId: "11111111-1111-4111-8111-111111111111",
        column: "name_ciphertext",
        before: "Jan Peeters",
        after: "Jan Peters",
      },
    ],
    outcome: [
      {
        right: "access",
        executedAt: "2026-03-10T09:00:00.000Z",
        staffId,
        results: [{ recordType: "contact.request", action: "exported", count: 2 }],
        packageId: "22222222-2222-4222-8222-222222222222",
        packageExpiresAt: "2026-03-17T09:00:00.000Z",
      },
      {
        right: "rectification",
        executedAt: "2026-03-10T09:05:00.000Z",
        staffId,
        results: [{ recordType: "contact.request", action: "rectified", count: 1 }],
        rectified: [
          {
            recordType: "contact.request",
            recordId: "11111111-1111-4111-8111-111111111111",
            column: "name_ciphertext",
          },
        ],
      },
      {
        right: "erasure",
        executedAt: "2026-03-18T09:00:00.000Z",
        staffId,
        results: [
          { recordType: "contact.request", action: "erased", count: 2 },
          {
            recordType: "orders.invoice",
            action: "kept",
            count: 1,
            keptBecause: "legal_obligation",
            until: "2033-02-01T00:00:00.000Z",
            reference: "BTW-Wetboek, art. 60",
          },
          { recordType: "orders.invoice", action: "restricted", count: 1 },
        ],
      },
      {
        right: "objection",
        purpose: "orders",
        executedAt: "2026-03-18T09:01:00.000Z",
        staffId,
        results: [],
      },
    ],
  };
}

describe("the reply letter", () => {
  let policy: Policy;
  let dataMap: DataMap;

  before(async () => {
    ({ policy } = await loadActivePolicy(undefined));
    dataMap = createDataMap(() => policy);
  });

  for (const locale of locales) {
    it(`in ${locale}: says how to complain, how long the proof is kept, and what was kept until when`, () => {
      const letter = composeReplyLetter(executedFacts(locale), { policy, dataMap });
      const authority = policy.organisation.supervisoryAuthority;
      for (const line of [
        authority.name[locale],
        authority.address,
        authority.url,
        authority.email ?? "",
        policy.rights.proofRetention.text[locale],
        "R-7KQ2ZD",
        "BTW-Wetboek, art. 60",
        policy.organisation.privacyEmail,
      ]) {
        assert.ok(letter.includes(line), `${locale} letter names ${line}`);
      }
      assert.match(letter, /2033/);
      assert.match(letter, /Jan Peeters.+Jan Peters/);
      assert.doesNotMatch(letter, /\{\w+\}/, "every placeholder is filled");
    });
  }

  it("writes the Dutch letter in words a person reads", () => {
    const letter = composeReplyLetter(executedFacts("nl"), { policy, dataMap });
    assert.match(letter, /^Referentie: R-7KQ2ZD\nDatum: 20 maart 2026\n/);
    assert.match(letter, /Op 2 maart 2026 ontvingen we je verzoek/);
    assert.match(letter, /Je vroeg: inzage, verwijdering, bezwaar, correctie\./);
    assert.match(letter, /- Verwijderd: contactaanvraag \(2\)\./);
    assert.match(
      letter,
      /- Bewaard: factuur of creditnota \(1\)\. De wet verplicht ons deze gegevens te bewaren tot 1 februari 2033 \(BTW-Wetboek, art\. 60\)/,
    );
    assert.match(
      letter,
      /De downloadlink hebben we je op 10 maart 2026 apart gemaild; hij werkt tot 17 maart 2026\./,
    );
    assert.match(
      letter,
      /Met de verwijdering van je gegevens op 18 maart 2026 is ook het downloadpakket verwijderd\./,
    );
    assert.match(letter, /contactaanvraag, naam: "Jan Peeters" werd "Jan Peters"\./);
    assert.match(
      letter,
      /Bestellingen\)?:?.*\n- .*steunt niet op ons gerechtvaardigd belang maar op een wettelijke verplichting/i,
    );
  });

  it("says a step is still to do in a preview, and an erased value is no longer shown", () => {
    const facts = executedFacts("en");
    const preview = composeReplyLetter(
      {
        ...facts,
        outcome: facts.outcome.filter((done) => done.right !== "erasure"),
        rectifications: [],
      },
      { policy, dataMap },
    );
    assert.match(preview, /Erasure of your data:\n- This step has not been carried out yet\./);
    assert.match(preview, /contact request, name: changed \(the values have since been erased\)\./);
  });

  it("prints the letter on the organisation's letterhead as an A4 PDF", async () => {
    const text = composeReplyLetter(executedFacts("fr"), { policy, dataMap });
    const pdf = await renderReplyLetterPdf({
      text,
      locale: "fr",
      reference: "R-7KQ2ZD",
      organisation: policy.organisation,
      answeredAt: new Date("2026-03-20T15:00:00Z"),
    });
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    const document = mupdf.Document.openDocument(pdf, "application/pdf");
    const [width, height] = document.loadPage(0).getBounds().slice(2);
    assert.equal(Math.round(width ?? 0), 595, "A4 wide");
    assert.equal(Math.round(height ?? 0), 842, "A4 high");
    let all = "";
    for (let index = 0; index < document.countPages(); index++) {
      all += document.loadPage(index).toStructuredText("preserve-whitespace").asText();
    }
    const words = all.replace(/\s+/g, " ");
    assert.match(words, /WITS BV/);
    assert.match(words, /Voorbeeldstraat 1 9000 Gent/);
    assert.match(words, /Numéro d'entreprise BE 0123\.456\.749/);
    assert.match(words, /Autorité de protection des données/);
    assert.match(words, /Page 1 sur \d/);
  });
});
