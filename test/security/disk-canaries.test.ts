import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { type DatabaseKind, queryRows } from "../../src/core/db/database.ts";
import { type DeliverySummary, deliverMail, fileTransport } from "../../src/core/mail/index.ts";
import { eraseSubject } from "../../src/datamap/index.ts";
import { createCustomer, startAgreement } from "../../src/modules/customers/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import { createDataMap } from "../../src/record-types.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { type CanaryPerson, canaryPerson, encodedForms, needles } from "../helpers/canary.ts";
import { databaseKinds } from "../helpers/database.ts";
import { multipart } from "../helpers/multipart.ts";
import { mailsOf } from "../helpers/outbox.ts";
import { CookieJar, csrfFrom, type SignedIn, setUpStaff, submitForm } from "../helpers/staff.ts";
import { dumpEverything, filesUnder } from "../helpers/table-dump.ts";
import { sendContactForm } from "./contact-form.ts";
import { confirmedPortalRequest } from "./portal-request.ts";
import { scratchDatabase } from "./scratch-database.ts";

/** A real 1×1 PNG: the ID copy is this with the canary after its end, where a viewer ignores it. */
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const form = { "content-type": "application/x-www-form-urlencoded" };

/** A valid Belgian national register number, random enough to be nobody's: born in 1985. */
function nationalNumber(): { written: string; digits: string } {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const body = `85${pad(randomInt(1, 13), 2)}${pad(randomInt(1, 29), 2)}${pad(randomInt(1, 998), 3)}`;
  const digits = `${body}${pad(97 - (Number(body) % 97), 2)}`;
  const written = `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
  return { written, digits };
}

/** The remote-support flow of the statement: a technician's code, the customer's password. */
async function handOverSupportPassword(t: TestApp, password: string): Promise<void> {
  const technician = await setUpStaff(t, "support");
  const { policy } = await loadActivePolicy(undefined);
  const deps = {
    db: t.database.db,
    vault: t.vault,
    clock: t.clock,
    dataMap: createDataMap(() => policy),
  };
  const { subjectId } = await t.vault.ensureSubject(t.database.db, {
    email: `klant-${randomBytes(4).toString("hex")}@voorbeeld.be`,
  });
  const actor = { type: "staff" as const, id: technician.staffId };
  const customer = await createCustomer(deps, {
    kind: "person",
    contact: { subjectId, name: "Pieter Maes" },
    actor,
  });
  await startAgreement(deps, {
    customerId: customer.id,
    service: "Onderhoud",
    startsOn: "2026-01-01",
    actor,
  });
  const chooser = `/admin/support/new?customer=${customer.id}`;
  const started = await submitForm(t, technician.jar, chooser, "/admin/support/sessions", {
    customer: customer.id,
    subject: subjectId,
  });
  assert.equal(started.statusCode, 303, started.body);
  const sessionUrl = String(started.headers.location).split("?")[0] ?? "";
  const sessionPage = await t.app.inject({
    url: sessionUrl,
    headers: { cookie: technician.jar.header },
  });
  const shown = /class="support-code"><span aria-hidden="true">(\d{3}) (\d{3})<\/span>/.exec(
    sessionPage.body,
  );
  assert.ok(shown, "the technician sees the code to read out");

  const visitor = new CookieJar();
  const connectPage = await t.app.inject({ url: "/support/connect", remoteAddress: visitor.ip });
  visitor.take(connectPage.headers["set-cookie"]);
  t.clock.advance(5_000);
  const handed = await t.app.inject({
    method: "POST",
    url: "/support/connect",
    remoteAddress: visitor.ip,
    headers: { ...form, cookie: visitor.header },
    payload: new URLSearchParams({
      _csrf: csrfFrom(connectPage.body),
      rendered: /name="rendered" value="([^"]+)"/.exec(connectPage.body)?.[1] ?? "",
      code: `${shown[1]}${shown[2]}`,
      teamviewerId: "123 456 789",
      password,
    }).toString(),
  });
  assert.equal(handed.statusCode, 303, handed.body);
  const revealed = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/reveal`, {});
  assert.ok(revealed.body.includes(password), "the password reached the technician");
  const ended = await submitForm(t, technician.jar, sessionUrl, `${sessionUrl}/end`, {
    summary: "Printerstuurprogramma opnieuw geïnstalleerd.",
  });
  assert.equal(ended.statusCode, 303, ended.body);
}

