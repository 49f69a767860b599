import type { BackupManifest } from "./backup-manifest.ts";
import type { DatabaseFacts } from "./database-facts.ts";

/** A dump being taken: the manifest's facts (from the dump's own snapshot) and its bytes. */
export interface DatabaseDump {
  facts: DatabaseFacts;
  format: BackupManifest["database"]["dump"];
  toolMajor: number | null;
  /** Known for PGlite (the dump is made whole, then streamed); unknown while pg_dump runs. */
  totalBytes: number | undefined;
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>;
}
