import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SpecialCategoryType } from "./finding.ts";
import { lexiconEntries } from "./lexical-hits.ts";
import { normaliseText } from "./normalise.ts";
import { scanText } from "./scan-text.ts";
import { detectSpecialCategories } from "./special-categories.ts";
import { compileTermMatcher } from "./term-matcher.ts";

function typesIn(text: string): string[] {
  const found = detectSpecialCategories(normaliseText(text)).map((finding) => finding.type);
  return [...new Set(found)].sort();
}

function cue(text: string, type: SpecialCategoryType): string | undefined {
  const finding = scanText(text).find((candidate) => candidate.type === type);
  return finding && text.slice(finding.start, finding.end);
}

/** [text, type, the cue the finding must span] */
const positives: [string, SpecialCategoryType, string][] = [
  // Health.
  ["Ik heb diabetes en mijn laptop is kapot.", "health", "diabetes"],
  ["Mijn vrouw heeft borstkanker, ik werk deze maand van thuis.", "health", "borstkanker"],
  ["Als kankerpatiënt kan ik niet naar kantoor komen.", "health", "kankerpatiënt"],
  ["Ik ben diabetespatiënt en gebruik een app op mijn gsm.", "health", "diabetespatiënt"],
  ["Ik heb geen tijd want ik heb kanker.", "health", "kanker"],
  ["Ik lig in het ziekenhuis tot maandag.", "health", "ziekenhuis"],
  ["'k Ben ziek thuis, kan de technieker later komen?", "health", "ziek"],
  ["Ik ben in de ziekte sinds vorige week.", "health", "ziekte"],
  ["Ik moet morgen naar de kine voor mijn rug.", "health", "kine"],
  ["Mijn collega heeft een burn-out.", "health", "burn-out"],
  ["Mijn vrouw is zwanger, we verhuizen in mei.", "health", "zwanger"],
  ["Ik ben in zwangerschapsverlof tot juni.", "health", "zwangerschapsverlof"],
  ["ZWANGER en moe, bel me liever morgen.", "health", "ZWANGER"],
  ["Ik neem antidepressiva en ben soms traag.", "health", "antidepressiva"],
  ["Ik zit in een rolstoel, kan de technieker aan de achterdeur bellen?", "health", "rolstoel"],
  ["Ik ben niet meer dezelfde sinds mijn chemokuur.", "health", "chemokuur"],
  ["Je suis diabétique et je dois surveiller ma glycémie.", "health", "diabétique"],
  ["Épilepsie depuis l'enfance : les écrans clignotants me gênent.", "health", "Épilepsie"],
  ["J'ai une épilepsie, évitez les écrans clignotants.", "health", "épilepsie"],
  ["Je suis malade depuis lundi, pouvez-vous reporter l'intervention ?", "health", "malade"],
  ["Mon médecin m'a mis en arrêt maladie.", "health", "médecin"],
  ["Je suis enceinte de cinq mois.", "health", "enceinte"],
  ["J'ai un cancer du sein et je suis en chimio.", "health", "cancer du sein"],
  ["Mon mari a fait un AVC la semaine passée.", "health", "AVC"],
  ["Je suis hospitalisée jusqu'à vendredi.", "health", "hospitalisée"],
  ["Klant is zwanger en werkt deeltijds.", "health", "zwanger"],
  ["Ik heb MS en mijn handen trillen.", "health", "heb MS"],
  ["I have diabetes and need help with my glucose app.", "health", "diabetes"],
  ["I was admitted to hospital last week.", "health", "hospital"],
  ["I'm sick today, can we move the call?", "health", "sick"],
  ["My wife is pregnant so I'll be on leave.", "health", "pregnant"],
  ["I had surgery last week and can't come in.", "health", "surgery"],
  ["My therapist says I should take more breaks.", "health", "therapist"],
  ["I'm HIV positive and worried about my medical files.", "health", "HIV"],
  // Religion.
  ["Ik ben moslim en vast tijdens de ramadan.", "religion", "moslim"],
  ["Ik ga elke zondag naar de kerk, bel liever zaterdag.", "religion", "kerk"],
  ["Ik ben katholiek opgevoed.", "religion", "katholiek"],
  ["Je suis musulmane et je porte le voile.", "religion", "musulmane"],
  ["Je suis catholique pratiquant.", "religion", "catholique"],
  ["I'm Jewish, so no appointments on Saturday please.", "religion", "Jewish"],
  ["I'm a Christian and go to church on Sunday.", "religion", "Christian"],
  // Political opinion.
  ["Ik stem op de N-VA.", "political_opinion", "N-VA"],
  ["Ik ben lid van Vooruit.", "political_opinion", "Vooruit"],
  ["Ik stem al jaren op Groen.", "political_opinion", "Groen"],
  ["Je vote Ecolo depuis toujours.", "political_opinion", "Ecolo"],
  ["Je suis militant du PTB.", "political_opinion", "PTB"],
  ["I vote Labour.", "political_opinion", "Labour"],
  [
    "Ik wil mijn politieke overtuiging niet op Facebook zien.",
    "political_opinion",
    "politieke overtuiging",
  ],
  // Trade union.
  ["Ik ben lid van de vakbond.", "trade_union", "lid van de vakbond"],
  ["Ik ben vakbondsafgevaardigde bij ons op het werk.", "trade_union", "vakbondsafgevaardigde"],
  ["Ik ben lid van het ABVV.", "trade_union", "ABVV"],
  ["Je suis affilié à la FGTB.", "trade_union", "affilié à la FGTB"],
  ["Je suis délégué syndical.", "trade_union", "délégué syndical"],
  ["I'm a union member and we strike on Monday.", "trade_union", "union member"],
  // Ethnic origin.
  ["Ik ben van Marokkaanse afkomst.", "ethnic_origin", "Marokkaanse afkomst"],
  ["Je suis d'origine congolaise.", "ethnic_origin", "origine congolaise"],
  ["I'm of Moroccan descent.", "ethnic_origin", "Moroccan descent"],
  ["Mijn ouders komen uit Turkije.", "ethnic_origin", "komen uit Turkije"],
  ["Ze discrimineren me om mijn huidskleur.", "ethnic_origin", "huidskleur"],
  ["On me juge à cause de ma couleur de peau.", "ethnic_origin", "couleur de peau"],
  // Sex life or orientation.
  ["Ik ben homoseksueel en mijn partner krijgt ook een account.", "sex_life", "homoseksueel"],
  ["Ik ben lesbisch.", "sex_life", "lesbisch"],
  ["Je suis gay et mon mari utilise aussi le compte.", "sex_life", "gay"],
  ["I'm gay and my husband will use the account too.", "sex_life", "gay"],
  ["I'm transgender and my name changed, please update my account.", "sex_life", "transgender"],
  ["Mon coming-out s'est bien passé.", "sex_life", "coming-out"],
  // Genetic.
  ["Ik heb een DNA-test laten doen, de resultaten staan op mijn pc.", "genetic", "DNA-test"],
  ["Ik heb een erfelijke aandoening.", "genetic", "erfelijke aandoening"],
  ["J'ai fait un test génétique.", "genetic", "test génétique"],
  ["I carry the BRCA1 mutation.", "genetic", "BRCA1"],
  // Biometric.
  ["Ik heb mijn vingerafdruk doorgestuurd naar de verkeerde persoon.", "biometric", "vingerafdruk"],
  ["Jullie mogen mijn vingerafdrukgegevens niet bewaren.", "biometric", "vingerafdrukgegevens"],
  ["Mes empreintes digitales ont été envoyées par erreur.", "biometric", "empreintes digitales"],
  ["I sent my fingerprint data to the wrong address.", "biometric", "fingerprint data"],
  ["Vous avez mes données biométriques ?", "biometric", "données biométriques"],
  // Conditions, impairments, treatments and pregnancy.
  ["Ik ben slechthorend en volg vergaderingen met ondertitels.", "health", "slechthorend"],
  ["Weet dat ik slechtziend ben, maak de knoppen groter.", "health", "slechtziend"],
  ["Je suis malvoyante, agrandissez la police svp.", "health", "malvoyante"],
  ["I'm visually impaired and use a magnifier.", "health", "visually impaired"],
  ["Ons zoontje heeft taaislijmziekte en ik blijf vaak thuis.", "health", "taaislijmziekte"],
  ["Ik ben in behandeling voor een angststoornis.", "health", "ben in behandeling"],
  ["I tested positive for covid and stay home.", "health", "tested positive"],
  ["Mijn dochter heeft de mazelen, ik werk van thuis.", "health", "mazelen"],
  // Genetic findings are health too; ancestry results are origin too.
  ["Ik heb een erfelijke aanleg voor darmkanker.", "health", "erfelijke aanleg"],
  ["Ik heb een erfelijke aanleg voor darmkanker.", "genetic", "erfelijke aanleg"],
  ["Mijn zus is draagster van een genmutatie.", "health", "genmutatie"],
  ["J'ai une hémochromatose héréditaire.", "genetic", "héréditaire"],
  ["The genetic test showed my son has a rare disease.", "health", "genetic test"],
  ["My DNA ancestry kit says I'm 40% Italian and 20% Nigerian.", "ethnic_origin", "DNA ancestry"],
  ["Mon test ADN d'origines parle d'ancêtres berbères.", "genetic", "test ADN"],
  ["Mon test ADN d'origines parle d'ancêtres berbères.", "ethnic_origin", "test ADN d'origines"],
  // Same-sex couples.
  ["Mijn vriend en ik (twee mannen) willen een gedeelde agenda.", "sex_life", "twee mannen"],
  ["Ik ben een vrouw en mijn vrouw beheert de facturen.", "sex_life", "Ik ben een vrouw"],
  ["Je suis un homme, mon mari et moi partageons le compte.", "sex_life", "Je suis un homme"],
  ["As a woman, my wife and I share one login.", "sex_life", "As a woman"],
  ["Nous sommes deux femmes mariées depuis 2019.", "sex_life", "deux femmes"],
  // Biometric data about people, also with an access system in view.
  [
    "Here is the biometric template of my face for the door system.",
    "biometric",
    "biometric template",
  ],
  ["Voici mon profil biométrique pour le nouveau badge.", "biometric", "profil biométrique"],
  [
    "In bijlage de vingerafdrukken van onze chauffeurs voor de nieuwe lezer.",
    "biometric",
    "vingerafdrukken",
  ],
  // Ideologies as the writer's stance.
  ["Als overtuigd liberaal wil ik geen nieuwsbrief van jullie.", "political_opinion", "liberaal"],
  ["En tant que communiste, je trouve votre article choquant.", "political_opinion", "communiste"],
  ["I'm a feminist activist and run a small blog.", "political_opinion", "feminist"],
  ["Ik heb altijd op Groen gestemd.", "political_opinion", "Groen"],
  ["Ik ben gemeenteraadslid voor CD&V in Aalst.", "political_opinion", "CD&V"],
  // Peoples, skin colour and family origin.
  ["I'm a Kurd and moved here last year.", "ethnic_origin", "Kurd"],
  ["Als zwarte vrouw krijg ik vaak vreemde vragen.", "ethnic_origin", "zwarte vrouw"],
  ["En tant que femme noire, je suis souvent contrôlée.", "ethnic_origin", "femme noire"],
  ["My roots are in Ghana.", "ethnic_origin", "roots are"],
  ["Ik ben van Turkse herkomst.", "ethnic_origin", "Turkse herkomst"],
  // Religious practice and feasts.
  ["Ik neem vrijaf voor Jom Kipoer.", "religion", "Jom Kipoer"],
  ["For Diwali I'll be away with my family.", "religion", "Diwali"],
  ["Je porte le voile, la photo du badge doit le montrer.", "religion", "porte le voile"],
  ["For religious reasons I only take calls on weekdays.", "religion", "religious reasons"],
];

