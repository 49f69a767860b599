import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { type DemoSummary, demoClock, seedDemo } from "../src/demo/index.ts";
import { customers } from "../src/modules/customers/index.ts";
import { totpCodeAt } from "../src/modules/staff/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { createTestApp, type TestApp } from "./helpers/app.ts";
import { runCli } from "./helpers/cli-process.ts";
import { databaseKinds } from "./helpers/database.ts";
import { freePort } from "./helpers/free-port.ts";
import { CookieJar, staffPassword, submitForm } from "./helpers/staff.ts";

const day = 24 * 60 * 60 * 1000;

/** What a person reads on a page: the text of <main>, without markup. */
function mainText(html: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  return main
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function seed(t: TestApp): Promise<DemoSummary> {
  return loadActivePolicy(undefined).then(({ policy, source }) =>
    seedDemo(
      { db: t.database.db, config: t.config, vault: t.vault, clock: demoClock(t.clock.now()) },
      { policy: { policy, source } },
    ),
  );
}

/** The newcomer's part: the printed link, a password, a code from the authenticator app. */
async function finishSetup(t: TestApp, setupLink: string): Promise<CookieJar> {
  const setup = new URL(setupLink).pathname;
  const jar = new CookieJar();
  const saved = await submitForm(t, jar, setup, setup, {
    password: staffPassword,
    repeat: staffPassword,
  });
  assert.equal(saved.headers.location, "/admin/enrol", saved.body);
  const enrol = await t.app.inject({ url: "/admin/enrol", headers: { cookie: jar.header } });
  const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]?.replaceAll(" ", "");
  assert.ok(secret, "the enrolment page shows the key beside the QR code");
  const enrolled = await submitForm(t, jar, "/admin/enrol", "/admin/enrol", {
    code: totpCodeAt(secret, t.clock.now()),
  });
  assert.equal(enrolled.statusCode, 200, enrolled.body);
  return jar;
}

for (const kind of databaseKinds) {
  describe(`demo seed on ${kind} (issue 15: a demo a newcomer can click through)`, () => {
    let t: TestApp;
    let summary: DemoSummary;
    let admin: CookieJar;
    let setupPage: { statusCode: number; body: string };
    const page = async (url: string) => {
      const reply = await t.app.inject({ url, headers: { cookie: admin.header } });
      assert.equal(reply.statusCode, 200, `${url}: ${reply.body.slice(0, 300)}`);
      return mainText(reply.body);
    };

    before(async () => {
      t = await createTestApp(kind);
      summary = await seed(t);
      setupPage = await t.app.inject({ url: new URL(summary.setupLink).pathname });
      admin = await finishSetup(t, summary.setupLink);
    });
    after(() => t?.close());

    it("the printed one-time link opens the demo admin's setup page, and a password and a code sign the admin in", async () => {
      assert.equal(setupPage.statusCode, 200);
      assert.match(mainText(setupPage.body), /admin@wits\.example/);
      assert.equal(new URL(summary.setupLink).origin, new URL(t.config.PUBLIC_URL).origin);
      assert.match(await page("/admin"), /Demo admin/);
    });

    it("every back-office list shows the demo's people, companies and records to the admin", async () => {
      const expected: Record<string, RegExp[]> = {
        "/admin/contact": [
          /nieuw niemand Ruben Hermans Laptop start niet meer op/,
          /Sarah O'Brien Quote for office Wi-Fi/,
          /wacht op antwoord niemand Lucas Martin Demande de devis/,
          /afgehandeld niemand Tom Willems/,
          /Nina Goossens Melding van misbruik/,
        ],
        "/admin/customers": [
          /Bakkerij De Smet BV ja/,
          /Garage Dubois SRL ja/,
          /Jan Janssens ja/,
          /Drukkerij Vermeulen NV nee/,
        ],
        "/admin/orders": [
          // Another member state's business: reverse charge, no Belgian VAT on top.
          /Sanne Bakker Bakker ICT B\.V\. afgerond en gefactureerd € 480,00/,
          /Wim Van den Berghe ontwerp/,
          /Lucas Martin geannuleerd/,
        ],
        "/admin/newsletter/subscribers": [
          /Ingeschreven: 13/,
          /Lotte Peeters lotte\.peeters@voorbeeld\.example Nieuws over WITS, Tips en handleidingen/,
          /Élise Dupont/,
          /Bram Jacobs bram\.jacobs@voorbeeld\.example geen \S+ uitgeschreven/,
        ],
        "/admin/disclosures": [
          /Politiezone Antwerpen, lokale recherche PV AN\.55\.L1\.004512\/2026 V-\w+ 1 ja/,
          /FOD Financiën.* nee \(geheim\)/,
        ],
        "/admin/breaches": [/Melding via de beveiligingspagina te beoordelen wacht op beoordeling/],
        "/admin/holds": [/rolnummer A\/26\/00118\) Voor persoon/],
        "/admin/quarantine": [/contactaanvraag een minderjarige/],
        "/admin/staff": [/Sofie Claes sofie\.claes@wits\.example/],
      };
      for (const [url, patterns] of Object.entries(expected)) {
        const text = await page(url);
        for (const pattern of patterns) assert.match(text, pattern, `${url} shows ${pattern}`);
      }
      const found = await t.app.inject({
        url: "/admin/subjects?email=lotte.peeters%40voorbeeld.example",
        headers: { cookie: admin.header },
      });
      const person = await page(String(found.headers.location));
      assert.match(person, /naam Lotte Peeters/);
      assert.match(person, /Waarom bewaren we dit nog\?/);
      const customerList = await t.app.inject({
        url: "/admin/customers",
        headers: { cookie: admin.header },
      });
      const bakery =
        /href="(\/admin\/customers\/[\w-]+)">K-\w+<\/a><\/td><td>Bakkerij De Smet BV/.exec(
          customerList.body,
        )?.[1];
      assert.ok(bakery, "the bakery links to its customer page");
      const dossier = await page(bakery);
      assert.match(dossier, /Lightspeed Restaurant op Windows 11 Pro Pieter De Smet/);
      assert.match(dossier, /Bonprinter drukt geen tickets meer af gesloten/);
    });

    it("the erasure request waits in the rights queue, due in six days and marked; the access request waits for its ID copy", async () => {
      const deadline = new Date(t.clock.now().getTime() + 6 * day).toISOString().slice(0, 10);
      const text = await page("/admin/rights");
      assert.match(
        text,
        new RegExp(`verwijdering portaal identiteit gecontroleerd \\S+ ${deadline} Binnen 7 dagen`),
        "received 24 days ago, answered within 30 days",
      );
      assert.match(text, /inzage portaal ontvangen/);
    });

    it("the retention dry run lists what the demo's year made due, and what a legal hold keeps", async () => {
      const text = await page("/admin/retention");
      // Tom Willems's request, handled thirteen months ago by someone who never became a customer.
      assert.match(
        text,
        /contactaanvraag termijn verstreken na het afhandelen van een verzoek 1 0/,
      );
      // Bram Jacobs, who left the newsletter seven months ago.
      assert.match(
        text,
        /inschrijving op de nieuwsbrief termijn verstreken na een uitschrijving 1 0/,
      );
      // Drukkerij Vermeulen's dossier: due, but its invoice dispute holds it.
      assert.match(
        text,
        /gegeven in het klantendossier termijn verstreken na het einde van je klantrelatie 0 3/,
      );
      assert.match(text, /Juridische blokkeringen van kracht: 1/);
    });

    it("a second seed on the same database is refused with the fix, and adds nothing", async () => {
      const before = await t.database.db.select({ n: count() }).from(customers);
      await assert.rejects(seed(t), /use an empty DATA_DIR, e\.g\. DATA_DIR=\.\/demo-data/);
      const afterwards = await t.database.db.select({ n: count() }).from(customers);
      assert.deepEqual(afterwards, before);
    });
  });
}

