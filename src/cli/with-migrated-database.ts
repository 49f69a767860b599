import type { Config } from "../core/config.ts";
import { type Database, openDatabase } from "../core/db/database.ts";
import { runMigrations } from "../core/db/migrate.ts";

/**
 * Opens the configured database, brings its schema up to date, runs the command's work, and
 * closes it whatever happens: on the embedded database that also frees the data-dir lock.
 */
export async function withMigratedDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
