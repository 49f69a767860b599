import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectCredentials } from "./credentials.ts";
import type { Finding } from "./finding.ts";
import { normaliseText } from "./normalise.ts";
import { scanText } from "./scan-text.ts";

function find(text: string): Finding[] {
  return detectCredentials(normaliseText(text));
}

/** The one credential in `text`, covering exactly `secret`; returns it for further checks. */
function expectSecret(text: string, secret: string): Finding {
  const findings = find(text);
  assert.equal(findings.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(findings)}`);
  const [finding] = findings as [Finding];
  assert.equal(finding.type, "credential");
  assert.equal(text.slice(finding.start, finding.end), secret, text);
  assert.ok(
    !JSON.stringify(finding.params ?? {}).includes(secret),
    "the secret stays out of params",
  );
  return finding;
}

function expectNone(text: string): void {
  assert.deepEqual(find(text), [], text);
}

describe("passwords given with a connector", () => {
  it("takes the value after a colon, equals sign or verb in Dutch", () => {
    const cases: Array<[string, string]> = [
      ["Mijn wachtwoord: Zomer2024", "Zomer2024"],
      ["wachtwoord = hunter2", "hunter2"],
      ["Paswoord: kat123.", "kat123"],
      ["passwoord is MijnGeheim", "MijnGeheim"],
      ["mijn ww is Appel!23", "Appel!23"],
      ["Het wachtwoord luidt 'Tulp#9', groetjes", "Tulp#9"],
      ["Het wachtwoord is nu Lente2025.", "Lente2025"],
      ["mijn wachtwoord is gewijzigd naar Welkom01", "Welkom01"],
      ["Wachtwoord (tijdelijk): Xk7!pq", "Xk7!pq"],
      ["het wachtwoord van de wifi is Zonne-2024", "Zonne-2024"],
      ["wifiwachtwoord: zonnebloem12", "zonnebloem12"],
    ];
    for (const [text, secret] of cases) {
      const finding = expectSecret(text, secret);
      assert.ok(finding.confidence >= 0.9, text);
      assert.equal(finding.reason, "credential_password", text);
    }
  });

  it("reads a product name of one or two words between the word and its verb", () => {
    expectSecret("Mon mot de passe Office 365 est Bruxelles_2023 et je", "Bruxelles_2023");
    expectSecret("mijn wachtwoord Microsoft Teams is Lente!2026", "Lente!2026");
    for (const text of [
      "mon mot de passe Office 365 est expiré",
      "my password Office 365 is wrong",
    ]) {
      assert.deepEqual(
        scanText(text).filter((f) => f.type === "credential"),
        [],
        text,
      );
    }
  });

  it("takes the value in French and English", () => {
    const cases: Array<[string, string]> = [
      ["Mot de passe : azerty123", "azerty123"],
      ["Mon mot de passe, c'est Soleil2024 !", "Soleil2024"],
      ["mon mot de passe est toujours Chat#Noir", "Chat#Noir"],
      ["mdp: chat-noir-7", "chat-noir-7"],
      ["mot de passe du wifi : maison-bleue", "maison-bleue"],
      ["My password is Welcome01!", "Welcome01!"],
      ["password: sunflower", "sunflower"],
      ["pwd=S3cr3t", "S3cr3t"],
      ["Pass: Secret99", "Secret99"],
      ["the password for the router is Admin123.", "Admin123"],
      ["Passwort: Geheim12", "Geheim12"],
    ];
    for (const [text, secret] of cases) expectSecret(text, secret);
  });

  it("keeps quotes and guillemets outside the span", () => {
    expectSecret('wachtwoord: "mijn geheim 12"', "mijn geheim 12");
    expectSecret("mot de passe : « Soleil 2024 »", "Soleil 2024");
    expectSecret("password is \u2018rosebud\u2019", "rosebud");
    expectSecret('wachtwoord "zonnebloem" werkt niet', "zonnebloem");
  });

  it("reads a value on the next line after a colon", () => {
    expectSecret("Gebruikersnaam: jan\nWachtwoord:\nZomer2024\nGroeten", "Zomer2024");
  });

  it("takes a plain word after a colon only when it stands alone", () => {
    expectSecret("ww: appelboom", "appelboom");
    expectSecret("ww: appelboom en login: jan", "appelboom");
    expectNone("Wachtwoord: probleem met inloggen");
    expectNone("the password is sunflower");
    expectNone("mijn wachtwoord is Bloemkool");
  });

  it("maps accented and typographic text back to the original span", () => {
    const text = "Réf. dossier — mot de passe : «\u00a0Été#2024\u00a0» merci";
    expectSecret(text, "Été#2024");
  });
});

describe("passwords without a connector", () => {
  it("takes a value that looks like a password, at a lower confidence", () => {
    const cases: Array<[string, string]> = [
      ["wachtwoord 7hx4kq graag resetten", "7hx4kq"],
      ["PW Zomer2024", "Zomer2024"],
      ["ww Appel!23", "Appel!23"],
      ["mdp Bonjour99", "Bonjour99"],
      ["password hUnter", "hUnter"],
    ];
    for (const [text, secret] of cases) {
      const finding = expectSecret(text, secret);
      assert.equal(finding.confidence, 0.8, text);
    }
  });

  it("refuses words, years, dates and product names", () => {
    for (const text of [
      "wachtwoord vergeten",
      "wachtwoord zonnebloem",
      "wachtwoord 2024",
      "wachtwoord 12/03/2024 gewijzigd",
      "wachtwoord iCloud werkt niet",
      "password Manager",
      "ww 12",
    ]) {
      expectNone(text);
    }
  });

  it("needs a connector after the short and common word 'pass'", () => {
    expectNone("boarding pass 123456");
    expectNone("I will pass it on to Jan2");
    expectSecret("pass is Hello123", "Hello123");
  });
});

describe("text about a password that gives none", () => {
  it("refuses status words in Dutch, French and English", () => {
    for (const text of [
      "Mijn wachtwoord is vergeten",
      "Ik ben mijn wachtwoord kwijt, kunnen jullie het resetten?",
      "Mijn wachtwoord is verlopen.",
      "het wachtwoord is gewijzigd",
      "Het nieuwe wachtwoord werkt niet",
      "wachtwoord: ik weet het niet meer",
      "Wachtwoord is fout",
      "ww vergeten: wat nu?",
      "het wachtwoord moet minstens 8 tekens hebben",
      "wachtwoord (min. 8 tekens)",
      "Mon mot de passe est oublié",
      "mot de passe: je l'ai perdu",
      "Le mot de passe est trop court",
      "Votre mot de passe doit contenir 8 caractères",
      "mot de passe expiré",
      "I forgot my password.",
      "password: forgotten",
      "Password reset required",
      "the password is wrong",
      "My password is not working",
      "password is still too short",
    ]) {
      expectNone(text);
    }
  });

  it("does not take the greeting under an empty password line", () => {
    expectNone("Wachtwoord:\nGroeten, Jan");
    expectNone("Mot de passe :\nCordialement");
    expectNone("Mijn wachtwoord:");
  });

  it("refuses masked values, placeholders, mail addresses and links", () => {
    for (const text of [
      "wachtwoord: ********",
      "password: <your password>",
      "wachtwoord: zie bijlage",
      "Password: N/A",
      "wachtwoord: n.v.t.",
      "wachtwoord: jan@example.com",
      "password: https://example.com/reset",
    ]) {
      expectNone(text);
    }
  });

  it("does not see keywords inside other words", () => {
    for (const text of [
      "compass 1234",
      "spinnen 1234",
      "www.pwd.be",
      "WW-uitkering 2024",
      "passwordmanager: Bitwarden1",
      "wachtwoorden: Abc123",
      "Passeport 123456",
    ]) {
      expectNone(text);
    }
  });
});

describe("PINs and access codes", () => {
  it("takes four to eight digits after a PIN word", () => {
    const cases: Array<[string, string]> = [
      ["pincode 1234", "1234"],
      ["Mijn pincode is 4821.", "4821"],
      ["PIN-code: 12345678", "12345678"],
      ["code pin : 4821", "4821"],
      ["Mon code PIN est 4821.", "4821"],
      ["my PIN is 0000", "0000"],
      ["pin code: 987654", "987654"],
    ];
    for (const [text, secret] of cases) {
      const finding = expectSecret(text, secret);
      assert.equal(finding.reason, "credential_pin", text);
    }
  });

  it("refuses a PIN that is not four to eight digits", () => {
    for (const text of [
      "pin 12",
      "PIN 123456789",
      "pin: abcd",
      "pincode vergeten",
      "code pin bloqué",
    ]) {
      expectNone(text);
    }
  });

  it("takes access codes and secret codes", () => {
    const cases: Array<[string, string]> = [
      ["Access code: 7731", "7731"],
      ["toegangscode 55123", "55123"],
      ["code d'accès : 9812#", "9812#"],
      ["le code secret de ma carte est 9911", "9911"],
      ["passcode = Tiger42", "Tiger42"],
    ];
    for (const [text, secret] of cases) {
      const finding = expectSecret(text, secret);
      assert.equal(finding.reason, "credential_access_code", text);
    }
  });
});

describe("TeamViewer", () => {
  it("takes the password and never the ID", () => {
    const finding = expectSecret("TeamViewer ID 123 456 789 en wachtwoord 4hx7k2", "4hx7k2");
    assert.equal(finding.reason, "credential_teamviewer");
    expectSecret("teamviewer id en wachtwoord: 123 456 789 / 4hx7k2", "4hx7k2");
    expectSecret("TeamViewer : ID 1 234 567 890, mot de passe : 9k2m4p", "9k2m4p");
    expectSecret("tv wachtwoord: 9k2m4p", "9k2m4p");
    expectSecret("TeamViewer password is x7y8z9", "x7y8z9");
  });

  it("finds nothing when only the ID is given", () => {
    expectNone("TeamViewer ID 123 456 789");
    expectNone("teamviewer id: 123456789, ik wacht op jullie");
    expectNone("teamviewer id en wachtwoord: 123 456 789");
  });

  it("takes the second of two values given together", () => {
    expectSecret("login en wachtwoord: jan / abc123", "abc123");
    expectSecret("Gebruikersnaam: jan.peeters, wachtwoord: Jp2024!", "Jp2024!");
  });
});

describe("credentials through scanText", () => {
  it("finds each secret with its exact span, at the start and end of the text", () => {
    const text = "ww: Start123 en later pincode 4821";
    assert.deepEqual(
      scanText(text).map((finding) => text.slice(finding.start, finding.end)),
      ["Start123", "4821"],
    );
  });

  it("leaves ordinary support messages alone", () => {
    const text =
      "Dag, ik kan niet inloggen: mijn wachtwoord werkt niet meer sinds de update. " +
      "Bonjour, j'ai oublié mon mot de passe, pouvez-vous le réinitialiser ? " +
      "Hi, the password reset link has expired, could you send a new one? Thanks, Jan";
    assert.deepEqual(scanText(text), []);
  });

  it("takes a TeamViewer 'pass' and a password after a user name, but no boarding pass", () => {
    expectSecret("TeamViewer: ID 123 456 789, pass 8x7y6z", "8x7y6z");
    expectSecret("login: jan.peeters / Azerty123", "Azerty123");
    expectSecret("user name: piet, Welkom2025!", "Welkom2025!");
    for (const text of [
      "boarding pass 1234AB5",
      "Gebruikersnaam: lotte, en ik weet het niet meer",
      "username: admin, please reset it",
    ]) {
      assert.deepEqual(
        scanText(text).filter((finding) => finding.type === "credential"),
        [],
        text,
      );
    }
  });
});
