import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  /** The Message-ID of every message accepted, once per delivery: a resend shows up twice. */
  messageIds(): readonly string[];
  close(): Promise<void>;
}

const messageIdHeader = /^message-id:\s*(<[^>\r\n]+>)/im;

/**
 * A real SMTP server that keeps only each message's Message-ID: the product gives one per outbox
 * row, so counting them tells how often each queued mail reached the wire. The header is read
 * from the message's head only, since invoice mails carry a PDF.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const ids: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const message = Buffer.concat(chunks).toString("latin1");
        const head = message.split(/\r?\n\r?\n/, 1)[0] ?? "";
        ids.push(messageIdHeader.exec(head)?.[1] ?? "(no Message-ID)");
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messageIds: () => ids,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
