import { z } from "zod";
import { BackupError } from "./backup-error.ts";

/**
 * What a backup says about itself, readable without the key (so an operator can see what a file
 * is, and restore can refuse a foreign one before touching anything) and authenticated by the
 * last chunk's AAD, so a changed manifest makes the whole file refused.
 */
export const backupManifestSchema = z.object({
  format: z.literal("wits-privacy-backup"),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  appVersion: z.string(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    /** `select version()` of the server (PGlite reports the PostgreSQL it embeds). */
    serverVersion: z.string(),
    /** pglite: the data dir as a gzipped tarball; postgres: a `pg_dump --format=custom` archive. */
    dump: z.enum(["pglite-data-dir-tar-gzip", "pg_dump-custom"]),
    /** The major version of the pg_dump that made the archive: pg_restore must be as new. */
    dumpToolMajor: z.number().int().positive().nullable(),
    /** Schemas the dump holds: a PostgreSQL restore replaces exactly these. */
    schemas: z.array(z.string()),
  }),
  /** The newest migration applied (its drizzle-kit tag), or null for an empty database. */
  lastMigration: z.string().nullable(),
  /** Which master key the backup key was derived from (masterKeyId: a hash prefix, not the key). */
  masterKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  encryption: z.object({
    cipher: z.literal("aes-256-gcm"),
    kdf: z.literal("hkdf-sha256"),
    salt: z.base64(),
    chunkBytes: z
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024),
  }),
  /** Size and SHA-256 of the dump before encryption. */
  payload: z.object({ bytes: z.number().int().nonnegative(), sha256: z.string() }),
  /** Rows per table at the moment of the dump (the same snapshot on PostgreSQL). */
  tables: z.record(z.string(), z.number().int().nonnegative()),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/**
 * The manifest's place in the file has a fixed size, padded with spaces: the payload's size and
 * hash are known only after the dump has streamed through, and are then written in place instead
 * of holding the dump (plaintext) anywhere until the end.
 */
export const manifestAreaBytes = 64 * 1024;

export function manifestArea(manifest: BackupManifest): Buffer {
  const json = Buffer.from(JSON.stringify(manifest), "utf8");
  if (json.length > manifestAreaBytes) {
    throw new BackupError(
      `the backup manifest is ${json.length} bytes, more than the ${manifestAreaBytes} its place holds`,
    );
  }
  const area = Buffer.alloc(manifestAreaBytes, " ");
  json.copy(area);
  return area;
}

export function parseManifest(area: Buffer, file: string): BackupManifest {
  let parsed: ReturnType<typeof backupManifestSchema.safeParse>;
  try {
    parsed = backupManifestSchema.safeParse(JSON.parse(area.toString("utf8")));
  } catch {
    throw new BackupError(`${file} has a damaged manifest: it is not a usable backup`);
  }
  if (!parsed.success) {
    throw new BackupError(
      `${file} has a manifest this version cannot read (${parsed.error.issues[0]?.path.join(".") ?? "?"}): restore it with the version of wits-privacy that made it`,
    );
  }
  return parsed.data;
}
