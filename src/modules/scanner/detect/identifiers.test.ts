import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Finding } from "./finding.ts";
import { detectIdentifiers } from "./identifiers.ts";
import { normaliseText } from "./normalise.ts";
import { scanText } from "./scan-text.ts";

// Numbers are built here from their published rules, independently of the detector's code.

function mod97(digits: string): number {
  return Number(BigInt(digits) % 97n);
}

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}

/** YYMMDD + serial + 97 − (first nine mod 97), with a 2 in front for births from 2000. */
function nationalNumber(birth: string, serial: string, bornFrom2000 = false): string {
  const body = birth + serial;
  return body + twoDigits(97 - mod97(bornFrom2000 ? `2${body}` : body));
}

/** eID card, structured communication and old account number: ten digits + (mod 97 or 97). */
function mod97Pair(first10: string): string {
  const remainder = mod97(first10);
  return first10 + twoDigits(remainder === 0 ? 97 : remainder);
}

/** Letters count as 10–35; country and check digits move to the end. */
function ibanWith(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (letter) =>
    String(letter.charCodeAt(0) - 55),
  );
  return `${country}${twoDigits(98 - mod97(rearranged))}${bban}`;
}

function belgianIban(bankAndAccount: string): string {
  return ibanWith("BE", mod97Pair(bankAndAccount));
}

/** Belgian company (VAT) number: eight digits + 97 − (those mod 97). */
function companyNumber(first8: string): string {
  return first8 + twoDigits(97 - mod97(first8));
}

