import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../core/config.ts";
import { isUuid } from "../core/is-uuid.ts";
import { isVaultPurpose, type VaultPurpose } from "./purposes.ts";

/**
 * Every shred, kept outside the database: a restored older backup still holds keys that were
 * destroyed since, and this is how they are found and destroyed again. Ids only, no personal data,
 * so the ledger itself needs no erasing.
 */
export interface ErasureLedgerEntry {
  at: string;
  subjectId: string;
  purpose: VaultPurpose;
  reason: string;
}

export function erasureLedgerPath(
  config: Pick<Config, "ERASURE_LEDGER_PATH" | "DATA_DIR">,
): string {
  return path.resolve(
    config.ERASURE_LEDGER_PATH ?? path.join(config.DATA_DIR, "erasure-ledger.jsonl"),
  );
}

/**
 * Appends one line per entry and fsyncs before returning: a shred the ledger forgot could come
 * back. A batch costs one fsync, so a retention sweep can shred thousands of keys.
 */
export async function appendErasure(
  file: string,
  entries: ErasureLedgerEntry | readonly ErasureLedgerEntry[],
): Promise<void> {
  const lines = (Array.isArray(entries) ? entries : [entries])
    .map((entry) => `${JSON.stringify(entry)}\n`)
    .join("");
  if (lines === "") return;
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "a", 0o600);
  try {
    await handle.appendFile(lines);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface ErasureLedger {
  entries: ErasureLedgerEntry[];
  /** Lines that are not an entry, such as a last line cut short by a crash. */
  unreadable: number;
}

export async function readErasureLedger(file: string): Promise<ErasureLedger> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return { entries: [], unreadable: 0 };
    throw error;
  }
  const entries: ErasureLedgerEntry[] = [];
  let unreadable = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const entry = parseEntry(line);
    if (entry) entries.push(entry);
    else unreadable += 1;
  }
  return { entries, unreadable };
}

function parseEntry(line: string): ErasureLedgerEntry | undefined {
  try {
    const value = JSON.parse(line) as Partial<Record<keyof ErasureLedgerEntry, unknown>>;
    const { at, subjectId, purpose, reason } = value;
    if (
      typeof at !== "string" ||
      Number.isNaN(Date.parse(at)) ||
      typeof subjectId !== "string" ||
      !isUuid(subjectId) ||
      typeof purpose !== "string" ||
      !isVaultPurpose(purpose)
    ) {
      return undefined;
    }
    return { at, subjectId, purpose, reason: typeof reason === "string" ? reason : "" };
  } catch {
    return undefined;
  }
}
