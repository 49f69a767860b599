import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import type { Database, DatabaseKind } from "../src/core/db/database.ts";
import {
  deliverMail,
  enqueueMail,
  type MailKey,
  type MailToSend,
  smtpTransport,
} from "../src/core/mail/index.ts";
import { openVault, type Vault } from "../src/vault/index.ts";
import { openScratchDatabase } from "./scratch-database.ts";

const config = loadConfig({ MAIL_FROM: "WITS <privacy@wits.be>" });

interface Sink {
  url: string;
  port: number;
  received(): number;
  close(): Promise<void>;
}

/**
 * A local SMTP server that accepts everything and keeps nothing, in this process: it shares the
 * 2 cores with the sender, for the baseline and the outbox alike.
 */
async function startSink(): Promise<Sink> {
  let received = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What reader `n` gets: the same for the baseline and the outbox. */
function message(n: number) {
  return {
    to: `lezer${n}@example.be`,
    subject: `Nieuwsbrief november, ${n}`,
    text: "Dag lezer, dit is de nieuwsbrief van november. Uitschrijven kan via de link onderaan.",
  };
}

function aMail(n: number, sealedUnder: MailKey): MailToSend {
  return { purpose: "bench.mail", sealedUnder, locale: "nl", ...message(n) };
}

/** A vault of its own, keys and ledger in a temporary directory removed with `close`. */
async function openBenchVault(database: Database) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-bench-mail-keys-"));
  const vaultConfig = loadConfig({
    DATA_DIR: dataDir,
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
  const vault = await openVault({ db: database.db, config: vaultConfig, clock: systemClock });
  return { vault, close: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * A scratch database whose `total` readers are people of their own, as a campaign's are: the
 * delivery opens every mail under its reader's key, which is part of what it costs. Made once
 * per series (it is not measured), and its outbox emptied before each run.
 */
interface BenchOutbox {
  database: Database;
  vault: Vault;
  readers: string[];
  close(): Promise<void>;
}

async function openBenchOutbox(kind: DatabaseKind, total: number): Promise<BenchOutbox> {
  const database = await openScratchDatabase(kind);
  const keys = await openBenchVault(database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const close = async () => {
    await database.close();
    await keys.close();
  };
  try {
    const readers: string[] = [];
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < total; n++) {
        readers.push((await keys.vault.ensureSubject(tx, { email: message(n).to })).subjectId);
      }
    });
    return { database, vault: keys.vault, readers, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function enqueueReaders({ database, vault, readers }: BenchOutbox): Promise<void> {
  await database.db.execute(sql`delete from outbox`);
  await database.db.transaction(async (tx) => {
    for (const [n, subjectId] of readers.entries()) {
      const mail = aMail(n, { subjectId, purpose: "newsletter" });
      await enqueueMail(tx, { clock: systemClock, config, vault, mail });
    }
  });
}

/** The baseline: nodemailer's own pool sending straight to the sink, `concurrency` at a time. */
async function rawSendRate(sink: Sink, total: number, concurrency: number): Promise<number> {
  const transporter = createTransport({
    pool: true,
    maxConnections: concurrency,
    maxMessages: 1000,
    host: "127.0.0.1",
    port: sink.port,
    secure: false,
  });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const mail = message(n);
      await transporter.sendMail({
        from: config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<bench-${n}-${started}@wits.be>`,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  transporter.close();
  return total / seconds;
}

/**
 * The product: one mail per reader sealed under the reader's key in the outbox, then
 * `deliverMail` (which opens each) until none is left.
 */
async function outboxSendRate(
  outbox: BenchOutbox,
  sink: Sink,
  concurrency: number,
): Promise<number> {
  await enqueueReaders(outbox);
  const total = outbox.readers.length;
  const transport = smtpTransport(sink.url, { maxConnections: concurrency });
  let sent = 0;
  const started = performance.now();
  try {
    while (sent < total) {
      const summary = await deliverMail({
        db: outbox.database.db,
        clock: systemClock,
        transport,
        vault: outbox.vault,
        concurrency,
      });
      if (summary.sent === 0) throw new Error(`the outbox stopped after ${sent} of ${total}`);
      sent += summary.sent;
    }
  } finally {
    await transport.close();
  }
  return total / ((performance.now() - started) / 1000);
}

export interface MailDeliveryResult {
  kind: DatabaseKind;
  concurrency: number;
  raw: number;
  outbox: number;
}

/** Baseline and outbox alternated, best of two each, so a busy moment does not pick a side. */
export async function mailDelivery(
  kind: DatabaseKind,
  total: number,
  concurrency: number,
): Promise<MailDeliveryResult> {
  const outbox = await openBenchOutbox(kind, total);
  const sink = await startSink().catch(async (error: unknown) => {
    await outbox.close();
    throw error;
  });
  try {
    await rawSendRate(sink, Math.min(500, total), concurrency); // warm-up
    const raw1 = await rawSendRate(sink, total, concurrency);
    const outbox1 = await outboxSendRate(outbox, sink, concurrency);
    const raw2 = await rawSendRate(sink, total, concurrency);
    const outbox2 = await outboxSendRate(outbox, sink, concurrency);
    return {
      kind,
      concurrency,
      raw: Math.max(raw1, raw2),
      outbox: Math.max(outbox1, outbox2),
    };
  } finally {
    await outbox.close();
    await sink.close();
  }
}

export async function printMailDeliveryBenchmarks(kinds: readonly DatabaseKind[], total = 5000) {
  const fixed = (n: number, digits = 0) => n.toFixed(digits);
  process.stdout.write(
    `\noutbox delivery to a local smtp-server sink (same process), ${total} mails each sealed under its reader's key, pooled connections, against nodemailer's pooled send rate to the same sink\n| database | connections | nodemailer msg/s | outbox msg/s | outbox / nodemailer |\n|---|---|---|---|---|\n`,
  );
  for (const kind of kinds) {
    for (const concurrency of [4, 8]) {
      const r = await mailDelivery(kind, total, concurrency);
      process.stdout.write(
        `| ${kind} | ${r.concurrency} | ${fixed(r.raw)} | ${fixed(r.outbox)} | ${fixed(r.outbox / r.raw, 2)} |\n`,
      );
    }
  }
}