const bin = fileURLToPath(new URL("../bin/wits-privacy.js", import.meta.url));

/** `serve` as a newcomer runs it, until `pattern` appears; then SIGINT, as Ctrl+C does. */
async function serveUntil(env: Record<string, string>, pattern: RegExp): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, [bin, "serve"], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`serve never printed ${pattern}: ${output}`)),
        60_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk;
        if (pattern.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", read);
      child.stderr?.on("data", read);
      child.on("close", () => reject(new Error(`serve stopped: ${output}`)));
    });
    return output;
  } finally {
    child.kill("SIGINT");
    await exited;
  }
}

describe("the README's first steps, run as a newcomer would (a real CLI on a fresh DATA_DIR)", () => {
  it("start, then seed: the first start says in one line how to seed, and the seed shows progress, names the demo policy and prints the link", async (t) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-demo-"));
    t.after(() => rm(dataDir, { recursive: true, force: true }));
    const port = String(await freePort());
    const env = {
      DATA_DIR: dataDir,
      PORT: port,
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      JOBS_ENABLED: "false",
    };

    const firstStart = await serveUntil(env, /No staff account yet.*\n/);
    const hint = firstStart.split("\n").filter((line) => line.startsWith("No staff account yet"));
    assert.equal(hint.length, 1, "one line");
    assert.match(
      hint[0] ?? "",
      /stop the server \(Ctrl\+C\), then run `npx wits-privacy demo seed`/,
    );

    const seeded = await runCli(["demo", "seed"], { env });
    assert.equal(seeded.code, 0, seeded.stderr);
    assert.match(seeded.stdout, /events, up to \d{4}-\d{2}-\d{2}/, "progress while it works");
    assert.match(
      seeded.stdout,
      /Made: 7 customers, .*7 invoices, 9 contact requests, .*14 newsletter readers/,
    );
    assert.match(seeded.stdout, /default policy, policy\/wits\.policy\.yaml, is the demo policy/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/admin\/setup\/\S+)/.exec(seeded.stdout)?.[1];
    assert.ok(link, seeded.stdout);

    assert.equal(
      new URL(link).origin,
      env.PUBLIC_URL,
      "the link uses PUBLIC_URL, the address the newcomer opens",
    );
  });
});
