import { createHash } from "node:crypto";
import { isErased } from "../../vault/index.ts";
import type { FieldValue } from "../read-subject-records.ts";

/** An attached file as the JSON names it: the file itself sits beside it in the ZIP. */
export interface PortableFile {
  file: string;
  sha256: string;
  bytes: number;
}

export type PortableValue =
  | string
  | number
  | boolean
  | null
  | { erased: true }
  | PortableFile
  | { [key: string]: unknown }
  | unknown[];

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A field value for records/<type>.json: as stored, files by path and hash, erased as such. */
export function portableValue(value: FieldValue | undefined, filePath: string): PortableValue {
  if (value === undefined || value === null) return null;
  if (isErased(value)) return { erased: true };
  if (Buffer.isBuffer(value)) {
    return { file: filePath, sha256: sha256(value), bytes: value.length };
  }
  return value;
}

/** What a CSV cell shows for an erased value: the JSON tells it apart from a stored text. */
export const erasedCell = "[erased]";

/**
 * A field value for records/<type>.csv. The CSV is for spreadsheets, which run a cell starting
 * with = + - @ as a formula (CSV injection), so such a text gets a leading apostrophe; a signed
 * number or phone number stays as it is. The JSON keeps every value exactly.
 */
export function csvCell(value: FieldValue | undefined, filePath: string): string {
  if (value === undefined || value === null) return "";
  if (isErased(value)) return erasedCell;
  if (Buffer.isBuffer(value)) return filePath;
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  const formulaLike = /^[=@\t\r]/.test(text) || /^[+-](?![\d\s()./-]*$)/.test(text);
  return formulaLike ? `'${text}` : text;
}