function luhn(partial: string): string {
  let sum = 0;
  for (let index = 0; index < partial.length; index += 1) {
    let digit = Number(partial[partial.length - 1 - index]);
    if (index % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return partial + String((10 - (sum % 10)) % 10);
}

function grouped(digits: string, sizes: number[], separators: string | string[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  const between = typeof separators === "string" ? parts.map(() => separators) : separators;
  return parts.reduce((text, part, index) => text + (index === 0 ? "" : between[index - 1]) + part);
}

function fullWidth(digits: string): string {
  return digits.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
}

function wrongLastDigit(digits: string): string {
  const last = Number(digits.at(-1));
  return digits.slice(0, -1) + String((last + 1) % 10);
}

function find(text: string): Finding[] {
  return detectIdentifiers(normaliseText(text));
}

/** The one finding in `text`, of `type`, covering exactly `value`. */
function expectOne(text: string, type: Finding["type"], value: string): Finding {
  const findings = find(text);
  assert.equal(findings.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(findings)}`);
  const [finding] = findings as [Finding];
  assert.equal(finding.type, type, text);
  assert.equal(text.slice(finding.start, finding.end), value, text);
  assert.ok(!JSON.stringify(finding.params ?? {}).includes(value), "the value stays out of params");
  return finding;
}

function expectNone(text: string): void {
  assert.deepEqual(find(text), [], text);
}

const dutchNumber = nationalNumber("850730", "033");

describe("national register number", () => {
  it("is built the way the register builds it", () => {
    assert.equal(dutchNumber, "85073003328");
    assert.equal(companyNumber("04030192"), "0403019261");
  });

  it("is found with its label in Dutch, French and English", () => {
    const nl = expectOne(
      `Mijn rijksregisternummer is ${dutchNumber}.`,
      "national_number",
      dutchNumber,
    );
    assert.equal(nl.reason, "national_number_label");
    assert.deepEqual(nl.params, { label: "rijksregisternummer" });
    assert.ok(nl.confidence >= 0.95);

    const french = grouped(dutchNumber, [2, 2, 2, 3, 2], [".", ".", "-", "."]);
    const fr = expectOne(
      `Voici mon numéro de registre national : ${french}, merci.`,
      "national_number",
      french,
    );
    assert.deepEqual(fr.params, { label: "numéro de registre national" });

    const english = grouped(dutchNumber, [6, 3, 2], "-");
    const en = expectOne(`My national number is ${english}`, "national_number", english);
    assert.equal(en.reason, "national_number_label");
  });

  it("accepts each written format without a label, at a lower confidence", () => {
    const formats = [
      dutchNumber,
      grouped(dutchNumber, [2, 2, 2, 3, 2], "."),
      grouped(dutchNumber, [2, 2, 2, 3, 2], " "),
      grouped(dutchNumber, [2, 2, 2, 3, 2], "-"),
      grouped(dutchNumber, [2, 2, 2, 3, 2], "/"),
      grouped(dutchNumber, [2, 2, 2, 3, 2], [".", "/", " ", "-"]),
      grouped(dutchNumber, [6, 3, 2], "-"),
      grouped(dutchNumber, [6, 3, 2], " "),
      grouped(dutchNumber, [6, 3, 2], "."),
    ];
    for (const written of formats) {
      const finding = expectOne(`Hier is het: ${written} graag`, "national_number", written);
      assert.equal(finding.reason, "national_number_checksum");
      assert.ok(finding.confidence >= 0.85 && finding.confidence < 0.95, written);
    }
  });

  it("knows people born from 2000 on", () => {
    const young = nationalNumber("050312", "123", true);
    assert.notEqual(young, nationalNumber("050312", "123"), "the two checks differ");
    expectOne(`INSZ van mijn dochter: ${young}`, "national_number", young);
  });

  it("allows an unknown birth date (month and day 00)", () => {
    const unknown = nationalNumber("400000", "157");
    expectOne(`nationaal nummer ${unknown}`, "national_number", unknown);
  });

  it("takes each label word as a label", () => {
    const labels = [
      "Rijksregister",
      "RRN",
      "INSZ-nummer",
      "nationaal nummer",
      "identificatienummer",
      "Numéro national",
      "NISS",
      "NN",
      "national register number",
      "social security number",
    ];
    for (const label of labels) {
      const finding = expectOne(`${label}: ${dutchNumber}`, "national_number", dutchNumber);
      assert.equal(finding.confidence, 0.99, label);
      assert.deepEqual(finding.params, { label }, label);
    }
  });

  it("finds the number at the very start and end, in parentheses, and before a full stop", () => {
    expectOne(`${dutchNumber} is mijn nummer`, "national_number", dutchNumber);
    expectOne(`mijn nummer is ${dutchNumber}`, "national_number", dutchNumber);
    expectOne(`(rijksregisternummer ${dutchNumber})`, "national_number", dutchNumber);
    expectOne(`Numéro: ${dutchNumber}.`, "national_number", dutchNumber);
    expectOne(`Lijn één\n${dutchNumber}\nLijn drie`, "national_number", dutchNumber);
  });

  it("maps full-width digits and no-break spaces back to what was typed", () => {
    const wide = fullWidth(dutchNumber);
    expectOne(`rijksregisternummer ${wide}`, "national_number", wide);
    const withNbsp = grouped(dutchNumber, [2, 2, 2, 3, 2], "\u00a0");
    expectOne(`RRN ${withNbsp} graag`, "national_number", withNbsp);
    const accented = `Numéro NISS (déjà donné) : ${grouped(dutchNumber, [6, 3, 2], "\u2011")}`;
    const finding = expectOne(
      accented,
      "national_number",
      grouped(dutchNumber, [6, 3, 2], "\u2011"),
    );
    assert.equal(finding.end, accented.length);
  });

  it("lowers the confidence of a bare run right after an invoice or order label", () => {
    for (const label of ["factuur", "Factuurnummer:", "commande n°", "Invoice", "order nr."]) {
      const finding = expectOne(`${label} ${dutchNumber}`, "national_number", dutchNumber);
      assert.equal(finding.confidence, 0.6, label);
      assert.equal(finding.reason, "national_number_reference");
    }
    const grouped232 = grouped(dutchNumber, [2, 2, 2, 3, 2], ".");
    const grouping = expectOne(`factuur ${grouped232}`, "national_number", grouped232);
    assert.equal(grouping.confidence, 0.9, "the register's own grouping says enough");
  });

  it("refuses a failed checksum, an impossible month or day, and wrong lengths", () => {
    expectNone(`rijksregisternummer ${wrongLastDigit(dutchNumber)}`);
    expectNone(`RRN ${grouped(wrongLastDigit(dutchNumber), [2, 2, 2, 3, 2], ".")}`);
    expectNone(`rijksregisternummer ${nationalNumber("851330", "033")}`);
    expectNone(`rijksregisternummer ${nationalNumber("856130", "033")}`);
    expectNone(`rijksregisternummer ${nationalNumber("850732", "033")}`);
    expectNone(`rijksregisternummer ${dutchNumber.slice(0, 10)}`);
  });

  it("refuses a valid number glued into a longer run", () => {
    expectNone(`nummer 1${dutchNumber}`);
    expectNone(`nummer ${dutchNumber}7`);
    expectNone(`code AB${dutchNumber}`);
    expectNone(`code ${dutchNumber}xyz`);
    expectNone(`12 ${grouped(dutchNumber, [2, 2, 2, 3, 2], " ")}`);
    expectNone(`${grouped(dutchNumber, [2, 2, 2, 3, 2], ".")}.45`);
  });

  it("is still found right before a phone number or a second number in a list", () => {
    expectOne(`RRN ${dutchNumber} 0470 12 34 56`, "national_number", dutchNumber);
    const dotted = grouped(dutchNumber, [2, 2, 2, 3, 2], ".");
    expectOne(`RRN ${dotted} 0470/12.34.56`, "national_number", dotted);
    const young = nationalNumber("050312", "123", true);
    assert.equal(find(`INSZ: ${dutchNumber} / ${young}`).length, 2);
  });

  it("never takes a phone number", () => {
    for (const phone of [
      "+32 470 12 34 56",
      "0470/12.34.56",
      "0032 2 345 67 89",
      "+32 2 345 67 89",
      "0470 12 34 56",
      "06 12 34 56 78",
      `+${dutchNumber}`,
      `+ ${dutchNumber}`,
      `00${dutchNumber}`,
      `0032 ${dutchNumber}`,
      `+32 ${grouped(dutchNumber, [2, 2, 2, 3, 2], " ")}`,
    ]) {
      expectNone(`Bel me op ${phone} aub`);
    }
    expectNone(`gsm: ${dutchNumber}`);
  });

  it("never takes a company number or a structured communication", () => {
    const vat = companyNumber("04030192");
    expectNone(`BTW BE${vat}`);
    expectNone(`TVA BE ${grouped(vat, [4, 3, 3], ".")}`);
    expectNone(`ondernemingsnummer ${grouped(vat, [4, 3, 3], ".")}`);
    const communication = mod97Pair("0909337554");
    expectNone(`+++${grouped(communication, [3, 4, 5], "/")}+++`);
    expectNone(`***${grouped(communication, [3, 4, 5], "/")}***`);
    expectNone(`mededeling +++${dutchNumber}+++`);
    expectNone(`++${grouped(communication, [3, 4, 5], "/")}++`);
  });

  it("is not mistaken for a wrapped communication because of a lone plus sign", () => {
    expectOne(`RRN ${dutchNumber} + kopie van de kaart`, "national_number", dutchNumber);
  });
});

describe("BIS number", () => {
  it("is a register number with 20 or 40 added to the month", () => {
    const plus20 = nationalNumber("852730", "033");
    const bis = expectOne(`Mijn BIS-nummer: ${plus20}`, "bis_number", plus20);
    assert.equal(bis.reason, "bis_number_label");
    const plus40 = grouped(nationalNumber("904715", "221"), [2, 2, 2, 3, 2], ".");
    expectOne(`numéro bis ${plus40}`, "bis_number", plus40);
    const unknownMonth = nationalNumber("912000", "345");
    const bare = expectOne(`BIS number ${unknownMonth}.`, "bis_number", unknownMonth);
    assert.equal(bare.confidence, 0.99);
    const noLabel = expectOne(
      `hier: ${nationalNumber("014101", "018", true)}`,
      "bis_number",
      nationalNumber("014101", "018", true),
    );
    assert.equal(noLabel.reason, "bis_number_checksum");
  });

  it("refuses a failed checksum and months beyond the BIS ranges", () => {
    expectNone(`BIS-nummer ${wrongLastDigit(nationalNumber("852730", "033"))}`);
    expectNone(`BIS-nummer ${nationalNumber("853330", "033")}`);
    expectNone(`BIS-nummer ${nationalNumber("855330", "033")}`);
  });
});

describe("eID card number", () => {
  const card = mod97Pair("5921234567");
  const dashed = grouped(card, [3, 7, 2], "-");

  it("is found in its printed 3-7-2 form, with or without a label", () => {
    const bare = expectOne(`Het nummer is ${dashed}.`, "eid_card", dashed);
    assert.equal(bare.reason, "eid_card_grouped");
    assert.equal(bare.confidence, 0.9);
    const dotted = grouped(card, [3, 7, 2], ".");
    const fr = expectOne(`Numéro de carte : ${dotted}`, "eid_card", dotted);
    assert.equal(fr.confidence, 0.99);
    assert.deepEqual(fr.params, { label: "Numéro de carte" });
    const spaced = grouped(card, [3, 7, 2], " ");
    expectOne(`My ID card: ${spaced}`, "eid_card", spaced);
    const nbsp = grouped(card, [3, 7, 2], "\u00a0");
    expectOne(`(kaartnummer ${nbsp})`, "eid_card", nbsp);
    const slashed = grouped(card, [3, 7, 2], "/");
    expectOne(`identiteitskaart nr ${slashed}`, "eid_card", slashed);
  });

  it("takes twelve contiguous digits only with a card label", () => {
    const labels = ["kaartnummer", "identiteitskaart", "eID", "carte d'identité", "ID card"];
    // The card prints "document number" beside it, so people copy that word.
    const printed = [
      "Document no.",
      "documentnummer",
      "numéro de document",
      "card no",
      "ID number",
    ];
    for (const label of [...labels, ...printed]) {
      const finding = expectOne(`${label}: ${card}`, "eid_card", card);
      assert.equal(finding.confidence, 0.95, label);
    }
    expectNone(`nummer ${card}`);
    expectNone(card);
  });

  it("writes 97 for a remainder of 0", () => {
    const first10 = String(97 * 61_000_000 + 97 * 7);
    const zero = mod97Pair(first10);
    assert.equal(zero.slice(10), "97");
    expectOne(`eID ${grouped(zero, [3, 7, 2], "-")}`, "eid_card", grouped(zero, [3, 7, 2], "-"));
  });

  it("is not a structured communication, which passes the same check", () => {
    const communication = mod97Pair("0909337554");
    expectNone(`Gestructureerde mededeling: +++${grouped(communication, [3, 4, 5], "/")}+++`);
    expectNone(`***${grouped(communication, [3, 4, 5], "/")}***`);
    expectNone(`+++${communication}+++`);
    expectNone(`+++ ${grouped(communication, [3, 7, 2], "-")} +++`);
    expectNone(`gestructureerde mededeling ${communication}`);
    expectNone(`communication structurée ${communication}`);
    expectNone(`OGM ${grouped(communication, [3, 7, 2], "-")}`);
    expectNone(`mededeling: ${communication}`);
  });

  it("is not an old-style bank account number, which is also 3-7-2", () => {
    const account = grouped(mod97Pair("5390075470"), [3, 7, 2], "-");
    expectNone(`rekeningnummer ${account}`);
    expectNone(`mon compte ${account}`);
  });

  it("refuses a failed checksum", () => {
    expectNone(`kaartnummer ${grouped(wrongLastDigit(card), [3, 7, 2], "-")}`);
    expectNone(`eID ${wrongLastDigit(card)}`);
  });
});

describe("IBAN", () => {
  const iban = belgianIban("5390075470");
  const spaced = iban.replace(/(.{4})(?=.)/g, "$1 ");

  it("is found with or without spaces, in any case", () => {
    assert.equal(iban, "BE68539007547034");
    const nl = expectOne(`Stort op ${spaced} aub`, "iban", spaced);
    assert.equal(nl.reason, "iban_belgian");
    assert.ok(nl.confidence >= 0.95);
    expectOne(`Mon IBAN: ${iban.toLowerCase()}.`, "iban", iban.toLowerCase());
    expectOne(`(account ${iban})`, "iban", iban);
    expectOne(spaced, "iban", spaced);
    const nbsp = spaced.replaceAll(" ", "\u00a0");
    expectOne(`rekening ${nbsp}, dank`, "iban", nbsp);
  });

  it("wins over the old account number written inside it", () => {
    const mixed = `BE${iban.slice(2, 4)} ${grouped(iban.slice(4), [3, 7, 2], "-")}`;
    expectOne(`rekening ${mixed}`, "iban", mixed);
  });

  it("reports other countries' IBANs a little lower", () => {
    const dutch = ibanWith("NL", "ABNA0417164300");
    const foreign = expectOne(`IBAN ${dutch}`, "iban", dutch);
    assert.equal(foreign.reason, "iban_foreign");
    assert.deepEqual(foreign.params, { country: "NL" });
    assert.ok(foreign.confidence < 0.95);
    const french = ibanWith("FR", "20041010050500013M02606");
    const frenchSpaced = french.replace(/(.{4})(?=.)/g, "$1 ");
    expectOne(`Mon compte ${frenchSpaced}.`, "iban", frenchSpaced);
  });

  it("refuses wrong check digits and a broken Belgian account check", () => {
    expectNone(`rekening ${iban.slice(0, 2)}${Number(iban.slice(2, 4)) + 1}${iban.slice(4)}`);
    expectNone(`rekening ${wrongLastDigit(iban)}`);
    const brokenAccount = ibanWith("BE", wrongLastDigit(mod97Pair("5390075470")));
    expectNone(`rekening ${brokenAccount}`);
  });

  it("refuses an IBAN glued to more letters or digits, or cut short", () => {
    expectNone(`ref X${iban}`);
    expectNone(`ref ${iban}7`);
    expectNone(`ref ${iban.slice(0, -1)}`);
  });
});

describe("payment card", () => {
  const visa = luhn("411111111111111");
  const mastercard = luhn("555555555555444");
  const amex = luhn("37828224631000");
  const bancontact = luhn("6703000000000000");
  const visa19 = luhn("454545454545454545");

  it("is found in the usual groupings", () => {
    const cases: Array<[string, number[], string]> = [
      [visa, [4, 4, 4, 4], " "],
      [visa, [4, 4, 4, 4], "-"],
      [visa, [16], ""],
      [mastercard, [4, 4, 4, 4], " "],
      [amex, [4, 6, 5], " "],
      [bancontact, [4, 4, 4, 4, 1], " "],
      [visa19, [4, 4, 4, 4, 3], " "],
    ];
    for (const [digits, sizes, separator] of cases) {
      const written = grouped(digits, sizes, separator);
      const finding = expectOne(`Het nummer ${written} graag`, "payment_card", written);
      assert.equal(finding.reason, "payment_card_checksum");
      assert.equal(finding.confidence, 0.9);
    }
  });

  it("is more certain after a card word, and names the brand", () => {
    const spaced = grouped(visa, [4, 4, 4, 4], " ");
    const nl = expectOne(`Mijn kredietkaart: ${spaced}`, "payment_card", spaced);
    assert.deepEqual(nl.params, { brand: "Visa", label: "kredietkaart" });
    assert.equal(nl.confidence, 0.98);
    const fr = expectOne(
      `carte de crédit ${grouped(amex, [4, 6, 5], " ")}`,
      "payment_card",
      grouped(amex, [4, 6, 5], " "),
    );
    assert.equal(fr.params?.brand, "American Express");
    expectOne(`Card number (Mastercard): ${mastercard}.`, "payment_card", mastercard);
  });

  it("leaves the expiry date and CVV after the number out of the span", () => {
    const spaced = grouped(visa, [4, 4, 4, 4], " ");
    expectOne(`Visa ${spaced} 12/27 cvv 123`, "payment_card", spaced);
    expectOne(`Visa ${spaced} 1227`, "payment_card", spaced);
  });

  it("refuses a failed Luhn check, an unknown brand and short numbers", () => {
    expectNone(`Visa ${grouped(wrongLastDigit(visa), [4, 4, 4, 4], " ")}`);
    expectNone(`kaart ${grouped(luhn("123456789012345"), [4, 4, 4, 4], " ")}`);
    expectNone(`kaart ${luhn("41111111111")}`);
  });

  it("never takes a phone number or the digits of an IBAN", () => {
    expectNone("bel 0032 470 12 34 56 78");
    expectNone(`+${visa}`);
    const iban = belgianIban("0019000000");
    assert.deepEqual(
      find(`rekening ${iban.replace(/(.{4})(?=.)/g, "$1 ")}`).map((finding) => finding.type),
      ["iban"],
    );
  });
});

describe("identifiers through scanText", () => {
  it("reports each identifier of a message in reading order with exact spans", () => {
    const card = grouped(mod97Pair("5921234567"), [3, 7, 2], "-");
    const iban = belgianIban("5390075470");
    const visa = grouped(luhn("411111111111111"), [4, 4, 4, 4], " ");
    const text = `Bonjour, mon NISS est ${dutchNumber}, ma carte ${card}, IBAN ${iban} et Visa ${visa}.`;
    const findings = scanText(text);
    assert.deepEqual(
      findings.map((finding) => [finding.type, text.slice(finding.start, finding.end)]),
      [
        ["national_number", dutchNumber],
        ["eid_card", card],
        ["iban", iban],
        ["payment_card", visa],
      ],
    );
  });

  it("lets the policy's minimum confidence drop a likely invoice number", () => {
    const text = `Factuur ${dutchNumber} is nog niet betaald.`;
    assert.equal(scanText(text).length, 1);
    assert.deepEqual(scanText(text, { minimumConfidence: 0.7 }), []);
  });

  it("finds nothing in ordinary text with ordinary numbers", () => {
    const text =
      "Bestelling 48213 van 12/03/2024, 3 stuks à € 125,40. Bel 0470 12 34 56 of +32 2 345 67 89. " +
      "Commande n° 2024-0153, livraison le 14.05.2024 à 9h30. Order 1234567890 shipped in 2 boxes.";
    assert.deepEqual(scanText(text), []);
  });
});
