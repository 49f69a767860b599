import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createTransport, type SendMailOptions } from "nodemailer";
import type { Config } from "../config.ts";
import type { OutboxAttachment } from "./outbox.tables.ts";

/** What a transport needs to build the message: an outbox row's ids with its content opened. */
export interface OutboundMail {
  id: string;
  fromAddress: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  headers: Record<string, string>;
  attachments?: OutboxAttachment[];
}

export interface SentMail {
  messageId: string;
  /** Set by the file transport: where the message was kept. */
  emlPath?: string;
}

export interface MailTransport {
  /** "file" keeps mail on disk as held; "smtp" really sends it (and sends held mail too). */
  kind: "smtp" | "file";
  send(mail: OutboundMail): Promise<SentMail>;
  /**
   * Removes whatever this transport may have kept of a mail, even half written: an erased
   * person's .eml must go although the row that would name it never recorded it.
   */
  discard(id: string): Promise<void>;
  close(): Promise<void>;
}

// nodemailer waits up to 2 min to connect and 10 min on a silent socket; a claimed row's lease is
// 5 min, so a hanging server must fail the send well before another process may reclaim it.
const smtpTimeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export interface SmtpTransportOptions {
  /** Connections kept open at once; the delivery job sends as many mails at a time. */
  maxConnections?: number;
}

/**
 * Sends over a pool of SMTP connections, each reused for up to 1000 messages: a connection and
 * greeting per mail would cost more than the mail. Settings in the URL's query string (e.g.
 * `?socketTimeout=`) win.
 */
export function smtpTransport(
  smtpUrl: string,
  { maxConnections = 4 }: SmtpTransportOptions = {},
): MailTransport {
  const transporter = createTransport({
    ...smtpTimeouts,
    pool: true,
    maxConnections,
    maxMessages: 1000,
    // A pooled connection the server dropped mid-send is retried once on a fresh one; more
    // retries could stretch one send past the job's send budget.
    maxRequeues: 1,
    url: smtpUrl,
  });
  return {
    kind: "smtp",
    send: async (mail) => {
      const info = await transporter.sendMail(messageFor(mail));
      return { messageId: info.messageId };
    },
    // Nothing is kept: what the server accepted is out of our hands.
    discard: async () => {},
    close: async () => transporter.close(),
  };
}

/** Keeps each message as `<dataDir>/outbox/<id>.eml`, for when no SMTP server is configured. */
export function fileTransport(dataDir: string): MailTransport {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const folder = path.resolve(dataDir, "outbox");
  return {
    kind: "file",
    send: async (mail) => {
      const info = await composer.sendMail(messageFor(mail));
      if (!Buffer.isBuffer(info.message)) throw new Error("nodemailer returned no message buffer");
      // Owner-only: the file holds a recipient's address and the mail's content.
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const emlPath = path.join(folder, `${mail.id}.eml`);
      await writeFileAtomically(emlPath, info.message);
      return { messageId: info.messageId, emlPath };
    },
    discard: async (id) => {
      const emlPath = path.join(folder, `${id}.eml`);
      await rm(emlPath, { force: true });
      await rm(`${emlPath}.partial`, { force: true });
    },
    close: async () => composer.close(),
  };
}

export function transportFor(
  config: Pick<Config, "SMTP_URL" | "DATA_DIR"> & Partial<Pick<Config, "MAIL_CONCURRENCY">>,
): MailTransport {
  return config.SMTP_URL
    ? smtpTransport(config.SMTP_URL, { maxConnections: config.MAIL_CONCURRENCY })
    : fileTransport(config.DATA_DIR);
}

function messageFor(mail: OutboundMail): SendMailOptions {
  return {
    from: mail.fromAddress,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.textBody,
    html: mail.htmlBody ?? undefined,
    headers: mail.headers,
    messageId: messageIdFor(mail),
    attachments: (mail.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      content: Buffer.from(attachment.contentBase64, "base64"),
      contentType: attachment.contentType,
    })),
  };
}

/**
 * One Message-ID per outbox row, whichever transport and attempt: the kept .eml matches what is
 * later sent, and a mail resent after a crash mid-send can be recognised as a duplicate.
 */
function messageIdFor(mail: OutboundMail): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(mail.fromAddress)?.[1] ?? "localhost";
  return `<${mail.id}@${domain}>`;
}

// Written aside and renamed, so a reader (or a crash) never sees half a message.
async function writeFileAtomically(file: string, content: Buffer): Promise<void> {
  const partial = `${file}.partial`;
  await writeFile(partial, content, { mode: 0o600 });
  await rename(partial, file);
}
