import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { systemClock } from "../../src/core/clock.ts";
import { loadConfig } from "../../src/core/config.ts";
import { createLogger } from "../../src/core/log.ts";
import { exportPackages, placeLegalHold } from "../../src/datamap/index.ts";
import { type RunningServer, startServer } from "../../src/main.ts";
import {
  type ReceivedContactRequest,
  receiveContactRequest,
} from "../../src/modules/contact/index.ts";
import { passThroughSensitiveData } from "../../src/modules/scanner/index.ts";
import { createStaffAccount, totpCodeAt } from "../../src/modules/staff/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import { createDataMap } from "../../src/record-types.ts";
import { openVault } from "../../src/vault/index.ts";
import { randomMasterKey } from "../../src/vault/test-vault.ts";
import { checkPage, hasChromium, launchChromium, viewports } from "../helpers/browser.ts";

const password = "een lange zin als wachtwoord";
const DAY = 86_400_000;
const personEmail = "jan.janssens@example.be";

describe("the data map back office in a real browser", {
  skip: !hasChromium && "no chromium",
  timeout: 180_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let contact: ReceivedContactRequest;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-e2e-records-"));
    // The master key is given, so this test can open the server's vault to seed a person.
    const config = loadConfig({
      DATA_DIR,
      PORT: "0",
      HOST: "127.0.0.1",
      JOBS_ENABLED: "false",
      WITS_MASTER_KEY: randomMasterKey(),
    });
    server = await startServer({ config, log: createLogger({ level: "silent" }) });
    const db = server.database.db;
    const vault = await openVault({ db, config, clock: systemClock });
    const now = Date.now();
    const seed = async (email: string, days: number) => {
      const { subjectId } = await vault.ensureSubject(db, { email });
      const expiresAt = new Date(now + days * DAY);
      await db.insert(exportPackages).values({
        subjectId,
        retainUntil: expiresAt,
        retentionReason: { code: "expires" },
        tokenHash: randomBytes(16).toString("hex"),
        locale: "nl",
        createdAt: new Date(now - DAY),
        expiresAt,
        zipCiphertext: Buffer.from("zip"),
        reportCiphertext: Buffer.from("report"),
        pdfCiphertext: Buffer.from("pdf"),
      });
      return subjectId;
    };
    const held = await seed(personEmail, 10);
    await seed("an.peeters@example.be", -1);
    await seed("piet.pieters@example.be", -2);
    await placeLegalHold(db, systemClock, {
      subjectId: held,
      reason: "Zaak 2026/0042 bij de arbeidsrechtbank",
      placedBy: "seed",
    });
    const { policy } = await loadActivePolicy(undefined);
    contact = await receiveContactRequest(
      {
        db,
        vault,
        dataMap: createDataMap(() => policy),
        clock: systemClock,
        config,
        sensitiveData: passThroughSensitiveData,
      },
      {
        name: "Jan <b>Peeters</b>",
        email: "jan.peeters@example.be",
        topic: "Offerte",
        message: "Hallo <script>alert('xss')</script> en <img src=x onerror=alert(2)>",
        locale: "nl",
        ip: "198.51.100.23",
        channel: "form",
        attachments: [],
      },
    );
    browser = await launchChromium();
    context = await browser.newContext({ locale: "nl-BE", viewport: viewports.phone });
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const check = (name: string) => checkPage(page, "records", name);

  it("a privacy officer signs up with a second factor", async () => {
    const { setupToken } = await createStaffAccount(
      { db: server.database.db, clock: systemClock },
      { email: "els.privacy@wits.be", displayName: "Els", role: "privacy" },
    );
    await page.goto(`${server.url}/admin/setup/${setupToken}`);
    await page.getByLabel("Nieuw wachtwoord").fill(password);
    await page.getByLabel("Herhaal het wachtwoord").fill(password);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.waitForURL(/\/admin\/enrol$/);
    const secret = (await page.locator("figcaption code").textContent())?.replaceAll(" ", "") ?? "";
    await page.getByLabel("Code").fill(totpCodeAt(secret, new Date()));
    await page.getByRole("button", { name: "Activeren" }).click();
    await page.getByRole("link", { name: "Ik heb ze bewaard" }).click();
    await page.getByRole("heading", { name: "Welkom, Els" }).waitFor();
    assert.ok(await page.getByRole("link", { name: "Gegevenskaart" }).first().isVisible());
  });

  it("the data map shows every record type with its counts", async () => {
    await page.getByRole("link", { name: "Gegevenskaart" }).first().click();
    await page.getByRole("heading", { name: "Gegevenskaart", level: 1 }).waitFor();
    assert.match((await page.textContent("main")) ?? "", /tot de downloadlink vervalt/);
    await check("datamap");
  });

  it("the retention preview lists what is due and sweeps it on request", async () => {
    await page.goto(`${server.url}/admin/retention`);
    const plan = (await page.textContent("table")) ?? "";
    assert.match(plan, /vervaldatum bereikt/);
    await check("retention");
    await page.getByRole("button", { name: "Nu opruimen" }).click();
    await page.getByRole("heading", { name: "Resultaat van de opruiming" }).waitFor();
    await check("retention-run");
  });

  it("a hold is placed and listed", async () => {
    await page.goto(`${server.url}/admin/holds`);
    await page.getByLabel("Soort gegevens").selectOption("rights.export_package");
    await page.getByLabel("Reden", { exact: true }).fill("Inspectie GBA 2026-17");
    await page.getByRole("button", { name: "Blokkering plaatsen" }).click();
    await page.getByText("De blokkering is geplaatst.").waitFor();
    await page.getByRole("heading", { name: "Inspectie GBA 2026-17" }).waitFor();
    await check("holds");
  });

  it("a person is found by e-mail and their page says why each record is kept", async () => {
    await page.goto(`${server.url}/admin/subjects`);
    await check("subjects");
    await page.getByLabel("E-mailadres").fill(personEmail);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/\/admin\/subjects\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Waarom bewaren we dit nog?" }).first().waitFor();
    assert.match((await page.textContent("main")) ?? "", /Zaak 2026\/0042/);
    await check("subject");
  });

  it("the contact inbox shows a message with script tags as text, and runs none of it", async () => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/admin/contact`);
    await page.getByRole("link", { name: contact.reference }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    const main = (await page.textContent("main")) ?? "";
    assert.match(main, /Hallo <script>alert\('xss'\)<\/script> en <img src=x onerror=alert\(2\)>/);
    assert.match(main, /Jan <b>Peeters<\/b>/);
    assert.equal(await page.locator("main script, main img").count(), 0);
    await checkPage(page, "contact", "request");
    assert.deepEqual(dialogs, [], "no script of the visitor ran");
  });

  it("the request becomes a customer with a running agreement, and the page says it is kept while it runs", async () => {
    await page.getByLabel("Dienst van de overeenkomst").fill("Beheerd netwerk");
    await page.getByRole("button", { name: "Klant en overeenkomst maken" }).click();
    await page.getByText("De klant is gemaakt").waitFor();
    const main = (await page.textContent("main")) ?? "";
    assert.match(main, /Gekoppeld aan klant K-[2-9A-Z]{6}/);
    assert.match(main, /Beheerd netwerk, loopt sinds/);
    await checkPage(page, "contact", "customer");
  });
});