/** How the person to erase came in: a form that mails them, or the back office, which does not. */
type Entry = "contact form" | "back office";

/**
 * A person comes in with an e-mail and a name, then the rights engine erases them.
 * `beforeErasure` runs in between, once the person is stored (and, by the form, mailed).
 */
async function erasePerson(
  t: TestApp,
  privacy: SignedIn,
  person: CanaryPerson,
  entry: Entry,
  beforeErasure?: () => Promise<void>,
): Promise<void> {
  if (entry === "contact form") {
    await sendContactForm(t, {
      name: person.name,
      email: person.email,
      subject: "Offerte",
      message: "Graag een offerte voor twee laptops.",
    });
  } else {
    const created = await submitForm(
      t,
      privacy.jar,
      "/admin/customers/new",
      "/admin/customers/new",
      {
        kind: "person",
        companyName: "",
        email: person.email,
        name: person.name,
        role: "",
        service: "",
        startsOn: "",
      },
    );
    assert.equal(created.statusCode, 303, created.body);
  }
  await beforeErasure?.();
  const subjectId = await t.vault.findSubject(t.database.db, { email: person.email });
  assert.ok(subjectId, "the person is known before the erasure");
  const { policy } = await loadActivePolicy(undefined);
  const results = await eraseSubject(
    { db: t.database.db, vault: t.vault, clock: t.clock, dataMap: createDataMap(() => policy) },
    { subjectId, actor: { type: "staff", id: privacy.staffId } },
  );
  assert.ok(
    results.some((result) => result.erased > 0),
    "something was erased",
  );
  assert.equal(
    results.some((result) => result.kept > 0),
    false,
    "nothing was kept: no agreement, no invoice",
  );
}

