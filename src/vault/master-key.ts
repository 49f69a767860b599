import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { type Config, ConfigError } from "../core/config.ts";
import { keyBytes } from "./aes-gcm.ts";

export type MasterKeyConfig = Pick<
  Config,
  "WITS_MASTER_KEY" | "WITS_MASTER_KEY_PREVIOUS" | "DATABASE_URL" | "DATA_DIR"
>;

/** A key's id is a hash prefix: rows say which key wraps them without revealing anything about it. */
export function masterKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

export function generateMasterKey(): Buffer {
  return randomBytes(keyBytes);
}

export function masterKeyFilePath(config: Pick<Config, "DATA_DIR">): string {
  return path.resolve(config.DATA_DIR, "master-keys.json");
}

const keyFileSchema = z.object({
  current: z.string().regex(/^[0-9a-f]{16}$/),
  keys: z.record(z.string(), z.string()),
});

export type MasterKeyFile = z.infer<typeof keyFileSchema>;

/**
 * The master keys a process holds: the current one wraps new keys; older ones only unwrap, until
 * `keys rotate` has re-wrapped every row.
 */
export class MasterKeyring {
  #currentId: string;
  #keys: Map<string, Buffer>;

  constructor(
    current: Buffer,
    others: readonly Buffer[],
    readonly source: "environment" | "file",
    readonly file?: string,
  ) {
    this.#currentId = masterKeyId(current);
    this.#keys = new Map([current, ...others].map((key) => [masterKeyId(key), key]));
  }

  get currentId(): string {
    return this.#currentId;
  }

  get keys(): ReadonlyMap<string, Buffer> {
    return this.#keys;
  }

  get current(): Buffer {
    const key = this.#keys.get(this.#currentId);
    if (!key) throw new Error("the keyring lost its current key");
    return key;
  }

  /**
   * Reads the key file again: `keys rotate` in another process may have added the key a row is
   * now wrapped with. Environment keys cannot change under a running process.
   */
  async reload(): Promise<void> {
    if (this.source !== "file" || !this.file) return;
    const contents = await readMasterKeyFile(this.file);
    if (!contents) return;
    const keys = keysOf(contents, this.file);
    this.#keys = keys;
    this.#currentId = contents.current;
  }
}

export interface LoadedKeyring {
  keyring: MasterKeyring;
  /** Set when a key file was just generated: the operator must back it up. */
  warning: string | undefined;
}

/**
 * WITS_MASTER_KEY wins. Without it, only the embedded database may use a key file in DATA_DIR:
 * a PostgreSQL server is backed up and run apart from the app's disk, where a key file would be
 * lost or, worse, copied along with the database backups it is meant to protect.
 */
export async function loadMasterKeyring(config: MasterKeyConfig): Promise<LoadedKeyring> {
  if (config.WITS_MASTER_KEY) {
    const current = Buffer.from(config.WITS_MASTER_KEY, "base64");
    const previous = config.WITS_MASTER_KEY_PREVIOUS
      ? [Buffer.from(config.WITS_MASTER_KEY_PREVIOUS, "base64")]
      : [];
    return { keyring: new MasterKeyring(current, previous, "environment"), warning: undefined };
  }
  if (config.WITS_MASTER_KEY_PREVIOUS) {
    throw new ConfigError(
      "WITS_MASTER_KEY_PREVIOUS is set without WITS_MASTER_KEY: set WITS_MASTER_KEY to the new key (openssl rand -base64 32) and WITS_MASTER_KEY_PREVIOUS to the old one",
    );
  }
  if (config.DATABASE_URL) {
    throw new ConfigError(
      "WITS_MASTER_KEY is not set, and with DATABASE_URL the master key must come from the environment: set WITS_MASTER_KEY, e.g. WITS_MASTER_KEY=$(openssl rand -base64 32)",
    );
  }
  const file = masterKeyFilePath(config);
  let contents = await readMasterKeyFile(file);
  let warning: string | undefined;
  if (!contents) {
    const key = generateMasterKey();
    const fresh = {
      current: masterKeyId(key),
      keys: { [masterKeyId(key)]: key.toString("base64") },
    };
    // Exclusive: two processes starting at once must not each generate (and use) their own key.
    const created = await writeMasterKeyFile(file, fresh, { exclusive: true });
    contents = created ? fresh : await readMasterKeyFile(file);
    if (!contents)
      throw new ConfigError(`Cannot create the master key file ${file}: check DATA_DIR`);
    if (created) {
      warning = `Generated a new master key in ${file}: back it up now, and keep it apart from database backups (without it the encrypted data cannot be read; stored beside them, it unlocks them)`;
    }
  } else {
    warning = await permissionWarning(file);
  }
  const keys = keysOf(contents, file);
  const current = keys.get(contents.current);
  if (!current)
    throw new ConfigError(`${file} has no current key: restore it from your key backup`);
  const others = [...keys].filter(([id]) => id !== contents.current).map(([, key]) => key);
  return { keyring: new MasterKeyring(current, others, "file", file), warning };
}

