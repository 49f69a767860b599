import assert from "node:assert/strict";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { type SmtpSink, startSmtpSink } from "../../../test/helpers/smtp-sink.ts";
import { openTestVault } from "../../vault/test-vault.ts";
import type { Vault } from "../../vault/vault.ts";
import { type Clock, fakeClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { createLogger } from "../log.ts";
import {
  type DeliverMailOptions,
  deliverMail,
  deliverMailJob,
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
const recipient = "jan.peeters@example.be";
const config = loadConfig({ DATA_DIR: os.tmpdir(), MAIL_FROM: "WITS <privacy@wits.be>" });

/** Jan's confirmation of his contact request, sealed under his key for "contact". */
function aMail(sealedUnder: MailKey, overrides: Partial<MailToSend> = {}): MailToSend {
  return {
    purpose: "contact.received",
    sealedUnder,
    locale: "nl",
    to: recipient,
    subject: "We hebben je vraag ontvangen",
    text: "Dag Jan, we antwoorden binnen twee werkdagen.",
    ...overrides,
  };
}

/** A port that was just free and now refuses connections: a mail server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

for (const kind of databaseKinds) {
  describe(`mail outbox on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let vaultDir: string;
    let jan: MailKey;
    let sink: SmtpSink;
    let dataDir: string;

    before(async () => {
      database = await createTestDatabase(kind);
      ({ vault, dataDir: vaultDir } = await openTestVault(database.db));
      const { subjectId } = await vault.ensureSubject(database.db, { email: recipient });
      jan = { subjectId, purpose: "contact" };
      sink = await startSmtpSink();
    });

    after(async () => {
      await sink.close();
      await database.close();
      await rm(vaultDir, { recursive: true, force: true });
    });

    beforeEach(async () => {
      await database.db.delete(outbox);
      sink.received.length = 0;
      sink.connections = 0;
      dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-mail-"));
    });

    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    const janMail = (overrides: Partial<MailToSend> = {}) => aMail(jan, overrides);

    const enqueue = async (clock: Clock, mail: MailToSend = janMail()) => {
      const id = await enqueueMail(database.db, { clock, config, vault, mail });
      assert.ok(id, "the mail was queued");
      return id;
    };

    /** The row with its sealed content opened, as the delivery reads it. */
    const openedOf = async (id: string) => {
      const [mail] = await openedOutbox({ db: database.db, vault }, eq(outbox.id, id));
      assert.ok(mail, `outbox row ${id} exists`);
      return mail;
    };

    const rowOf = async (id: string) => {
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
      assert.ok(row, `outbox row ${id} exists`);
      return row;
    };

    type DeliveryTuning = Pick<DeliverMailOptions, "batchSize" | "concurrency" | "ratePerSecond">;
    const deliverVia = async (
      transport: MailTransport,
      clock: Clock,
      tuning: DeliveryTuning = {},
    ) => {
      try {
        return await deliverMail({ db: database.db, clock, transport, vault, ...tuning });
      } finally {
        await transport.close();
      }
    };

    it("delivers a queued mail over SMTP and keeps it 30 days", async () => {
      const clock = fakeClock();
      const id = await enqueue(clock);

      const summary = await deliverVia(smtpTransport(sink.url), clock);

      assert.deepEqual(summary, { sent: 1, held: 0, retried: 0, failed: 0, erased: 0, purged: 0 });
      const [received] = await sink.parsed();
      assert.ok(received);
      assert.equal(received.subject, "We hebben je vraag ontvangen");
      assert.equal(received.text?.trim(), "Dag Jan, we antwoorden binnen twee werkdagen.");
      assert.equal(received.from?.value[0]?.address, "privacy@wits.be");
      assert.equal(received.from?.value[0]?.name, "WITS");
      const to = Array.isArray(received.to) ? received.to[0] : received.to;
      assert.equal(to?.value[0]?.address, recipient);
      const row = await rowOf(id);
      assert.equal(row.status, "sent");
      assert.equal(row.messageId, received.messageId);
      assert.deepEqual(row.sentAt, clock.now());
      assert.deepEqual(row.retainUntil, new Date(clock.now().getTime() + 30 * day));
      assert.equal(row.retentionReason, "mail.sent_30d");
    });

    it("keeps a mail's attachments in the outbox and sends them as MIME parts", async () => {
      const clock = fakeClock();
      const content = Buffer.from("%PDF-1.3\n% a tiny file, not a real PDF\n");
      const id = await enqueue(
        clock,
        janMail({
          attachments: [
            {
              filename: "factuur-2026-000001.pdf",
              contentType: "application/pdf",
              contentBase64: content.toString("base64"),
            },
          ],
        }),
      );
      assert.equal((await openedOf(id)).attachments.length, 1);
      assert.deepEqual((await openedOf(await enqueue(clock))).attachments, [], "none by default");

      await deliverVia(smtpTransport(sink.url), clock);

      const withAttachment = (await sink.parsed()).find((mail) => mail.attachments.length > 0);
      const [attachment] = withAttachment?.attachments ?? [];
      assert.equal(attachment?.filename, "factuur-2026-000001.pdf");
      assert.equal(attachment?.contentType, "application/pdf");
      assert.ok(attachment?.content.equals(content));
      assert.equal(withAttachment?.text?.trim(), "Dag Jan, we antwoorden binnen twee werkdagen.");
    });

    it("fails a mail at once when the server rejects the recipient (550), without its address in the error", async () => {
      const rejecting = await startSmtpSink({ rejectRecipientsWith: 550 });
      const clock = fakeClock();
      const id = await enqueue(clock);

      const summary = await deliverVia(smtpTransport(rejecting.url), clock);
      clock.advance(7 * 60 * 60_000);
      const later = await deliverVia(smtpTransport(rejecting.url), clock);
      await rejecting.close();

      assert.equal(summary.failed, 1);
      assert.equal(later.failed + later.retried + later.sent, 0, "a hard bounce is not retried");
      const row = await rowOf(id);
      assert.equal(row.status, "failed");
      assert.equal(row.hardBounce, true, "flagged, so the newsletter stops mailing the address");
      assert.equal(row.attempts, 1);
      assert.match(row.lastError ?? "", /550/);
      assert.ok(!row.lastError?.toLowerCase().includes(recipient), row.lastError ?? "");
      assert.equal(rejecting.received.length, 0);

      clock.advance(31 * 24 * 60 * 60_000);
      const purge = await deliverVia(smtpTransport(rejecting.url), clock);
      assert.equal(purge.purged, 1, "a failed mail and its address go after 30 days");
      assert.equal(await rowOf(id).catch(() => undefined), undefined);
    });

    it("keeps a mail queued with backoff while the server is down, and delivers it once it is up", async () => {
      const port = await closedPort();
      const downUrl = `smtp://127.0.0.1:${port}`;
      const clock = fakeClock();
      const id = await enqueue(clock);

      const firstTry = await deliverVia(smtpTransport(downUrl), clock);

      assert.equal(firstTry.retried, 1);
      const waiting = await rowOf(id);
      assert.equal(waiting.status, "queued");
      assert.equal(waiting.attempts, 1);
      assert.ok(waiting.nextAttemptAt > clock.now(), "the next attempt is later");
      assert.match(waiting.lastError ?? "", /ECONNREFUSED|ECONNECTION|ESOCKET/);

      const backAtOnce = await startSmtpSink({ port });
      try {
        const tooEarly = await deliverVia(smtpTransport(downUrl), clock);
        assert.equal(tooEarly.sent, 0, "the backoff is respected");
        clock.set(waiting.nextAttemptAt);
        const retry = await deliverVia(smtpTransport(downUrl), clock);
        assert.equal(retry.sent, 1);
        assert.equal(backAtOnce.received.length, 1);
        assert.equal((await rowOf(id)).status, "sent");
      } finally {
        await backAtOnce.close();
      }
    });

    it("gives up on a mail after 8 attempts", async () => {
      const downUrl = `smtp://127.0.0.1:${await closedPort()}`;
      const clock = fakeClock();
      const id = await enqueue(clock);

      for (let attempt = 1; attempt <= 8; attempt++) {
        await deliverVia(smtpTransport(downUrl), clock);
        clock.advance(6 * 60 * minute);
      }

      const row = await rowOf(id);
      assert.equal(row.status, "failed");
      assert.equal(row.attempts, 8);
      assert.equal(row.hardBounce, false, "a server that stays down is no bounce");
    });

    it("retries a mail the server refuses for now (450), without flagging a hard bounce", async () => {
      const busy = await startSmtpSink({ rejectRecipientsWith: 450 });
      const clock = fakeClock();
      const id = await enqueue(clock);

      const summary = await deliverVia(smtpTransport(busy.url), clock);
      await busy.close();

      assert.equal(summary.retried, 1);
      const row = await rowOf(id);
      assert.equal(row.status, "queued");
      assert.equal(row.hardBounce, false);
      assert.equal(row.attempts, 1);
      assert.match(row.lastError ?? "", /450/);
      assert.ok(!row.lastError?.toLowerCase().includes(recipient), row.lastError ?? "");
    });

    it("holds mail as an .eml file without SMTP, and sends it once SMTP is configured", async () => {
      const clock = fakeClock();
      const id = await enqueue(clock);
      const withoutSmtp = transportFor(loadConfig({ DATA_DIR: dataDir }));
      assert.equal(withoutSmtp.kind, "file");

      const kept = await deliverVia(withoutSmtp, clock);

      assert.equal(kept.held, 1);
      const held = await rowOf(id);
      assert.equal(held.status, "held");
      assert.equal(held.emlPath, path.join(dataDir, "outbox", `${id}.eml`));
      const eml = await simpleParser(await readFile(held.emlPath ?? ""));
      assert.equal(eml.subject, "We hebben je vraag ontvangen");
      assert.equal(
        (await deliverVia(transportFor(loadConfig({ DATA_DIR: dataDir })), clock)).held,
        0,
      );

      const withSmtp = transportFor(loadConfig({ DATA_DIR: dataDir, SMTP_URL: sink.url }));
      const sent = await deliverVia(withSmtp, clock);

      assert.equal(sent.sent, 1);
      const [received] = await sink.parsed();
      assert.equal(received?.messageId, eml.messageId, "the .eml is the mail that was sent");
      assert.equal((await rowOf(id)).status, "sent");
    });

    it("purges sent mail, and the .eml file it was kept as, 30 days after sending", async () => {
      const clock = fakeClock();
      const id = await enqueue(clock);
      await deliverVia(transportFor(loadConfig({ DATA_DIR: dataDir })), clock);
      const { emlPath } = await rowOf(id);
      await deliverVia(smtpTransport(sink.url), clock);

      clock.advance(29 * day);
      assert.equal((await deliverVia(smtpTransport(sink.url), clock)).purged, 0);
      clock.advance(1 * day + 1000);
      const summary = await deliverVia(smtpTransport(sink.url), clock);

      assert.equal(summary.purged, 1);
      assert.equal((await database.db.select().from(outbox)).length, 0);
      assert.ok(emlPath && !(await exists(emlPath)), "the .eml file is deleted too");
    });

    it("sends each mail exactly once when deliveries run at the same time", async () => {
      const clock = fakeClock();
      const subjects: string[] = [];
      for (let n = 0; n < 40; n++) {
        subjects.push(`Mail ${n}`);
        await enqueue(clock, janMail({ subject: `Mail ${n}` }));
      }

      const summaries = await Promise.all(
        [1, 2, 3, 4].map(() => deliverVia(smtpTransport(sink.url), clock, { batchSize: 2 })),
      );

      assert.equal(
        summaries.reduce((total, summary) => total + summary.sent, 0),
        40,
      );
      const received = (await sink.parsed()).map((mail) => mail.subject ?? "");
      assert.deepEqual(received.sort(), subjects.sort());
    });

    it("stops between mails on shutdown and leaves the rest to the next run", async () => {
      const clock = fakeClock();
      for (let n = 0; n < 3; n++) await enqueue(clock, janMail({ subject: `Mail ${n}` }));
      const shutdown = new AbortController();
      const smtp = smtpTransport(sink.url);
      const shuttingDownAfterOne: MailTransport = {
        ...smtp,
        send: async (mail) => {
          const sent = await smtp.send(mail);
          shutdown.abort();
          return sent;
        },
      };

      const interrupted = await deliverMail({
        db: database.db,
        clock,
        transport: shuttingDownAfterOne,
        vault,
        concurrency: 1,
        signal: shutdown.signal,
      });
      await smtp.close();

      assert.equal(interrupted.sent, 1);
      const left = await database.db.select().from(outbox).where(eq(outbox.status, "queued"));
      assert.equal(left.length, 2, "unsent mail is handed back, not left locked");
      assert.equal((await deliverVia(smtpTransport(sink.url), clock)).sent, 2);
      assert.equal(sink.received.length, 3);
    });

    it("sends 50 mails over a few pooled connections at once, each exactly once", async () => {
      const clock = fakeClock();
      const subjects: string[] = [];
      for (let n = 0; n < 50; n++) {
        subjects.push(`Mail ${n}`);
        await enqueue(clock, janMail({ subject: `Mail ${n}` }));
      }

      const summary = await deliverVia(smtpTransport(sink.url, { maxConnections: 4 }), clock, {
        concurrency: 4,
        batchSize: 20,
      });

      assert.equal(summary.sent, 50);
      const received = await sink.parsed();
      assert.deepEqual(received.map((mail) => mail.subject ?? "").sort(), subjects.sort());
      assert.ok(sink.connections <= 4, `${sink.connections} SMTP sessions for 50 mails`);
      const rows = await database.db.select().from(outbox);
      assert.ok(rows.every((row) => row.status === "sent" && row.lockedUntil === null));
      assert.deepEqual(
        rows.map((row) => row.messageId).sort(),
        received.map((mail) => mail.messageId).sort(),
        "each row records the Message-ID it was sent with",
      );
    });

    it("stops starting mails on shutdown while others are in flight, and hands the rest back", async () => {
      const clock = fakeClock();
      for (let n = 0; n < 20; n++) await enqueue(clock, janMail({ subject: `Mail ${n}` }));
      const shutdown = new AbortController();
      const smtp = smtpTransport(sink.url);
      const shuttingDownAfterOne: MailTransport = {
        ...smtp,
        send: async (mail) => {
          const sent = await smtp.send(mail);
          shutdown.abort();
          return sent;
        },
      };

      const interrupted = await deliverMail({
        db: database.db,
        clock,
        transport: shuttingDownAfterOne,
        vault,
        concurrency: 4,
        signal: shutdown.signal,
      });
      await smtp.close();

      assert.ok(interrupted.sent >= 1 && interrupted.sent <= 4, `${interrupted.sent} sent`);
      const left = await database.db.select().from(outbox).where(eq(outbox.status, "queued"));
      assert.equal(left.length, 20 - interrupted.sent, "unstarted mail is handed back");
      assert.equal((await deliverVia(smtpTransport(sink.url), clock)).sent, left.length);
      assert.equal(sink.received.length, 20);
    });

    it("hands back the mails it could not start before its lease ran short", async () => {
      const clock = fakeClock();
      for (let n = 0; n < 5; n++) await enqueue(clock, janMail({ subject: `Mail ${n}` }));
      const smtp = smtpTransport(sink.url);
      const slow: MailTransport = {
        ...smtp,
        send: async (mail) => {
          clock.advance(3.5 * minute); // the server took long: little of the 5 min lease is left
          return smtp.send(mail);
        },
      };

      const summary = await deliverMail({
        db: database.db,
        clock,
        transport: slow,
        vault,
        concurrency: 1,
      });
      await smtp.close();

      assert.equal(summary.sent, 1);
      const left = await database.db.select().from(outbox).where(eq(outbox.status, "queued"));
      assert.equal(left.length, 4);
      assert.ok(left.every((row) => row.lockedUntil === null));
    });

    it("does not record a mail as sent when another process took it over meanwhile", async () => {
      const clock = fakeClock();
      const ids: string[] = [];
      for (let n = 0; n < 3; n++) ids.push(await enqueue(clock, janMail({ subject: `Mail ${n}` })));
      const otherLease = new Date(clock.now().getTime() + 60 * minute);
      const smtp = smtpTransport(sink.url);
      const takenOverMidSend: MailTransport = {
        ...smtp,
        send: async (mail) => {
          if (mail.id === ids[1]) {
            await database.db
              .update(outbox)
              .set({ lockedUntil: otherLease })
              .where(eq(outbox.id, mail.id));
          }
          return smtp.send(mail);
        },
      };

      await deliverMail({ db: database.db, clock, transport: takenOverMidSend, vault });
      await smtp.close();

      assert.equal((await rowOf(ids[0] ?? "")).status, "sent");
      assert.equal((await rowOf(ids[2] ?? "")).status, "sent");
      const takenOver = await rowOf(ids[1] ?? "");
      assert.equal(takenOver.status, "sending", "the other process settles it");
      assert.deepEqual(takenOver.lockedUntil, otherLease);
    });

    it("never sends cancelled mail, and purges it after its retention", async () => {
      const clock = fakeClock();
      const kept = await enqueue(clock, janMail({ subject: "Kept" }));
      const cancelled = await enqueue(clock, janMail({ subject: "Withdrawn" }));
      await database.db
        .update(outbox)
        .set({
          status: "cancelled",
          // Even with a lapsed lease and a due attempt, "cancelled" is never claimed.
          lockedUntil: new Date(clock.now().getTime() - minute),
          retainUntil: new Date(clock.now().getTime() + day),
          retentionReason: "newsletter.cancelled",
        })
        .where(eq(outbox.id, cancelled));
      clock.advance(minute);

      const summary = await deliverVia(smtpTransport(sink.url), clock);
      const onFile = await deliverVia(transportFor(loadConfig({ DATA_DIR: dataDir })), clock);

      assert.equal(summary.sent, 1);
      assert.equal(onFile.held, 0);
      assert.deepEqual(
        (await sink.parsed()).map((mail) => mail.subject),
        ["Kept"],
      );
      assert.equal((await rowOf(cancelled)).status, "cancelled");
      assert.equal((await rowOf(kept)).status, "sent");

      clock.advance(day);
      const purge = await deliverVia(smtpTransport(sink.url), clock);

      assert.equal(purge.purged, 1);
      assert.equal(await rowOf(cancelled).catch(() => undefined), undefined);
      assert.equal((await rowOf(kept)).status, "sent", "sent mail keeps its own 30 days");
      assert.equal(sink.received.length, 1);
    });

    it("keeps to the configured rate: 20 mails at 10 per second take at least 1.5 s", async () => {
      const clock = fakeClock();
      for (let n = 0; n < 20; n++) await enqueue(clock, janMail({ subject: `Mail ${n}` }));

      const started = performance.now();
      const summary = await deliverVia(smtpTransport(sink.url), clock, {
        concurrency: 4,
        ratePerSecond: 10,
      });
      const elapsed = performance.now() - started;

      assert.equal(summary.sent, 20);
      assert.equal(sink.received.length, 20);
      // A lower bound only: a slow machine may take longer, never shorter.
      assert.ok(elapsed >= 1500, `${Math.round(elapsed)} ms for 20 mails at 10/s`);
    });

    it("runs the job with MAIL_CONCURRENCY and MAIL_RATE_PER_SECOND from the configuration", async () => {
      const clock = fakeClock();
      for (let n = 0; n < 6; n++) await enqueue(clock, janMail({ subject: `Mail ${n}` }));
      const tuned = loadConfig({
        DATA_DIR: dataDir,
        SMTP_URL: sink.url,
        MAIL_CONCURRENCY: "2",
        MAIL_RATE_PER_SECOND: "10",
      });
      assert.equal(tuned.MAIL_CONCURRENCY, 2);
      assert.equal(tuned.MAIL_RATE_PER_SECOND, 10);

      const started = performance.now();
      const summary = await deliverMailJob(() => ({ vault })).run({
        db: database.db,
        clock,
        log: createLogger({ level: "silent" }),
        config: tuned,
        signal: new AbortController().signal,
      });

      assert.equal(summary?.sent, 6);
      assert.ok(performance.now() - started >= 400, "six starts 100 ms apart");
      assert.ok(sink.connections <= 2, `${sink.connections} SMTP sessions`);
    });

    it("runs as the mail.deliver job with the configured SMTP server", async () => {
      const clock = fakeClock();
      const id = await enqueue(clock);

      const summary = await deliverMailJob(() => ({ vault })).run({
        db: database.db,
        clock,
        log: createLogger({ level: "silent" }),
        config: loadConfig({ DATA_DIR: dataDir, SMTP_URL: sink.url }),
        signal: new AbortController().signal,
      });

      assert.equal(summary?.sent, 1);
      assert.equal((await rowOf(id)).status, "sent");
      assert.equal(sink.received.length, 1);
    });

    it("sends nothing for a mail enqueued in a transaction that rolls back", async () => {
      const clock = fakeClock();
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await enqueueMail(tx, { clock, config, vault, mail: janMail() });
          throw new Error("the sign-up failed");
        }),
        /the sign-up failed/,
      );

      const summary = await deliverVia(smtpTransport(sink.url), clock);

      assert.equal(summary.sent, 0);
      assert.equal(sink.received.length, 0);
    });

    it("refuses an invalid recipient without repeating it", async () => {
      await assert.rejects(
        enqueue(fakeClock(), janMail({ to: "jan.peeters-at-example.be" })),
        (error) => {
          assert.ok(error instanceof Error);
          assert.ok(!error.message.includes("jan.peeters"), error.message);
          return true;
        },
      );
    });
  });
}

describe("mail delivery settings", () => {
  it("default to 4 connections and no rate limit, and refuse values out of range", () => {
    const defaults = loadConfig({});
    assert.equal(defaults.MAIL_CONCURRENCY, 4);
    assert.equal(defaults.MAIL_RATE_PER_SECOND, 0);
    assert.throws(() => loadConfig({ MAIL_CONCURRENCY: "0" }), /MAIL_CONCURRENCY/);
    assert.throws(() => loadConfig({ MAIL_CONCURRENCY: "33" }), /MAIL_CONCURRENCY/);
    assert.throws(() => loadConfig({ MAIL_RATE_PER_SECOND: "-1" }), /MAIL_RATE_PER_SECOND/);
  });
});
