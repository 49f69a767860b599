import { ConfigError } from "../core/config.ts";
import { openBytes, sealBytes } from "./aes-gcm.ts";
import type { MasterKeyring } from "./master-key.ts";

export const dataKeyAad = (subjectId: string, purpose: string) =>
  `datakey\u0000${subjectId}\u0000${purpose}`;

export const vaultKeyAad = (name: string) => `vaultkey\u0000${name}`;

/** Wraps under the current master key; the stored text is base64(iv | tag | ciphertext). */
export function wrapKey(keyring: MasterKeyring, key: Buffer, aad: string): string {
  return sealBytes(keyring.current, key, aad).toString("base64");
}

/**
 * Unwraps with whichever master key wrapped it. An unknown key id first re-reads the key file,
 * since `keys rotate` in another process may just have added it.
 */
export async function unwrapKey(
  keyring: MasterKeyring,
  wrapped: { wrappedKey: string; masterKeyId: string | null },
  aad: string,
  what: string,
): Promise<Buffer> {
  const id = wrapped.masterKeyId ?? "(none)";
  let master = keyring.keys.get(id);
  if (!master) {
    await keyring.reload();
    master = keyring.keys.get(id);
  }
  if (!master) throw missingMasterKey(keyring, id, what);
  return openBytes(master, Buffer.from(wrapped.wrappedKey, "base64"), aad, what);
}

function missingMasterKey(keyring: MasterKeyring, id: string, what: string): ConfigError {
  const fix =
    keyring.source === "file"
      ? `restore ${keyring.file} from your key backup`
      : "set WITS_MASTER_KEY_PREVIOUS to that key until `wits-privacy keys rotate` has finished, or set WITS_MASTER_KEY to it";
  return new ConfigError(
    `The ${what} is wrapped by master key ${id}, which this process does not have: ${fix}`,
  );
}
