import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { BackupError } from "./backup-error.ts";

/**
 * A backup file:
 *
 *   magic "WITSBKUP" | format version (1 byte) | manifest length (u32) | manifest (JSON, padded)
 *   then chunks: flags (1 byte, 1 = final) | length (u32) | IV (12) | ciphertext | GCM tag (16)
 *
 * Each chunk is AES-256-GCM with its index, flags and length in the AAD, so reordered, dropped or
 * changed chunks fail; the file must end with a chunk flagged final, right after it, so a cut-off
 * file fails; the final chunk's AAD also holds the manifest's hash, so a changed manifest fails.
 */
export const backupMagic = Buffer.from("WITSBKUP", "ascii");
export const backupFormatVersion = 1;
export const prefixBytes = backupMagic.length + 1 + 4;

const ivBytes = 12;
const tagBytes = 16;
const frameHeadBytes = 1 + 4;
const finalFlag = 1;
const aadLabel = Buffer.from("wits-privacy backup chunk v1", "ascii");

export function filePrefix(manifestLength: number): Buffer {
  const prefix = Buffer.alloc(prefixBytes);
  backupMagic.copy(prefix);
  prefix.writeUInt8(backupFormatVersion, backupMagic.length);
  prefix.writeUInt32BE(manifestLength, backupMagic.length + 1);
  return prefix;
}

function chunkAad(index: number, flags: number, length: number, manifestArea?: Buffer): Buffer {
  const fields = Buffer.alloc(4 + 1 + 4);
  fields.writeUInt32BE(index, 0);
  fields.writeUInt8(flags, 4);
  fields.writeUInt32BE(length, 5);
  const manifestHash = manifestArea
    ? createHash("sha256").update(manifestArea).digest()
    : Buffer.alloc(0);
  return Buffer.concat([aadLabel, fields, manifestHash]);
}

/**
 * Cuts a stream into chunks and seals them. One full chunk is always held back, since only the
 * end of the stream tells which chunk is the final one.
 */
export class ChunkSealer {
  readonly #key: Buffer;
  readonly #chunkBytes: number;
  readonly #hash = createHash("sha256");
  #held: Buffer[] = [];
  #heldBytes = 0;
  #index = 0;
  #bytes = 0;

  constructor(key: Buffer, chunkBytes: number) {
    this.#key = key;
    this.#chunkBytes = chunkBytes;
  }

  /** Sealed frames for every chunk known not to be the last. */
  push(data: Buffer): Buffer[] {
    this.#hash.update(data);
    this.#bytes += data.length;
    this.#held.push(data);
    this.#heldBytes += data.length;
    if (this.#heldBytes <= this.#chunkBytes) return [];
    let rest = Buffer.concat(this.#held);
    const frames: Buffer[] = [];
    while (rest.length > this.#chunkBytes) {
      frames.push(this.#seal(rest.subarray(0, this.#chunkBytes), 0));
      rest = rest.subarray(this.#chunkBytes);
    }
    this.#held = [rest];
    this.#heldBytes = rest.length;
    return frames;
  }

  /** Size and SHA-256 of everything pushed: call before `finish`, to complete the manifest. */
  payload(): { bytes: number; sha256: string } {
    return { bytes: this.#bytes, sha256: this.#hash.copy().digest("hex") };
  }

  finish(manifestArea: Buffer): Buffer {
    return this.#seal(Buffer.concat(this.#held), finalFlag, manifestArea);
  }

  #seal(plaintext: Buffer, flags: number, manifestArea?: Buffer): Buffer {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(chunkAad(this.#index, flags, plaintext.length, manifestArea));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    this.#index += 1;
    const head = Buffer.alloc(frameHeadBytes);
    head.writeUInt8(flags, 0);
    head.writeUInt32BE(plaintext.length, 1);
    return Buffer.concat([head, iv, ciphertext, cipher.getAuthTag()]);
  }
}

export interface BackupHeader {
  manifestArea: Buffer;
  /** Where the first chunk starts. */
  chunksAt: number;
}

/** Reads magic, version and the manifest's bytes; refuses what is not a backup of this format. */
export async function readBackupHeader(handle: FileHandle, file: string): Promise<BackupHeader> {
  const prefix = await readExactly(handle, 0, prefixBytes);
  if (!prefix?.subarray(0, backupMagic.length).equals(backupMagic)) {
    throw new BackupError(`${file} is not a wits-privacy backup (no WITSBKUP header)`);
  }
  const version = prefix.readUInt8(backupMagic.length);
  if (version !== backupFormatVersion) {
    throw new BackupError(
      `${file} is a backup of format version ${version}, which this version cannot read: restore it with a newer wits-privacy`,
    );
  }
  const length = prefix.readUInt32BE(backupMagic.length + 1);
  const manifestArea =
    length <= 1024 * 1024 ? await readExactly(handle, prefixBytes, length) : undefined;
  if (!manifestArea) throw new BackupError(`${file} is cut short inside its manifest`);
  return { manifestArea, chunksAt: prefixBytes + length };
}

/**
 * Yields the plaintext chunk by chunk, each authenticated before it is yielded; throws when a
 * chunk fails, is missing, or the file goes on after its final chunk.
 */
export async function* openChunks(
  handle: FileHandle,
  { chunksAt, manifestArea }: BackupHeader,
  key: Buffer,
  chunkBytes: number,
): AsyncGenerator<Buffer> {
  let position = chunksAt;
  for (let index = 0; ; index++) {
    const head = await readExactly(handle, position, frameHeadBytes);
    if (!head) throw new DamagedBackupError(`it ends early, before chunk ${index} (cut short)`);
    const flags = head.readUInt8(0);
    const length = head.readUInt32BE(1);
    if ((flags !== 0 && flags !== finalFlag) || length > chunkBytes) {
      throw new DamagedBackupError(`chunk ${index} has a damaged header`);
    }
    const body = await readExactly(handle, position + frameHeadBytes, ivBytes + length + tagBytes);
    if (!body) throw new DamagedBackupError(`it ends early, inside chunk ${index} (cut short)`);
    position += frameHeadBytes + body.length;
    const final = flags === finalFlag;
    const decipher = createDecipheriv("aes-256-gcm", key, body.subarray(0, ivBytes));
    decipher.setAAD(chunkAad(index, flags, length, final ? manifestArea : undefined));
    decipher.setAuthTag(body.subarray(ivBytes + length));
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([
        decipher.update(body.subarray(ivBytes, ivBytes + length)),
        decipher.final(),
      ]);
    } catch {
      throw new DamagedBackupError(
        final
          ? `its last chunk or its manifest does not authenticate (changed)`
          : `chunk ${index} does not authenticate (changed, reordered, or another key)`,
      );
    }
    yield plaintext;
    if (final) {
      const { size } = await handle.stat();
      if (size !== position) throw new DamagedBackupError("it has bytes after its final chunk");
      return;
    }
  }
}

/** Why a file failed authentication; the caller says what it means for the operator. */
export class DamagedBackupError extends Error {
  override name = "DamagedBackupError";
}

async function readExactly(
  handle: FileHandle,
  position: number,
  length: number,
): Promise<Buffer | undefined> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) return undefined;
    filled += bytesRead;
  }
  return buffer;
}