/** An ID copy uploaded on the status page, looked at by the privacy officer, then destroyed. */
async function destroyIdCopy(t: TestApp, officer: SignedIn, marker: string): Promise<void> {
  const request = await confirmedPortalRequest(t, { rights: "access" });
  const person = new CookieJar();
  const page = await t.app.inject({ url: request.statusPath, remoteAddress: person.ip });
  person.take(page.headers["set-cookie"]);
  const upload = multipart([
    { name: "_csrf", value: csrfFrom(page.body) },
    {
      name: "idCopy",
      filename: "id.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.from(marker)]),
    },
  ]);
  const stored = await t.app.inject({
    method: "POST",
    url: request.statusPath.replace("?", "/id-copy?"),
    remoteAddress: person.ip,
    headers: { ...upload.headers, cookie: person.header },
    payload: upload.payload,
  });
  assert.equal(stored.statusCode, 303, stored.body);
  const copy = await t.app.inject({
    url: `/admin/rights/${request.id}/id-copy`,
    headers: { cookie: officer.jar.header },
  });
  assert.ok(copy.rawPayload.includes(marker), "the officer saw the copy before deciding");
  const decided = await submitForm(
    t,
    officer.jar,
    `/admin/rights/${request.id}`,
    `/admin/rights/${request.id}/verification`,
    {
      decision: "verified",
      method: "id_copy",
    },
  );
  assert.equal(decided.statusCode, 303, decided.body);
  const left = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from rights_id_copies where request_id = ${request.id}`,
  );
  assert.equal(left[0]?.n, 0, "the copy is destroyed once the decision is taken");
}

/** Every place a leak would show: name → its bytes. */
async function places(t: TestApp, dataDir: string, pgDump: string | undefined) {
  const found = new Map<string, Buffer>();
  for (const file of await filesUnder(dataDir)) {
    const bytes = await readFile(file);
    found.set(file, bytes);
    if (file.endsWith(".eml")) {
      // The mail as a reader sees it: quoted-printable and base64 parts decoded.
      const mail = await simpleParser(bytes);
      const headers = JSON.stringify([...mail.headers]);
      found.set(
        `${file} (decoded)`,
        Buffer.from(`${headers}\n${mail.text ?? ""}\n${mail.html || ""}`),
      );
    }
  }
  if (pgDump !== undefined) found.set("pg_dump", Buffer.from(pgDump));
  found.set("logs", Buffer.from(t.logs.join("")));
  const audit = await queryRows<{ row: string }>(
    t.database.db,
    sql`select row_to_json(a)::text as row from audit_log a`,
  );
  found.set("audit_log", Buffer.from(audit.map((row) => row.row).join("\n")));
  found.set("every table", Buffer.from(await dumpEverything(t.database.db)));
  return found;
}

/** Where the canaries were found, as "canary in place", for every encoding of each. */
function leaksOf(canaries: readonly string[], found: ReadonlyMap<string, Buffer>): string[] {
  const leaks: string[] = [];
  for (const canary of canaries) {
    for (const form of encodedForms(canary)) {
      for (const [where, bytes] of found)
        if (bytes.includes(form)) leaks.push(`${canary} in ${where}`);
    }
  }
  return leaks;
}

/**
 * Delivers the outbox now as .eml files, as the delivery job does without SMTP, and returns the
 * file the contact form's confirmation to `person` was kept as, after checking that it holds
 * their address in plain text: the copy on disk that their erasure must reach.
 */
async function keptAsEml(t: TestApp, dataDir: string, person: CanaryPerson): Promise<string> {
  const delivery = await deliverMail({
    db: t.database.db,
    clock: t.clock,
    transport: fileTransport(dataDir),
    vault: t.vault,
  });
  assert.ok(delivery.held > 0, `mail was kept as .eml files (${JSON.stringify(delivery)})`);
  const mails = (await mailsOf(t, "contact.confirmation")).filter(
    (mail) => mail.toAddress.toLowerCase() === person.email.toLowerCase(),
  );
  assert.equal(mails.length, 1, "the contact form mailed the person one confirmation");
  const [mail] = mails;
  assert.ok(mail);
  assert.equal(mail.status, "held", "without SMTP the mail is kept, not sent");
  const emlPath = mail.emlPath;
  assert.ok(emlPath, "the kept mail points at its .eml file");
  assert.ok(
    emlPath.startsWith(`${dataDir}${path.sep}`),
    `${emlPath} is in the data dir, where the search looks`,
  );
  const eml = await readFile(emlPath);
  // As typed, or with the domain lower-cased as the mail library writes it: both are needles.
  const address = [mail.toAddress, mail.toAddress.toLowerCase()];
  assert.ok(
    address.some((form) => eml.includes(form)),
    "the .eml holds the address in plain text: the erasure has a real copy to remove",
  );
  return emlPath;
}

/** What was on disk once everything was written, and what the last delivery run did. */
interface OnDisk {
  /** Every place a leak would show, by name. */
  found: Map<string, Buffer>;
  /** The final delivery run's summary. */
  delivery: DeliverySummary;
}

/**
 * Runs the work on an app whose database and mail live in a fresh data dir, then forces it all
 * to disk: the outbox delivered as .eml files (no SMTP), a checkpoint, a pg_dump on PostgreSQL,
 * and PGlite closed.
 */
async function afterEverythingOnDisk(
  kind: DatabaseKind,
  work: (t: TestApp, dataDir: string) => Promise<void>,
): Promise<OnDisk> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-disk-canary-"));
  const scratch = await scratchDatabase(kind, dataDir);
  const t = await createTestApp(kind, {
    database: scratch.database,
    env: { DATA_DIR: dataDir, CONTACT_POSTS_PER_MINUTE: "1000" },
  });
  let found: Map<string, Buffer>;
  let delivery: DeliverySummary;
  try {
    await work(t, dataDir);
    delivery = await deliverMail({
      db: t.database.db,
      clock: t.clock,
      transport: fileTransport(dataDir),
      vault: t.vault,
    });
    // The work queues mail after any earlier delivery run (the control's confirmation at least).
    assert.ok(
      delivery.held > 0,
      `the outbox was written as .eml files (${JSON.stringify(delivery)})`,
    );
    if (kind === "pglite") await t.database.db.execute(sql`checkpoint`);
    found = await places(t, dataDir, await scratch.dump());
  } finally {
    // Closing PGlite writes everything it still held to the data dir.
    await t.close();
  }
  for (const file of await filesUnder(dataDir)) found.set(file, await readFile(file));
  // A PGlite data dir is tens of MB: read, it is no longer needed.
  await rm(dataDir, { recursive: true, force: true });
  return { found, delivery };
}

for (const kind of databaseKinds) {
  describe(`disk canaries on ${kind}: what was erased, redacted, destroyed or only handed over is nowhere`, () => {
    const password = `Kanarie-${randomBytes(9).toString("base64url")}`;
    const person = canaryPerson();
    /** Erased like `person`, but the contact form had mailed them first. */
    const mailed = canaryPerson();
    const national = nationalNumber();
    const idMarker = `IdKaart-${randomBytes(9).toString("hex")}`;
    /**
     * Kept on purpose in plain text in the .eml file of a mail to a person who was not erased:
     * the search must see it there. (In the database it is sealed, as all mail is.)
     */
    const control = `controle-${randomBytes(5).toString("hex")}@voorbeeld.be`;
    /**
     * Kept on purpose in plain text in the database: the control's contact request reference
     * (`C-` and six random characters, new each run). It is no personal data, and the product
     * stores it in plain text by design (contact_requests.reference, what the person quotes and
     * staff look up), so its turning up in the database's files proves the search sees them.
     */
    let controlReference = "";
    /** The .eml file the contact form's confirmation to `mailed` was kept as before the erasure. */
    let mailedEml = "";
    let found: Map<string, Buffer>;
    let delivery: DeliverySummary;

    before(async () => {
      ({ found, delivery } = await afterEverythingOnDisk(kind, async (t, dataDir) => {
        await handOverSupportPassword(t, password);
        const officer = await setUpStaff(t, "privacy");
        await erasePerson(t, officer, person, "back office");
        await erasePerson(t, officer, mailed, "contact form", async () => {
          mailedEml = await keptAsEml(t, dataDir, mailed);
        });
        const { reference, removed } = await sendContactForm(t, {
          name: "Jan Janssens",
          email: control,
          subject: "Mijn gegevens",
          message: `Mijn rijksregisternummer is ${national.written}, zoals gevraagd.`,
        });
        assert.equal(removed, "national_number", "the number was redacted at intake");
        controlReference = reference;
        await destroyIdCopy(t, officer, idMarker);
      }));
    });

    it("finds no canary in the data dir, a database dump, the logs, the .eml outbox or the audit log", (context) => {
      const canaries = [password, ...needles(person), national.written, national.digits, idMarker];
      assert.deepEqual(leaksOf(canaries, found), []);

      const emls = [...found.keys()].filter((where) => where.endsWith(".eml"));
      assert.ok(emls.length >= 3, "the .eml outbox was searched");
      const stores =
        kind === "pglite"
          ? [...found.keys()].filter((where) => where.includes(`${path.sep}pglite${path.sep}`))
          : ["pg_dump"];
      assert.match(controlReference, /^C-[2-9A-Z]{6}$/);
      assert.ok(
        stores.some((where) => found.get(where)?.includes(controlReference)),
        "the search sees plain text in the database's files",
      );
      assert.ok(
        emls.some((where) => found.get(where)?.includes(control)),
        "and in the .eml files",
      );
      assert.ok(found.get("logs")?.includes("/support/connect"), "the logs were captured");
      assert.ok(
        found.get("audit_log")?.includes("rights.id_copy_destroyed"),
        "the audit log was read",
      );
      assert.ok(found.get("audit_log")?.includes("rights.erasure"), "with the erasures in it");
      context.diagnostic(
        `${kind}: ${found.size} places searched for ${canaries.length} canaries in ${encodedForms(password).length} encodings each`,
      );
    });

    it("finds no trace of a person erased after the contact form mailed them", () => {
      // Before the erasure their confirmation was on disk as an .eml file with their address in
      // it (checked in keptAsEml); in the database it was sealed under their key, now shredded.
      assert.ok(mailedEml, "the mail to the erased person had been kept as an .eml file");
      assert.equal(found.has(mailedEml), false, `${mailedEml} was deleted`);
      assert.equal(delivery.erased, 1, "the delivery run after the erasure deleted their mail");
      assert.deepEqual(leaksOf(needles(mailed), found), []);
    });
  });
}
