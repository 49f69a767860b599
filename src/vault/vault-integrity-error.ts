/**
 * A ciphertext that does not authenticate: changed, truncated, or copied from another row or
 * column (the AAD binds it to its place). Unlike a shredded key this is never expected, so it is
 * an error rather than the ERASED value. The message names places and ids, never content.
 */
export class VaultIntegrityError extends Error {
  override name = "VaultIntegrityError";
}

/** The ciphertext names another key than the one it was opened with. */
export class SealedUnderOtherKeyError extends VaultIntegrityError {
  override name = "SealedUnderOtherKeyError";
}