export async function readMasterKeyFile(file: string): Promise<MasterKeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw new ConfigError(
      `Cannot read the master key file ${file} (${(error as { code?: string }).code ?? "error"}): fix its permissions so the server's user can read it`,
    );
  }
  const parsed = (() => {
    try {
      return keyFileSchema.safeParse(JSON.parse(text));
    } catch {
      return undefined;
    }
  })();
  if (!parsed?.success) {
    throw new ConfigError(
      `The master key file ${file} is damaged: restore it from your key backup`,
    );
  }
  return parsed.data;
}

function keysOf(contents: MasterKeyFile, file: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(contents.keys)) {
    const key = Buffer.from(encoded, "base64");
    if (key.length !== keyBytes || masterKeyId(key) !== id) {
      throw new ConfigError(
        `The master key file ${file} holds a damaged key (${id}): restore it from your key backup`,
      );
    }
    keys.set(id, key);
  }
  if (!keys.has(contents.current)) {
    throw new ConfigError(`${file} has no current key: restore it from your key backup`);
  }
  return keys;
}

/**
 * Writes aside, fsyncs, then renames (or links, when it must not replace a file another process
 * just wrote), so a crash never leaves half a key file: losing it loses every encrypted field.
 */
export async function writeMasterKeyFile(
  file: string,
  contents: MasterKeyFile,
  { exclusive }: { exclusive: boolean },
): Promise<boolean> {
  const directory = path.dirname(file);
  await mkdir(directory, { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(contents, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (exclusive) {
      try {
        await link(temporary, file);
      } catch (error) {
        if ((error as { code?: string }).code === "EEXIST") return false;
        throw error;
      }
    } else {
      await rename(temporary, file);
    }
    await syncDirectory(directory);
    return true;
  } finally {
    await rm(temporary, { force: true });
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

async function permissionWarning(file: string): Promise<string | undefined> {
  const { mode } = await stat(file);
  return (mode & 0o077) === 0
    ? undefined
    : `The master key file ${file} is readable by other users: chmod 600 ${file}`;
}

/**
 * `keys rotate` in file mode, step one: a new current key, the old ones kept to unwrap until
 * every row is re-wrapped. The caller holds the data-dir lock, so no other process edits the file.
 */
export async function addMasterKeyToFile(file: string): Promise<string> {
  const contents = await readMasterKeyFile(file);
  if (!contents) {
    throw new ConfigError(
      `There is no master key file ${file} to rotate: start the server once to create it, or set WITS_MASTER_KEY`,
    );
  }
  const key = generateMasterKey();
  const id = masterKeyId(key);
  const keys = { ...contents.keys, [id]: key.toString("base64") };
  await writeMasterKeyFile(file, { current: id, keys }, { exclusive: false });
  return id;
}

/** Drops old keys no row is wrapped with any more; returns their ids. The current key stays. */
export async function dropMasterKeysFromFile(
  file: string,
  inUse: ReadonlySet<string>,
): Promise<string[]> {
  const contents = await readMasterKeyFile(file);
  if (!contents) return [];
  const dropped = Object.keys(contents.keys).filter(
    (id) => id !== contents.current && !inUse.has(id),
  );
  if (dropped.length === 0) return [];
  const keys = Object.fromEntries(
    Object.entries(contents.keys).filter(([id]) => !dropped.includes(id)),
  );
  await writeMasterKeyFile(file, { current: contents.current, keys }, { exclusive: false });
  return dropped;
}
