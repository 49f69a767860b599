import { fileTypeFromBuffer } from "file-type";

export type SniffedAttachment =
  | { accepted: true; mediaType: string }
  | { accepted: false; detected: string | undefined };

/** Text has no magic number: only these names may be read as text, and only if they are text. */
const textTypeByExtension: Record<string, string> = { ".txt": "text/plain", ".csv": "text/csv" };

/**
 * Old Word and Excel files are OLE compound files: the bytes prove the container, the name says
 * which program wrote it.
 */
const compoundTypeByExtension: Record<string, string> = {
  ".doc": "application/msword",
  ".xls": "application/vnd.ms-excel",
};

/**
 * The type of an uploaded file from its bytes, never from its name or the browser's claim, then
 * checked against the allow-list (exact types, or `family.*` / `type/*` patterns).
 */
export async function sniffAttachment(
  file: { fileName: string; content: Buffer },
  allowedTypes: readonly string[],
): Promise<SniffedAttachment> {
  const detected = await detectMediaType(file);
  if (detected && isAllowed(detected, allowedTypes)) return { accepted: true, mediaType: detected };
  return { accepted: false, detected };
}

async function detectMediaType(file: {
  fileName: string;
  content: Buffer;
}): Promise<string | undefined> {
  const extension = extensionOf(file.fileName);
  const sniffed = await fileTypeFromBuffer(file.content);
  if (sniffed) {
    if (sniffed.mime === "application/x-cfb")
      return compoundTypeByExtension[extension] ?? sniffed.mime;
    return sniffed.mime;
  }
  const textType = textTypeByExtension[extension];
  return textType && isText(file.content) ? textType : undefined;
}

export function isAllowed(mediaType: string, allowedTypes: readonly string[]): boolean {
  return allowedTypes.some((allowed) => {
    if (allowed.endsWith("/*")) return mediaType.startsWith(allowed.slice(0, -1));
    if (allowed.endsWith(".*")) return mediaType.startsWith(allowed.slice(0, -1));
    return mediaType === allowed;
  });
}

/** Valid UTF-8 without NUL bytes: what a text file is, as far as the bytes can tell. */
function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot === -1 ? "" : fileName.slice(dot).toLowerCase();
}
