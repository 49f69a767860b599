import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from "node:crypto";
import { SealedUnderOtherKeyError, VaultIntegrityError } from "./vault-integrity-error.ts";

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

/**
 * v2 ciphertexts name their key by a short tag (an HMAC of the key, not the key), so a reader can
 * tell "written under a key that was shredded and replaced" (erased) from "changed or copied
 * here" (an integrity error). v1 ciphertexts, without the tag, are still read.
 */
const keyTagBytes = 6;
const keyTags = new WeakMap<Buffer, Buffer>();

export function keyTagOf(key: Buffer): Buffer {
  let tag = keyTags.get(key);
  if (!tag) {
    tag = createHmac("sha256", key)
      .update("wits-privacy key tag")
      .digest()
      .subarray(0, keyTagBytes);
    keyTags.set(key, tag);
  }
  return tag;
}

function assertKeyTag(key: Buffer, tag: Buffer, what: Describe): void {
  if (!tag.equals(keyTagOf(key))) {
    throw new SealedUnderOtherKeyError(`${describeNow(what)}: sealed under another key`);
  }
}

/** The text form stored in columns: "v2." + base64url(key tag | iv | tag | ciphertext). */
export function sealText(key: Buffer, plaintext: Buffer, aad: string): string {
  return `v2.${Buffer.concat([keyTagOf(key), sealBytes(key, plaintext, aad)]).toString("base64url")}`;
}

export function openText(key: Buffer, sealed: string, aad: string, what: Describe): Buffer {
  if (sealed.startsWith("v1.")) {
    return openBytes(key, Buffer.from(sealed.slice(3), "base64url"), aad, what);
  }
  if (!sealed.startsWith("v2.")) {
    throw new VaultIntegrityError(
      `${describeNow(what)}: not a vault ciphertext (expected v1. or v2.)`,
    );
  }
  const bytes = Buffer.from(sealed.slice(3), "base64url");
  assertKeyTag(key, bytes.subarray(0, keyTagBytes), what);
  return openBytes(key, bytes.subarray(keyTagBytes), aad, what);
}

/** Binary form for attachments: a version byte (2), the key tag, then iv | tag | ciphertext. */
export function sealVersionedBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  return Buffer.concat([Buffer.of(2), keyTagOf(key), sealBytes(key, plaintext, aad)]);
}

export function openVersionedBytes(
  key: Buffer,
  sealed: Buffer,
  aad: string,
  what: Describe,
): Buffer {
  if (sealed[0] === 1) return openBytes(key, sealed.subarray(1), aad, what);
  if (sealed[0] !== 2) {
    throw new VaultIntegrityError(`${describeNow(what)}: not a vault ciphertext (unknown version)`);
  }
  assertKeyTag(key, sealed.subarray(1, 1 + keyTagBytes), what);
  return openBytes(key, sealed.subarray(1 + keyTagBytes), aad, what);
}
