import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { type SmtpSink, startSmtpSink } from "../../../test/helpers/smtp-sink.ts";
import { openTestVault, uniquePerson } from "../../vault/test-vault.ts";
import { openVault, type Vault } from "../../vault/vault.ts";
import type { FakeClock } from "../clock.ts";
import { type Config, loadConfig } from "../config.ts";
import { type Database, queryRows } from "../db/database.ts";
import {
  deliverMail,
  enqueueMail,
  type MailKey,
  type MailToSend,
  type MailTransport,
  smtpTransport,
  transportFor,
} from "./index.ts";
import { outbox } from "./outbox.tables.ts";

const minute = 60_000;
const day = 24 * 60 * minute;
const start = "2026-01-01T09:00:00Z";
const config = loadConfig({ DATA_DIR: os.tmpdir(), MAIL_FROM: "WITS <privacy@wits.be>" });

/** A word found nowhere else, so finding it in a dump or a file can only mean this mail leaked. */
const canary = () => `kanarie${randomBytes(6).toString("hex")}`;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const recipientOf = (mail: ParsedMail | undefined) => {
  const to = Array.isArray(mail?.to) ? mail?.to[0] : mail?.to;
  return to?.value[0]?.address;
};

/**
 * The same ciphertext with one byte of its body flipped: what a disk error or someone editing
 * the table leaves behind. The key tag is kept, so it reads as changed, not as erased.
 */
function altered(sealed: string): string {
  const prefix = "v2.";
  assert.ok(sealed.startsWith(prefix), "a vault ciphertext");
  const bytes = Buffer.from(sealed.slice(prefix.length), "base64url");
  const last = bytes.length - 1;
  bytes[last] = (bytes[last] ?? 0) ^ 0xff;
  return `${prefix}${bytes.toString("base64url")}`;
}