const negatives: string[] = [
  // Idioms and swearing.
  "Ik ben ziek van die printer.",
  "Ik word er ziek van, die update faalt alweer.",
  "Ik ben het beu, ziek van het wachten op de technieker.",
  "Da's om zot van te worden met die printer.",
  "Die kankerprinter doet het weer niet!",
  "Kanker op met die update.",
  "Krijg de kanker, weer een blauw scherm.",
  "Godverdomme, weer die printer.",
  "Oh mijn god, het werkt eindelijk!",
  "Godsamme, wat een trage pc.",
  "Jezus, wat een gedoe.",
  "Ça me rend malade, cette imprimante.",
  "J'en suis malade de ce réseau.",
  "Mon Dieu, quel désastre ce Wi-Fi.",
  "Nom de Dieu, encore un écran bleu.",
  "I'm sick and tired of this printer.",
  "I'm sick of waiting for the technician.",
  "This update is killing me.",
  "I'm dying to see the new laptops.",
  "Oh my god, thank God it finally works.",
  "That race condition crashed the server again.",
  // Negation.
  "Ik heb geen diabetes, dat was een tikfout.",
  "Ik ben niet zwanger hoor.",
  "Je ne suis pas malade, juste en congé.",
  "I'm not pregnant, that was a typo.",
  "I don't have diabetes.",
  "We vragen nooit naar uw politieke overtuiging.",
  // Business context.
  "We are a hospital and need 20 laptops.",
  "Nous sommes un hôpital et avons besoin de 30 ordinateurs.",
  "De kerk in ons dorp heeft wifi nodig.",
  "Onze klant is een vakbond.",
  "Het ACV heeft een nieuwe printer nodig.",
  "Ik wil een offerte voor het ziekenhuis in Gent.",
  "Ik werk in het ziekenhuis en mijn badge werkt niet.",
  "Het netwerk van het ziekenhuis ligt plat.",
  "Ik ben huisarts en mijn printer werkt niet.",
  "Je suis kiné et j'ai besoin d'un logiciel de facturation.",
  "L'école catholique du quartier veut un devis.",
  "Notre client est un syndicat.",
  "Een Franse klant belde over zijn factuur.",
  "A German supplier sent the invoice.",
  "L'origine du problème est le routeur.",
  "De onderdelen komen uit China.",
  "I got a call from India about my PC.",
  "My background in IT helps.",
  "I'm in a race against the deadline.",
  "Het zit in ons DNA om klanten goed te helpen.",
  "De Vlaamse Diabetes Liga heeft een nieuwe website nodig.",
  "Wij maken een app voor diabetespatiënten.",
  "The Epilepsy Foundation wants a new website.",
  "Ik ben ziekenhuisapotheker en bestel een laptop.",
  "Kunnen jullie MS Teams opnieuw installeren?",
  "Our privacy statement mentions biometric data and genetic data.",
  "Ik kreeg bijna een hartaanval toen ik de factuur zag.",
  "Groen licht voor de installatie!",
  "Vooruit, laten we beginnen.",
  "PS: de factuur zit in bijlage.",
  "Mr. Peeters belt morgen terug.",
  "Le MR a gagné les élections.",
  // Devices.
  "The fingerprint reader on my laptop does not work.",
  "De vingerafdruklezer van mijn laptop werkt niet meer.",
  "Mijn vingerafdruk wordt niet herkend door Windows Hello.",
  "Facial recognition login on Windows Hello is a great feature.",
  "Le lecteur d'empreintes digitales de mon portable ne fonctionne plus.",
  "Mon enceinte Bluetooth ne se connecte plus.",
  // Relationships say nothing by themselves.
  "Mijn vriend en ik willen samen een abonnement.",
  "Mijn man en ik hebben een nieuwe laptop nodig.",
  "That's so gay lol.",
  // Questions and suppositions are no disclosure.
  "Uw vragenlijst vraagt of ik astma heb, maar dat veld is verplicht.",
  "The form asks me whether I'm pregnant before I can continue.",
  "On me demande si j'ai le diabète, pourquoi ?",
  "Ils veulent savoir si je suis enceinte.",
  "Als ik ooit zwanger word, kan ik dan mijn abonnement pauzeren?",
  // Card codes, adjectives, and IT words that look like categories.
  "Waar vind ik de CSC-code op mijn kaart?",
  "Le code CSC de ma nouvelle carte est refusé.",
  "We have a liberal refund policy.",
  "I'm conservative with software updates.",
  "Socialist wins vote, says the headline; my RSS reader crashes on it.",
  "Mijn scherm is zwart.",
  "I scan my invoices every week.",
  "Ik heb contact opgenomen met jullie dienst.",
  "Mon traitement de texte plante.",
  "Mijn aanvraag is nog in behandeling.",
  "We sell alcoholic drinks in our webshop.",
  "I'm addicted to your app.",
  "Please check the SSH key fingerprint attached.",
  "Mijn antivirus zet bestanden in quarantaine.",
  "Ma foi, ça marche enfin.",
  "Notre site doit être accessible aux malvoyants.",
  // A partner alone, or a partner of the other sex, says nothing.
  "Je suis une femme et mon mari utilise le compte.",
  "We zijn twee mannen van de technische dienst.",
  // Devices still explain the weak words away.
  "Mijn vingerafdruk werkt niet meer op mijn laptop.",
];

