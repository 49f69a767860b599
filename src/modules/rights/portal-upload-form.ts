import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, verifyMultipartCsrf } from "../../core/http/index.ts";

/** The multipart framing around one file and a token field; more than this is not framing. */
const framingBytes = 16 * 1024;

export interface ReceivedUpload {
  bytes: Buffer;
  /** The file was larger than allowed: what was read is cut, and nothing of it is used. */
  truncated: boolean;
}

/**
 * Whether the body announces more than one file of `maxBytes` can take: answered before a byte
 * is read, so a 50 MB upload costs a header, not 50 MB of parsing.
 */
export function announcesTooMuch(request: FastifyRequest, maxBytes: number): boolean {
  const length = Number(request.headers["content-length"]);
  return Number.isFinite(length) && length > maxBytes + framingBytes;
}

/**
 * Reads the ID upload form: its CSRF token first (checked before any file byte), then one file.
 * The parser stops keeping bytes at `maxBytes`, for bodies sent without a length too.
 */
export async function readUploadForm(
  request: FastifyRequest,
  reply: FastifyReply,
  maxBytes: number,
): Promise<ReceivedUpload> {
  const received: ReceivedUpload = { bytes: Buffer.alloc(0), truncated: false };
  let csrfPending = true;
  const parts = request.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    throwFileSizeLimit: false,
  } as Parameters<FastifyRequest["parts"]>[0]);
  try {
    for await (const part of parts) {
      if (csrfPending) {
        if (part.type !== "field" || part.fieldname !== "_csrf") throw new AppError("csrf");
        await verifyMultipartCsrf(request, reply, String(part.value));
        csrfPending = false;
        continue;
      }
      if (part.type === "field") continue;
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk);
      received.truncated = part.file.truncated;
      received.bytes = received.truncated ? Buffer.alloc(0) : Buffer.concat(chunks);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
      throw new AppError("bad_request", { cause: error });
    }
    throw error;
  }
  if (csrfPending) throw new AppError("csrf");
  return received;
}
