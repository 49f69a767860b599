import { BackupError } from "../backup/backup-error.ts";
import { type Config, ConfigError, loadConfig } from "../core/config.ts";
import { DatabaseError } from "../core/db/database.ts";
import { StartupError } from "../main.ts";
import { PolicyError } from "../policy/index.ts";

const explainedErrors = [ConfigError, DatabaseError, StartupError, PolicyError, BackupError];

/**
 * Wraps a command: config parsed once, and a failure an operator can fix printed as one line that
 * names the fix, instead of a stack trace.
 */
export function commandAction<Args extends unknown[]>(
  action: (config: Config, ...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(loadConfig(), ...args);
    } catch (error) {
      if (explainedErrors.some((type) => error instanceof type)) {
        process.stderr.write(`error: ${(error as Error).message}\n`);
      } else {
        process.stderr.write(`error: ${String((error as Error)?.stack ?? error)}\n`);
      }
      process.exitCode = 1;
    }
  };
}