describe("detectSpecialCategories", () => {
  for (const [text, type, expected] of positives) {
    it(`${type}: ${text}`, () => {
      assert.ok(typesIn(text).includes(type), `no ${type} in ${JSON.stringify(text)}`);
      assert.equal(cue(text, type), expected);
    });
  }

  for (const text of negatives) {
    it(`nothing in: ${text}`, () => {
      assert.deepEqual(typesIn(text), []);
    });
  }

  it("folds case and accents: epilepsie, Épilepsie and EPILEPSIE are the same cue", () => {
    for (const text of ["epilepsie", "Épilepsie", "EPILEPSIE", "épilepsie"]) {
      assert.deepEqual(typesIn(`${text} sinds mijn jeugd`), ["health"], text);
    }
  });

  it("maps the span back through folding", () => {
    const text = "Ça va : mon médecin dit que c’est une épilepsie.";
    const spans = scanText(text).map((finding) => text.slice(finding.start, finding.end));
    assert.deepEqual(spans, ["médecin", "épilepsie"]);
  });

  it("quotes the cue word, never the sentence", () => {
    const [finding] = detectSpecialCategories(normaliseText("Ik heb diabetes type 1."));
    assert.deepEqual(finding?.params, { term: "diabetes" });
    assert.equal(finding?.reason, "health_term_personal");
  });

  it("rates a diagnosis in the first person above one without a person", () => {
    const [personal] = detectSpecialCategories(normaliseText("Ik heb diabetes."));
    const [bare] = detectSpecialCategories(normaliseText("Diabetes type 1."));
    assert.ok((personal?.confidence ?? 0) > (bare?.confidence ?? 1));
  });

  it("reads a paternity test as genetic data, not health", () => {
    assert.deepEqual(typesIn("My DNA test confirmed he is the father."), ["genetic"]);
  });

  it("reports a hereditary disease as genetic and health data", () => {
    assert.deepEqual(typesIn("I have a hereditary disease."), ["genetic", "health"]);
  });

  it("keeps all findings of a long text in reading order", () => {
    const text = "Ik heb diabetes. Ik stem op Groen. Ik ben lid van de vakbond.";
    const types = scanText(text).map((finding) => finding.type);
    assert.deepEqual(types, ["health", "political_opinion", "trade_union"]);
  });
});

describe("the lexicon automaton", () => {
  it("finds exactly what modern-ahocorasick's own search() finds", () => {
    const entries = lexiconEntries();
    const dense = compileTermMatcher(entries);
    const packaged = compileTermMatcher(entries, { packageSearch: true });
    const texts = [
      "Ik heb diabetes en borstkanker; 'k ben 14 jaar en zit in het 3de middelbaar.",
      "J'ai 14 ans, je suis enceinte 🤰 et mon médecin dit : épilepsie. Coût : 15 €.",
      "I'm gay, I vote Labour and my fingerprint data was sent. ß ø 😀 end",
    ];
    for (const text of texts) {
      const folded = normaliseText(text).folded;
      const collect = (matcher: typeof dense) => {
        const hits: string[] = [];
        matcher.forEachHit(folded, (entry, start, end) => {
          hits.push(`${start}-${end}-${entries.findIndex((e) => e.entry === entry)}`);
        });
        return hits.sort();
      };
      assert.deepEqual(collect(dense), collect(packaged), text);
    }
  });
});
