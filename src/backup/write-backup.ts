import { randomBytes } from "node:crypto";
import { type FileHandle, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { appendAudit } from "../audit/index.ts";
import type { Clock } from "../core/clock.ts";
import type { Config } from "../core/config.ts";
import type { Database } from "../core/db/database.ts";
import type { MasterKeyring } from "../vault/index.ts";
import { appVersion } from "./app-version.ts";
import { BackupError } from "./backup-error.ts";
import { ChunkSealer, filePrefix } from "./backup-file-format.ts";
import { deriveBackupKey, newBackupSalt } from "./backup-key.ts";
import { type BackupManifest, manifestArea, manifestAreaBytes } from "./backup-manifest.ts";
import type { DatabaseDump } from "./database-dump.ts";
import { dumpPglite } from "./dump-pglite.ts";
import { dumpPostgres } from "./dump-postgres.ts";

export const defaultChunkBytes = 1024 * 1024;

export interface BackupProgress {
  /** Plaintext bytes of the dump encrypted so far. */
  done: number;
  /** Unknown while pg_dump is still running. */
  total: number | undefined;
}

export interface WriteBackupOptions {
  database: Database;
  config: Pick<Config, "DATABASE_URL">;
  keyring: MasterKeyring;
  clock: Clock;
  file: string;
  chunkBytes?: number;
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * Dumps the open database into an encrypted backup file. Written to a temporary name beside the
 * target (mode 0600), fsynced and renamed only when the dump tool succeeded, so a crash or a
 * failed dump never leaves a half backup under the final name. The master key is not in it:
 * a backup is useless without the key file or WITS_MASTER_KEY, kept elsewhere.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<BackupManifest> {
  const { database, config, file } = options;
  const target = path.resolve(file);
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;
  const handle = await open(temporary, "wx", 0o600).catch((error: { code?: string }) => {
    throw new BackupError(
      `Cannot write ${temporary} (${error.code ?? "error"}): choose a file in a folder you can write to`,
    );
  });
  let manifest: BackupManifest;
  try {
    const write = (dump: DatabaseDump) => encryptInto(handle, dump, options);
    manifest =
      database.kind === "pglite"
        ? await dumpPglite(database, write)
        : await dumpPostgres(database, config.DATABASE_URL ?? "", write);
    await handle.sync();
    await handle.close();
    await rename(temporary, target);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
  await appendAudit(database.db, {
    clock: options.clock,
    entry: {
      actor: { type: "system", id: "cli" },
      action: "backup.create",
      details: {
        databaseKind: manifest.database.kind,
        lastMigration: manifest.lastMigration,
        masterKeyId: manifest.masterKeyId,
        payloadBytes: manifest.payload.bytes,
      },
    },
  });
  return manifest;
}

async function encryptInto(
  handle: FileHandle,
  dump: DatabaseDump,
  { keyring, clock, chunkBytes = defaultChunkBytes, onProgress }: WriteBackupOptions,
): Promise<BackupManifest> {
  const salt = newBackupSalt();
  const sealer = new ChunkSealer(deriveBackupKey(keyring.current, salt), chunkBytes);
  // The manifest's place is reserved now and filled in at the end (see manifestAreaBytes).
  let position = 0;
  const append = async (bytes: Buffer) => {
    await handle.write(bytes, 0, bytes.length, position);
    position += bytes.length;
  };
  await append(filePrefix(manifestAreaBytes));
  await append(Buffer.alloc(manifestAreaBytes, " "));
  let done = 0;
  for await (const piece of dump.chunks) {
    const bytes = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
    for (const frame of sealer.push(bytes)) await append(frame);
    done += bytes.length;
    onProgress?.({ done, total: dump.totalBytes });
  }
  const manifest: BackupManifest = {
    format: "wits-privacy-backup",
    formatVersion: 1,
    createdAt: clock.now().toISOString(),
    appVersion: await appVersion(),
    database: {
      kind: dump.format === "pg_dump-custom" ? "postgres" : "pglite",
      serverVersion: dump.facts.serverVersion,
      dump: dump.format,
      dumpToolMajor: dump.toolMajor,
      schemas: dump.facts.schemas,
    },
    lastMigration: dump.facts.lastMigration,
    masterKeyId: keyring.currentId,
    encryption: {
      cipher: "aes-256-gcm",
      kdf: "hkdf-sha256",
      salt: salt.toString("base64"),
      chunkBytes,
    },
    payload: sealer.payload(),
    tables: dump.facts.tables,
  };
  const area = manifestArea(manifest);
  await append(sealer.finish(area));
  await handle.write(area, 0, area.length, filePrefix(0).length);
  return manifest;
}
