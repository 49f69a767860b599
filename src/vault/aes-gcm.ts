import { createCipheriv, createDecipheriv, randomFillSync } from "node:crypto";
import { VaultIntegrityError } from "./vault-integrity-error.ts";

/** What failed, for the error message; a function, so the happy path builds no string. */
export type Describe = string | (() => string);

const describeNow = (what: Describe) => (typeof what === "string" ? what : what());

const ivBytes = 12;
const tagBytes = 16;
export const keyBytes = 32;

/**
 * IVs come from a pool filled by the CSPRNG in bulk: one randomBytes call per field cost a third
 * of the encryption time. Each IV is handed out once; it is copied by createCipheriv and by the
 * concat below before the pool can be refilled.
 */
const ivPool = Buffer.alloc(ivBytes * 1024);
let ivOffset = ivPool.length;

function nextIv(): Buffer {
  if (ivOffset + ivBytes > ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivOffset += ivBytes;
  return ivPool.subarray(ivOffset - ivBytes, ivOffset);
}

/** AES-256-GCM with a fresh random IV: returns iv | tag | ciphertext. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = nextIv();
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens iv | tag | ciphertext; anything that does not authenticate throws VaultIntegrityError. */
export function openBytes(key: Buffer, sealed: Buffer, aad: string, what: Describe): Buffer {
  if (sealed.length < ivBytes + tagBytes) {
    throw new VaultIntegrityError(`${describeNow(what)}: ciphertext is truncated`);
  }
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, ivBytes));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(sealed.subarray(ivBytes, ivBytes + tagBytes));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(ivBytes + tagBytes)), decipher.final()]);
  } catch {
    throw new VaultIntegrityError(
      `${describeNow(what)}: ciphertext does not authenticate (changed, or copied from another place)`,
    );
  }
}

const textPrefix = "v1.";

/** The text form stored in columns: "v1." + base64url(iv | tag | ciphertext). */
export function sealText(key: Buffer, plaintext: Buffer, aad: string): string {
  return textPrefix + sealBytes(key, plaintext, aad).toString("base64url");
}

export function openText(key: Buffer, sealed: string, aad: string, what: Describe): Buffer {
  if (!sealed.startsWith(textPrefix)) {
    throw new VaultIntegrityError(
      `${describeNow(what)}: not a vault ciphertext (expected the v1. format)`,
    );
  }
  return openBytes(key, Buffer.from(sealed.slice(textPrefix.length), "base64url"), aad, what);
}

/** Binary form for attachments: a version byte, then iv | tag | ciphertext. */
const bytesVersion = 1;

export function sealVersionedBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  return Buffer.concat([Buffer.of(bytesVersion), sealBytes(key, plaintext, aad)]);
}

export function openVersionedBytes(
  key: Buffer,
  sealed: Buffer,
  aad: string,
  what: Describe,
): Buffer {
  if (sealed[0] !== bytesVersion) {
    throw new VaultIntegrityError(`${describeNow(what)}: not a vault ciphertext (unknown version)`);
  }
  return openBytes(key, sealed.subarray(1), aad, what);
}
