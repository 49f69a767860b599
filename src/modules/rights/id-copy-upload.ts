import { fileTypeFromBuffer } from "file-type";
import { storeIdCopy } from "./id-copy-store.ts";
import type { RightsRequestRow } from "./request-store.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** A phone photo of a card is a few MB; anything bigger is not what we asked for. */
export const maxIdCopyBytes = 10 * 1024 * 1024;

/** Photos and scans only: a PDF or an office file could carry more than the front of a card. */
export const idCopyMediaTypes = ["image/jpeg", "image/png", "image/webp"] as const;

export type IdCopyUpload =
  | { status: "stored"; uploadedAt: Date }
  /** The request does not wait for a copy (any more): none needed, or already decided. */
  | { status: "not_expected" }
  | { status: "empty" }
  | { status: "too_large" }
  | { status: "not_an_image" };

/** Whether the request waits for an ID copy from the person. */
export function expectsIdCopy(request: Pick<RightsRequestRow, "status" | "idCopyRequired">) {
  return request.status === "received" && request.idCopyRequired;
}

/**
 * Checks an uploaded ID copy and stores it encrypted, replacing an earlier one. The type is read
 * from the bytes, never from the name or what the browser claims.
 */
export async function acceptIdCopy(
  deps: Pick<RightsDeps, "db" | "vault" | "clock">,
  input: { request: RightsRequestRow; bytes: Buffer; truncated: boolean },
): Promise<IdCopyUpload> {
  const { request, bytes } = input;
  if (!expectsIdCopy(request) || !request.subjectId) return { status: "not_expected" };
  if (input.truncated || bytes.length > maxIdCopyBytes) return { status: "too_large" };
  if (bytes.length === 0) return { status: "empty" };
  const sniffed = await fileTypeFromBuffer(bytes);
  const mediaType = idCopyMediaTypes.find((type) => type === sniffed?.mime);
  if (!mediaType) return { status: "not_an_image" };
  const subjectId = request.subjectId;
  await deps.db.transaction((tx) =>
    storeIdCopy({ ...deps, db: tx }, { requestId: request.id, subjectId, bytes, mediaType }),
  );
  return { status: "stored", uploadedAt: deps.clock.now() };
}
