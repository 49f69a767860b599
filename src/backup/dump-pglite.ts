import type { PGlite } from "@electric-sql/pglite";
import type { Database } from "../core/db/database.ts";
import type { DatabaseDump } from "./database-dump.ts";
import { databaseFacts } from "./database-facts.ts";

const sliceBytes = 1024 * 1024;

/**
 * The embedded database as PGlite's own tarball of its data dir, taken by the process that holds
 * the data-dir lock: nothing else can write meanwhile, so it is consistent. PGlite makes it whole
 * in memory (its API has no stream), so the dump is as large in memory as it is gzipped on disk.
 */
export async function dumpPglite<T>(
  database: Database,
  write: (dump: DatabaseDump) => Promise<T>,
): Promise<T> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const facts = await databaseFacts(database.db);
  await client.query("checkpoint");
  const tarball = Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer());
  return write({
    facts,
    format: "pglite-data-dir-tar-gzip",
    toolMajor: null,
    totalBytes: tarball.length,
    chunks: slices(tarball),
  });
}

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    yield bytes.subarray(start, start + sliceBytes);
  }
}
