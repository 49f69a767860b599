import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { appendAudit } from "../../audit/index.ts";
import { processorContracts } from "./registers.tables.ts";
import type { RegistersDeps } from "./registers-deps.ts";

/** A stored contract without its sealed bytes: what the processor's page lists. */
export type ContractListing = Omit<typeof processorContracts.$inferSelect, "sealed">;

type ContractDeps = Pick<RegistersDeps, "db" | "clock" | "vault">;

const pdf = "application/pdf";

/** The sealed bytes are bound to their row: copied onto another row, they do not open. */
function contractAad(contractId: string): string {
  return `processor_contract:${contractId}`;
}

/** A signed contract is a PDF: the bytes must say so, whatever the name or the browser claims. */
export async function isPdf(content: Buffer): Promise<boolean> {
  return (await fileTypeFromBuffer(content))?.mime === pdf;
}

/**
 * Stores a signed contract, sealed, with its audit entry. Every upload is kept: a new one
 * replaces the previous as the contract in force, and the older stay listed.
 */
export async function storeContract(
  deps: ContractDeps,
  options: { processorName: string; fileName: string; content: Buffer; staffId: string },
): Promise<{ status: "stored"; contractId: string } | { status: "not_pdf" }> {
  if (!(await isPdf(options.content))) return { status: "not_pdf" };
  const id = randomUUID();
  const sha256 = createHash("sha256").update(options.content).digest("hex");
  await deps.db.transaction(async (tx) => {
    await tx.insert(processorContracts).values({
      id,
      processorName: options.processorName,
      fileName: safeFileName(options.fileName),
      mediaType: pdf,
      size: options.content.length,
      sha256,
      sealed: deps.vault.sealDocument(options.content, contractAad(id)),
      uploadedAt: deps.clock.now(),
      uploadedBy: options.staffId,
    });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "staff", id: options.staffId },
        action: "processor.contract_uploaded",
        recordType: "processor_contract",
        recordId: id,
        details: { bytes: options.content.length, sha256 },
      },
    });
  });
  return { status: "stored", contractId: id };
}

/** Newest first: the first is the contract in force. */
export async function contractsOf(
  deps: Pick<RegistersDeps, "db">,
  processorName: string,
): Promise<ContractListing[]> {
  return deps.db
    .select({
      id: processorContracts.id,
      processorName: processorContracts.processorName,
      fileName: processorContracts.fileName,
      mediaType: processorContracts.mediaType,
      size: processorContracts.size,
      sha256: processorContracts.sha256,
      uploadedAt: processorContracts.uploadedAt,
      uploadedBy: processorContracts.uploadedBy,
    })
    .from(processorContracts)
    .where(eq(processorContracts.processorName, processorName))
    .orderBy(desc(processorContracts.uploadedAt), desc(processorContracts.id));
}

/** The processors with a signed contract on file, and when the newest was uploaded. */
export async function latestContractDates(
  deps: Pick<RegistersDeps, "db">,
): Promise<Map<string, Date>> {
  const rows = await deps.db
    .select({ name: processorContracts.processorName, at: processorContracts.uploadedAt })
    .from(processorContracts);
  const latest = new Map<string, Date>();
  for (const row of rows) {
    const known = latest.get(row.name);
    if (!known || known < row.at) latest.set(row.name, row.at);
  }
  return latest;
}

/** One contract's bytes, opened, for a download that is audited before a byte is sent. */
export async function openContract(
  deps: ContractDeps,
  options: { processorName: string; contractId: string; staffId: string },
): Promise<{ fileName: string; content: Buffer } | undefined> {
  const [row] = await deps.db
    .select()
    .from(processorContracts)
    .where(
      and(
        eq(processorContracts.id, options.contractId),
        eq(processorContracts.processorName, options.processorName),
      ),
    );
  if (!row) return undefined;
  const content = deps.vault.openDocument(row.sealed, contractAad(row.id));
  await appendAudit(deps.db, {
    clock: deps.clock,
    entry: {
      actor: { type: "staff", id: options.staffId },
      action: "processor.contract_downloaded",
      recordType: "processor_contract",
      recordId: row.id,
      details: { bytes: content.length },
    },
  });
  return { fileName: row.fileName, content };
}

/** The name as the officer's computer had it, without a path, control characters or length. */
function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? "";
  const printable = [...base].filter((character) => {
    const code = character.charCodeAt(0);
    return code >= 0x20 && code !== 0x7f;
  });
  return printable.join("").trim().slice(0, 200) || "contract.pdf";
}
