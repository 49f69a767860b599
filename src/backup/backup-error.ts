/**
 * A backup or restore refused or failed for a reason the operator can fix; the message names the
 * fix and says whether anything was changed, so the CLI prints it as one line.
 */
export class BackupError extends Error {
  override name = "BackupError";
}