for (const kind of databaseKinds) {
  describe(`sealed outbox on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let vaultConfig: Config;
    let vaultDir: string;
    /** The vault's clock, so keys are shredded on the same timeline as mail is queued. */
    let clock: FakeClock;
    let sink: SmtpSink;
    let dataDir: string;

    before(async () => {
      database = await createTestDatabase(kind);
      ({ vault, clock, config: vaultConfig, dataDir: vaultDir } = await openTestVault(database.db));
      sink = await startSmtpSink();
    });

    after(async () => {
      await sink.close();
      await database.close();
      await rm(vaultDir, { recursive: true, force: true });
    });

    beforeEach(async () => {
      clock.set(start);
      await database.db.delete(outbox);
      sink.received.length = 0;
      dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-sealed-mail-"));
    });

    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    /** A new person with their own subject, so no test sees another's keys or shreds. */
    const aPerson = async () => {
      const person = uniquePerson();
      const { subjectId } = await vault.ensureSubject(database.db, { email: person.email });
      return { ...person, subjectId };
    };

    const confirmation = (
      sealedUnder: MailKey,
      to: string,
      overrides: Partial<MailToSend> = {},
    ): MailToSend => ({
      purpose: "contact.received",
      sealedUnder,
      locale: "nl",
      to,
      subject: "We hebben je vraag ontvangen",
      text: "We antwoorden binnen twee werkdagen.",
      ...overrides,
    });

    const enqueue = async (mail: MailToSend) => {
      const id = await enqueueMail(database.db, { clock, config, vault, mail });
      assert.ok(id, "the mail was queued");
      return id;
    };

    const deliverVia = async (transport: MailTransport) => {
      try {
        return await deliverMail({ db: database.db, clock, transport, vault });
      } finally {
        await transport.close();
      }
    };
    const deliverOverSmtp = () => deliverVia(smtpTransport(sink.url));
    const deliverToFiles = () => deliverVia(transportFor(loadConfig({ DATA_DIR: dataDir })));

    const rowOf = async (id: string) => {
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
      return row;
    };

    const openedOf = async (id: string) => {
      const [mail] = await openedOutbox({ db: database.db, vault }, eq(outbox.id, id));
      assert.ok(mail, `outbox row ${id} exists`);
      return mail;
    };

    /** The whole row as text, every column, the way a dump or a curious admin sees it. */
    const dumpOf = async (id: string) => {
      const [row] = await queryRows<{ dump: string }>(
        database.db,
        sql`select row_to_json(o)::text as dump from outbox o where id = ${id}`,
      );
      assert.ok(row, `outbox row ${id} exists`);
      return row.dump;
    };

    /** Exactly one mail reached the server, with this subject, to this address. */
    const assertOnlyReceived = async (subject: string, to: string) => {
      const received = await sink.parsed();
      assert.deepEqual(
        received.map((mail) => mail.subject),
        [subject],
      );
      assert.equal(recipientOf(received[0]), to);
    };

    const shred = (subjectId: string, purpose: "contact" | "newsletter" = "contact") =>
      vault.shred(database.db, { subjectId, purpose, reason: "rights.erasure" });

    it("keeps no address, name or text of a queued mail in plain text in the outbox table", async () => {
      const person = await aPerson();
      const secret = canary();
      const attachment = Buffer.from(`Uw verslag ${secret}`);
      const id = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email, {
          subject: `Uw vraag, ${person.name}`,
          text: `Dag ${person.name}, over ${secret}: we antwoorden binnen twee werkdagen.`,
          html: `<p>Dag ${person.name}, over ${secret}.</p>`,
          headers: { "X-Wits-Reference": secret },
          attachments: [
            {
              filename: `verslag-${secret}.txt`,
              contentType: "text/plain",
              contentBase64: attachment.toString("base64"),
            },
          ],
        }),
      );

      const dump = (await dumpOf(id)).toLowerCase();
      assert.ok(dump.includes(id), "the dump is this mail's row");
      for (const plain of [person.email, person.name, secret, attachment.toString("base64")]) {
        assert.ok(!dump.includes(plain.toLowerCase()), `"${plain}" is in the outbox row`);
      }
      const row = await rowOf(id);
      assert.equal(row?.subjectId, person.subjectId);
      assert.equal(row?.vaultPurpose, "contact");
      const opened = await openedOf(id);
      assert.equal(opened.toAddress, person.email);
      assert.equal(opened.subject, `Uw vraag, ${person.name}`);
      assert.ok(opened.textBody.includes(person.name) && opened.textBody.includes(secret));
      assert.ok(opened.htmlBody?.includes(secret));
      assert.deepEqual(opened.headers, { "X-Wits-Reference": secret });
      assert.equal(opened.attachments[0]?.filename, `verslag-${secret}.txt`);
      assert.equal(opened.erased, false);
    });

    it("never sends the queued mail of a person erased before delivery", async () => {
      const person = await aPerson();
      const id = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email),
      );
      clock.advance(minute);
      await shred(person.subjectId);

      const summary = await deliverOverSmtp();

      assert.equal(summary.erased, 1);
      assert.equal(summary.sent + summary.held + summary.failed + summary.retried, 0);
      assert.equal(sink.received.length, 0, "nothing reached the mail server");
      assert.equal(await rowOf(id), undefined, "the row is deleted");
    });

    it("deletes, unsent, the mail of a person erased while the delivery is under way", async () => {
      const [an, bo] = [await aPerson(), await aPerson()];
      const ids = new Map<string, string>();
      for (const person of [an, bo]) {
        const key: MailKey = { subjectId: person.subjectId, purpose: "contact" };
        ids.set(person.email, await enqueue(confirmation(key, person.email)));
      }
      const smtp = smtpTransport(sink.url);
      let erasedMeanwhile: typeof an | undefined;
      // The first mail goes out; meanwhile the other person's erasure commits.
      const erasingDuringSend: MailTransport = {
        ...smtp,
        send: async (mail) => {
          if (!erasedMeanwhile) {
            erasedMeanwhile = mail.toAddress === an.email ? bo : an;
            await shred(erasedMeanwhile.subjectId);
          }
          return smtp.send(mail);
        },
      };

      const summary = await deliverMail({
        db: database.db,
        clock,
        transport: erasingDuringSend,
        vault,
        concurrency: 1,
      });
      await smtp.close();

      assert.ok(erasedMeanwhile);
      assert.equal(summary.sent, 1);
      assert.equal(summary.erased, 1);
      const received = await sink.parsed();
      assert.equal(received.length, 1);
      assert.notEqual(recipientOf(received[0]), erasedMeanwhile.email);
      const erasedId = ids.get(erasedMeanwhile.email) ?? "";
      assert.equal(
        await rowOf(erasedId),
        undefined,
        "the claimed mail that no longer opens is deleted",
      );

      clock.advance(minute);
      const next = await deliverOverSmtp();
      assert.equal(next.erased, 0, "and counted once");
      assert.equal(sink.received.length, 1, "and never sent");
    });

    it("deletes the .eml kept without SMTP once the person is erased", async () => {
      const person = await aPerson();
      const secret = canary();
      const id = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email, {
          text: `Uw vraag over ${secret} is goed ontvangen.`,
        }),
      );
      assert.equal((await deliverToFiles()).held, 1);
      const emlPath = (await rowOf(id))?.emlPath;
      assert.ok(emlPath, "the mail was kept as a file");
      const eml = await readFile(emlPath, "utf8");
      assert.ok(eml.includes(secret) && eml.includes(person.email), "the file is the plain mail");

      clock.advance(minute);
      await shred(person.subjectId);
      const summary = await deliverToFiles();

      assert.equal(summary.erased, 1);
      assert.equal(await exists(emlPath), false, "the .eml file is deleted");
      assert.equal(await rowOf(id), undefined, "the row is deleted");
    });

    it("keeps the person's mail of another purpose when only one purpose is erased", async () => {
      const person = await aPerson();
      const contactMail = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email, {
          subject: "Je vraag",
        }),
      );
      const newsletterMail = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "newsletter" }, person.email, {
          purpose: "newsletter.confirm",
          subject: "Bevestig je inschrijving",
        }),
      );
      clock.advance(minute);
      await shred(person.subjectId, "contact");

      const summary = await deliverOverSmtp();

      assert.equal(summary.erased, 1);
      await assertOnlyReceived("Bevestig je inschrijving", person.email);
      assert.equal(await rowOf(contactMail), undefined);
      assert.equal((await rowOf(newsletterMail))?.status, "sent");
    });

    it("purges held mail and its .eml 30 days after it was kept", async () => {
      const person = await aPerson();
      const id = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email),
      );
      await deliverToFiles();
      const held = await rowOf(id);
      assert.equal(held?.status, "held");
      assert.deepEqual(held?.retainUntil, new Date(clock.now().getTime() + 30 * day));
      assert.equal(held?.retentionReason, "mail.held_30d");
      const emlPath = held?.emlPath;
      assert.ok(emlPath && (await exists(emlPath)));

      clock.advance(30 * day - minute);
      assert.equal((await deliverToFiles()).purged, 0, "not before 30 days");
      assert.ok(await exists(emlPath));
      assert.equal((await rowOf(id))?.status, "held");

      clock.advance(2 * minute);
      const summary = await deliverToFiles();

      assert.equal(summary.purged, 1);
      assert.equal(await rowOf(id), undefined);
      assert.equal(await exists(emlPath), false, "the .eml file goes with it");
    });

    it("seals staff mail with the installation key and delivers it", async () => {
      const officer = "dpo@wits.be";
      const secret = canary();
      const id = await enqueue({
        purpose: "rights.reminder",
        sealedUnder: "installation",
        locale: "nl",
        to: officer,
        subject: `Verzoek ${secret} verloopt over 3 dagen`,
        text: `Het verzoek ${secret} moet binnen 3 dagen beantwoord zijn.`,
      });

      const row = await rowOf(id);
      assert.equal(row?.subjectId, null, "no person's key");
      assert.equal(row?.vaultPurpose, null);
      assert.ok(row?.sealedContent);
      const dump = await dumpOf(id);
      assert.ok(!dump.includes(officer) && !dump.includes(secret), dump);

      const summary = await deliverOverSmtp();

      assert.equal(summary.sent, 1);
      const [received] = await sink.parsed();
      assert.equal(recipientOf(received), officer);
      assert.equal(received?.subject, `Verzoek ${secret} verloopt over 3 dagen`);
      assert.equal(
        received?.text?.trim(),
        `Het verzoek ${secret} moet binnen 3 dagen beantwoord zijn.`,
      );
      assert.equal((await rowOf(id))?.status, "sent");
    });

    it("still delivers a mail queued before the outbox was sealed", async () => {
      const [legacy] = await database.db
        .insert(outbox)
        .values({
          createdAt: clock.now(),
          purpose: "contact.received",
          locale: "nl",
          fromAddress: config.MAIL_FROM,
          toAddress: "jan.peeters@example.be",
          subject: "We hebben je vraag ontvangen",
          textBody: "Dag Jan, we antwoorden binnen twee werkdagen.",
          status: "queued",
          nextAttemptAt: clock.now(),
        })
        .returning({ id: outbox.id, sealedContent: outbox.sealedContent });
      assert.ok(legacy);
      assert.equal(legacy.sealedContent, null, "a row from before migration 0020");
      assert.equal((await openedOf(legacy.id)).toAddress, "jan.peeters@example.be");

      const summary = await deliverOverSmtp();

      assert.equal(summary.sent, 1);
      const [received] = await sink.parsed();
      assert.equal(recipientOf(received), "jan.peeters@example.be");
      assert.equal(received?.subject, "We hebben je vraag ontvangen");
      assert.equal(received?.text?.trim(), "Dag Jan, we antwoorden binnen twee werkdagen.");
      assert.equal((await rowOf(legacy.id))?.status, "sent");
    });

    it("fails a mail whose sealed content was altered, and still delivers the others", async () => {
      const person = await aPerson();
      const key: MailKey = { subjectId: person.subjectId, purpose: "contact" };
      const damaged = await enqueue(confirmation(key, person.email, { subject: "Beschadigd" }));
      const damagedStaffMail = await enqueue(
        confirmation("installation", "dpo@wits.be", { subject: "Beschadigd voor staff" }),
      );
      const intact = await enqueue(confirmation(key, person.email, { subject: "Heel" }));
      for (const id of [damaged, damagedStaffMail]) {
        const sealed = (await rowOf(id))?.sealedContent;
        assert.ok(sealed);
        await database.db
          .update(outbox)
          .set({ sealedContent: altered(sealed) })
          .where(eq(outbox.id, id));
      }

      const summary = await deliverOverSmtp();

      assert.equal(summary.failed, 2);
      assert.equal(summary.sent, 1);
      assert.deepEqual(
        (await sink.parsed()).map((mail) => mail.subject),
        ["Heel"],
      );
      for (const id of [damaged, damagedStaffMail]) {
        const row = await rowOf(id);
        assert.equal(row?.status, "failed");
        assert.match(row?.lastError ?? "", /does not open/);
        assert.ok(!row?.lastError?.includes(person.email), row?.lastError ?? "");
        assert.equal(row?.hardBounce, false, "the address was never tried");
      }
      assert.equal((await rowOf(intact))?.status, "sent");
    });

    it("delivers the mail of a person who came back after erasure, but not the mail from before", async () => {
      const person = await aPerson();
      const before = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email, {
          subject: "Van voor de wissing",
        }),
      );
      clock.advance(minute);
      await shred(person.subjectId);
      clock.advance(minute);
      // They write again with the same address: the same person, and their new request gets
      // a new key before its confirmation is sealed, as the contact intake does it.
      const { subjectId } = await vault.ensureSubject(database.db, { email: person.email });
      await vault.encryptField(database.db, {
        subjectId,
        purpose: "contact",
        table: "contact_requests",
        column: "name_ciphertext",
        recordId: randomUUID(),
        value: person.name,
      });
      const afterReturn = await enqueue(
        confirmation({ subjectId, purpose: "contact" }, person.email, {
          subject: "Van na de terugkeer",
        }),
      );

      const summary = await deliverOverSmtp();

      assert.equal(summary.erased, 1);
      await assertOnlyReceived("Van na de terugkeer", person.email);
      assert.equal(await rowOf(before), undefined);
      assert.equal((await rowOf(afterReturn))?.status, "sent");
    });

    it("queues nothing for a person erased before their mail is written, and brings no key back", async () => {
      const person = await aPerson();
      await vault.encryptField(database.db, {
        subjectId: person.subjectId,
        purpose: "contact",
        table: "contact_requests",
        column: "name_ciphertext",
        recordId: randomUUID(),
        value: person.name,
      });
      await shred(person.subjectId);

      const id = await enqueueMail(database.db, {
        clock,
        config,
        vault,
        mail: confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email),
      });

      assert.equal(id, null, "no mail is queued");
      assert.equal((await database.db.select().from(outbox)).length, 0);
      const [key] = await queryRows<{ wrapped_key: string | null }>(
        database.db,
        sql`select wrapped_key from data_keys
            where subject_id = ${person.subjectId} and purpose = 'contact'`,
      );
      assert.equal(key?.wrapped_key, null, "the shredded key stays shredded");
    });

    it("does not open the next batch with a key another process shredded after this one cached it", async () => {
      const [first, erased] = [await aPerson(), await aPerson()];
      await enqueue(confirmation({ subjectId: first.subjectId, purpose: "contact" }, first.email));
      clock.advance(minute);
      const id = await enqueue(
        confirmation({ subjectId: erased.subjectId, purpose: "contact" }, erased.email),
      );
      // The delivering process has read both mails (so holds both keys) a moment ago.
      const deliverer = await openVault({ db: database.db, config: vaultConfig, clock });
      const seen = await openedOutbox({ db: database.db, vault: deliverer });
      assert.deepEqual(
        seen.map((mail) => mail.toAddress),
        [first.email, erased.email],
      );
      // While it sends the first mail, the second person's erasure commits in another process.
      const smtp = smtpTransport(sink.url);
      const erasingElsewhere: MailTransport = {
        ...smtp,
        send: async (mail) => {
          if (mail.toAddress === first.email) await shred(erased.subjectId);
          return smtp.send(mail);
        },
      };

      const summary = await deliverMail({
        db: database.db,
        clock,
        transport: erasingElsewhere,
        vault: deliverer,
        batchSize: 1,
      });
      await smtp.close();

      assert.equal(summary.sent, 1);
      assert.equal(summary.erased, 1, "the next batch's keys are read afresh");
      assert.deepEqual(
        (await sink.parsed()).map(recipientOf),
        [first.email],
        "only the first person's mail reached the mail server",
      );
      assert.equal(await rowOf(id), undefined);
    });

    it("does not send held mail past its 30 days once SMTP is configured", async () => {
      const person = await aPerson();
      const id = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email),
      );
      await deliverToFiles();
      clock.advance(30 * day + minute);

      const summary = await deliverOverSmtp();

      assert.equal(summary.sent, 0);
      assert.equal(summary.purged, 1);
      assert.equal(sink.received.length, 0);
      assert.equal(await rowOf(id), undefined);
    });

    it("fails a mail naming no vault purpose without holding up the others", async () => {
      const [an, bo] = [await aPerson(), await aPerson()];
      const broken = await enqueue(
        confirmation({ subjectId: an.subjectId, purpose: "contact" }, an.email),
      );
      const fine = await enqueue(
        confirmation({ subjectId: bo.subjectId, purpose: "contact" }, bo.email),
      );
      await database.db
        .update(outbox)
        .set({ vaultPurpose: "unheard_of" })
        .where(eq(outbox.id, broken));

      const summary = await deliverOverSmtp();

      assert.equal(summary.failed, 1);
      assert.equal(summary.sent, 1);
      assert.equal((await rowOf(broken))?.status, "failed");
      assert.equal((await rowOf(fine))?.status, "sent");
      assert.equal(recipientOf((await sink.parsed())[0]), bo.email);
    });

    it("removes an .eml it wrote while the person's mail was being deleted", async () => {
      const person = await aPerson();
      const id = await enqueue(
        confirmation({ subjectId: person.subjectId, purpose: "contact" }, person.email),
      );
      const files = transportFor(loadConfig({ DATA_DIR: dataDir }));
      // Another process forgets the row (the person was erased) while this one writes the file.
      const forgottenMidWrite: MailTransport = {
        ...files,
        send: async (mail) => {
          const kept = await files.send(mail);
          await database.db.delete(outbox).where(eq(outbox.id, mail.id));
          return kept;
        },
      };

      await deliverVia(forgottenMidWrite);

      assert.equal(await rowOf(id), undefined);
      assert.equal(
        await exists(path.join(dataDir, "outbox", `${id}.eml`)),
        false,
        "no file is left that no row names",
      );
    });
  });
}
