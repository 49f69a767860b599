import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectMinors } from "./minors.ts";
import { normaliseText } from "./normalise.ts";
import { scanText } from "./scan-text.ts";

function minors(text: string) {
  return detectMinors(normaliseText(text));
}

function cue(text: string): string | undefined {
  const finding = scanText(text).find((candidate) => candidate.type === "minor");
  return finding && text.slice(finding.start, finding.end);
}

/** [text, the cue the finding must span] */
const statedAges: [string, string][] = [
  ["Hallo, ik ben 15 en mijn laptop doet raar.", "15"],
  ["ik ben 15 jaar", "15 jaar"],
  ["'k Ben 14 jaar oud en ik heb een vraag.", "14 jaar oud"],
  ["Ik ben een 16-jarige scholier.", "16-jarige"],
  ["Ik ben vijftien jaar en wil een gsm-abonnement.", "vijftien jaar"],
  ["Hoi, ik ben Lotte (14) en ik kan niet inloggen.", "14"],
  ["J'ai 14 ans et je n'arrive pas à installer Minecraft.", "14 ans"],
  ["Je suis âgé de 13 ans.", "13 ans"],
  ["I'm 16 and my parents bought this laptop.", "16"],
  ["I am 15 years old.", "15 years old"],
  ["I'm a 14 year old gamer.", "14 year old"],
  ["Leeftijd: 15", "15"],
  ["Ik ben net 16 geworden.", "16"],
  // An age still to come: not 18 yet.
  ["I turn 18 next month and want my own plan.", "18"],
  ["Ik word volgende maand 18, mag ik al een abonnement?", "18"],
  ["J'aurai 18 ans en mars, puis-je ouvrir un compte ?", "18 ans"],
  ["Je vais avoir 16 ans la semaine prochaine.", "16 ans"],
  ["I'll be 18 in June so I need my own login.", "18"],
  ["Ik ben bijna 16 en mijn gsm is kapot.", "16"],
  ["J'ai presque 17 ans.", "17 ans"],
  ["I'm fifteen and my phone broke.", "fifteen"],
];

const schoolYears: [string, string][] = [
  ["Ik zit in het 3de middelbaar en mijn laptop van school is traag.", "3de middelbaar"],
  ["Welke laptop is goed voor het 3de middelbaar?", "3de middelbaar"],
  ["Ik zit in het 5de leerjaar.", "5de leerjaar"],
  ["Ik zit in de eerste graad.", "eerste graad"],
  ["Ik zit nog in het middelbaar.", "middelbaar"],
  ["Je suis en 5e et mon ordinateur plante.", "en 5e"],
  ["Je suis en 4e secondaire.", "en 4e"],
  ["Je suis en rhéto cette année.", "rhéto"],
  ["Je suis au collège à Namur.", "collège"],
  ["I'm in year 9 and need a laptop for school.", "year"],
  ["I'm in 9th grade.", "9th grade"],
  ["I'm in high school and need Office.", "high school"],
  ["I go to middle school.", "middle school"],
  ["Ik zit in 4 aso en heb een laptop nodig.", "4 aso"],
  ["Ik zit in de zesde klas.", "zesde klas"],
  ["Kan ik inloggen met mijn Kids-ID?", "Kids-ID"],
  ["Ik heb een kids id, werkt dat ook?", "kids id"],
  ["Mijn ouders zeggen dat ik mijn huiswerk op de laptop moet maken.", "ouders"],
  ["Mes parents ne veulent pas que je fasse mes devoirs sur la tablette.", "parents"],
  ["My parents said I have to finish my homework first.", "parents"],
];

const notMinors: string[] = [
  "Ik ben 15 jaar klant bij jullie.",
  "Ik ben al 15 jaar klant.",
  "Ik ben al 15 jaar.",
  "Ik werk hier 16 jaar.",
  "J'ai 14 ans d'expérience en informatique.",
  "I'm 16 years into my career.",
  "Mijn laptop is 3 jaar oud.",
  "I have 12 years of experience.",
  "Ik ben 45 en heb een nieuwe laptop nodig.",
  "I'm 15 minutes late for the call.",
  "Ik ben 5 minuten te laat.",
  "Mijn dochter van 12 heeft een laptop nodig.",
  "Mijn dochter zit in het 3de middelbaar en haar laptop is stuk.",
  "Ik ben leerkracht in het 5de leerjaar.",
  "I'm a teacher and my year 9 class needs laptops.",
  "The high school needs 30 laptops.",
  "We leveren laptops voor het middelbaar onderwijs.",
  "Je suis au 5e étage.",
  "I'm in college and need a laptop.",
  "De Kids-ID van mijn zoon werkt niet in de lezer.",
  "Mijn ouders hebben een nieuwe laptop nodig.",
  "Ik ben 17 uur op kantoor.",
  "Ik reis altijd eerste klas met de trein.",
  "Je suis en 2e année de master.",
  "Ik word 40 volgende maand.",
  "I'll be 15 minutes late.",
  "I turn 19 next week.",
  "Ik zit in de derde graad van de opleiding netwerkbeheer.",
];

describe("detectMinors", () => {
  for (const [text, expected] of statedAges) {
    it(`a stated age: ${text}`, () => {
      const [finding] = minors(text);
      assert.equal(finding?.type, "minor");
      assert.equal(finding?.reason.startsWith("minor_age"), true);
      assert.equal(cue(text), expected);
    });
  }

  for (const [text, expected] of schoolYears) {
    it(`a pupil: ${text}`, () => {
      assert.equal(minors(text).length > 0, true, `no minor in ${JSON.stringify(text)}`);
      assert.equal(cue(text), expected);
    });
  }

  for (const text of notMinors) {
    it(`not a minor: ${text}`, () => {
      assert.deepEqual(minors(text), []);
    });
  }

  it("gives the age as a parameter, not the sentence", () => {
    const [finding] = minors("Ik ben 14 jaar.");
    assert.deepEqual(finding?.params, { age: 14 });
    assert.equal(finding?.reason, "minor_age");
  });

  it("is surer under 16 than at 16 or 17, and surer of a school year than of parents", () => {
    const at = (text: string) => minors(text)[0]?.confidence ?? 0;
    assert.ok(at("ik ben 14") > at("ik ben 17"));
    assert.ok(at("Ik zit in het 4de middelbaar.") > at("Mijn ouders en mijn juf zeggen nee."));
  });

  it("never flags an adult age", () => {
    for (const age of [18, 19, 25, 45, 67]) {
      assert.deepEqual(minors(`Ik ben ${age} jaar.`), [], String(age));
      assert.deepEqual(minors(`I'm ${age} years old.`), [], String(age));
    }
  });

  it("works through scanText next to the other detectors", () => {
    const types = scanText("Ik ben 14 en ik heb diabetes.").map((finding) => finding.type);
    assert.deepEqual(types, ["minor", "health"]);
  });
});
