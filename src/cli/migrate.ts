import type { Command } from "commander";
import { openDatabase } from "../core/db/database.ts";
import { runMigrations } from "../core/db/migrate.ts";
import { commandAction } from "./command-action.ts";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description(
      "Apply pending database migrations (in one transaction: all or nothing) to the embedded database in DATA_DIR, or to PostgreSQL when DATABASE_URL is set. `serve` does this on start too.",
    )
    .action(
      commandAction(async (config) => {
        const database = await openDatabase(config);
        try {
          process.stdout.write(`Migrating ${database.location}…\n`);
          await runMigrations(database);
          process.stdout.write("Database schema is up to date\n");
        } finally {
          await database.close();
        }
      }),
    );
}
