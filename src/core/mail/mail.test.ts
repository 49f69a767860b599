import assert from "node:assert/strict";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import net, { type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { type Clock, fakeClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import { createLogger } from "../log.ts";
import {
  deliverMail,
  deliverMailJob,
  enqueueMail,
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

function aMail(overrides: Partial<MailToSend> = {}): MailToSend {
  return {
    purpose: "contact.received",
    locale: "nl",
    to: recipient,
    subject: "We hebben je vraag ontvangen",
    text: "Dag Jan, we antwoorden binnen twee werkdagen.",
    ...overrides,
  };
}

interface SmtpSink {
  url: string;
  port: number;
  received: Buffer[];
  parsed(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

interface SmtpSinkOptions {
  port?: number;
  /** Rejects every RCPT TO with this code, echoing the address as real servers do. */
  rejectRecipientsWith?: number;
}

async function startSmtpSink({ port = 0, rejectRecipientsWith }: SmtpSinkOptions = {}) {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!rejectRecipientsWith) return callback();
      const error: SMTPServerError = new Error(
        `5.1.1 <${address.address}>: Recipient address rejected: User unknown`,
      );
      error.responseCode = rejectRecipientsWith;
      callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const listening = (server.server.address() as AddressInfo).port;
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${listening}`,
    port: listening,
    received,
    parsed: () => Promise.all(received.map((message) => simpleParser(message))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
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
    let sink: SmtpSink;
    let dataDir: string;

    before(async () => {
      database = await createTestDatabase(kind);
      sink = await startSmtpSink();
    });

    after(async () => {
      await sink.close();
      await database.close();
    });

    beforeEach(async () => {
      await database.db.delete(outbox);
      sink.received.length = 0;
      dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-mail-"));
    });

    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    const enqueue = (clock: Clock, mail: MailToSend = aMail()) =>
      enqueueMail(database.db, { clock, config, mail });

    const rowOf = async (id: string) => {
      const [row] = await database.db.select().from(outbox).where(eq(outbox.id, id));
      assert.ok(row, `outbox row ${id} exists`);
      return row;
    };

    const deliverVia = async (transport: MailTransport, clock: Clock, batchSize?: number) => {
      try {
        return await deliverMail({ db: database.db, clock, transport, batchSize });
      } finally {
        await transport.close();
      }
    };

    it("delivers a queued mail over SMTP and keeps it 30 days", async () => {
      const clock = fakeClock();
      const id = await enqueue(clock);

      const summary = await deliverVia(smtpTransport(sink.url), clock);

      assert.deepEqual(summary, { sent: 1, held: 0, retried: 0, failed: 0, purged: 0 });
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
        await enqueue(clock, aMail({ subject: `Mail ${n}` }));
      }

      const summaries = await Promise.all(
        [1, 2, 3, 4].map(() => deliverVia(smtpTransport(sink.url), clock, 2)),
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
      for (let n = 0; n < 3; n++) await enqueue(clock, aMail({ subject: `Mail ${n}` }));
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
        signal: shutdown.signal,
      });
      await smtp.close();

      assert.equal(interrupted.sent, 1);
      const left = await database.db.select().from(outbox).where(eq(outbox.status, "queued"));
      assert.equal(left.length, 2, "unsent mail is handed back, not left locked");
      assert.equal((await deliverVia(smtpTransport(sink.url), clock)).sent, 2);
      assert.equal(sink.received.length, 3);
    });

    it("runs as the mail.deliver job with the configured SMTP server", async () => {
      const clock = fakeClock();
      const id = await enqueue(clock);

      const summary = await deliverMailJob.run({
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
          await enqueueMail(tx, { clock, config, mail: aMail() });
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
        enqueue(fakeClock(), aMail({ to: "jan.peeters-at-example.be" })),
        (error) => {
          assert.ok(error instanceof Error);
          assert.ok(!error.message.includes("jan.peeters"), error.message);
          return true;
        },
      );
    });
  });
}
