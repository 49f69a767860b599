import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./app-error.ts";
import { isApi, verifyMultipartCsrf } from "./security.ts";

export interface UploadedFile {
  field: string;
  filename: string;
  /** What the browser claims; modules sniff the real type from the content. */
  declaredType: string;
  content: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: UploadedFile[];
}

export interface ReadMultipartOptions {
  /** All files together; the per-file and count limits are the multipart plugin's. */
  maxTotalBytes: number;
}

/**
 * Reads a multipart form while enforcing the total upload size. On a page route the CSRF token
 * must be the first part (the hidden field leads every form), and it is checked before a single
 * file byte is accepted.
 */
export async function readMultipartForm(
  request: FastifyRequest,
  reply: FastifyReply,
  { maxTotalBytes }: ReadMultipartOptions,
): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {}, files: [] };
  let csrfPending = !isApi(request);
  let totalBytes = 0;
  for await (const part of request.parts()) {
    if (csrfPending) {
      if (part.type !== "field" || part.fieldname !== "_csrf") throw new AppError("csrf");
      await verifyMultipartCsrf(request, reply, String(part.value));
      csrfPending = false;
      continue;
    }
    if (part.type === "field") {
      form.fields[part.fieldname] = String(part.value);
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) {
      totalBytes += chunk.length;
      if (totalBytes > maxTotalBytes) throw new AppError("too_large");
      chunks.push(chunk);
    }
    form.files.push({
      field: part.fieldname,
      filename: part.filename,
      declaredType: part.mimetype,
      content: Buffer.concat(chunks),
    });
  }
  if (csrfPending) throw new AppError("csrf");
  return form;
}
