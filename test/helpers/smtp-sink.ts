import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export interface SmtpSink {
  url: string;
  port: number;
  /** Every message accepted, raw, in order; tests clear it with `received.length = 0`. */
  readonly received: Buffer[];
  /** SMTP sessions opened so far (a pooled transport reuses a few); tests may reset it to 0. */
  connections: number;
  parsed(): Promise<ParsedMail[]>;
  /** The Message-ID of every message accepted, once per delivery: a resend shows up twice. */
  messageIds(): string[];
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** A fixed port, e.g. one a mail server was down on; 0 (the default) takes a free one. */
  port?: number;
  /** Rejects every RCPT TO with this code (5xx for good, 4xx for now), echoing the address as real servers do. */
  rejectRecipientsWith?: number;
}

const messageIdHeader = /^message-id:\s*(<[^>\r\n]+>)/im;

/** The Message-ID, read from the message's head only: invoice mails carry a PDF. */
function messageIdOf(message: Buffer): string {
  const head = message.toString("latin1").split(/\r?\n\r?\n/, 1)[0] ?? "";
  return messageIdHeader.exec(head)?.[1] ?? "(no Message-ID)";
}

/** A real SMTP server on a local port that accepts every message and keeps it, to see what actually left. */
export async function startSmtpSink({
  port = 0,
  rejectRecipientsWith,
}: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      // Connections come only after listen(), so `sink` below is set by then.
      sink.connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (!rejectRecipientsWith) return callback();
      const reason =
        rejectRecipientsWith >= 500
          ? "5.1.1 Recipient address rejected: User unknown"
          : "4.2.1 Mailbox busy, try again later";
      const error: SMTPServerError = new Error(`<${address.address}>: ${reason}`);
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
    connections: 0,
    parsed: () => Promise.all(received.map((message) => simpleParser(message))),
    messageIds: () => received.map(messageIdOf),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
}
