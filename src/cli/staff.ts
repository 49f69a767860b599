import type { Command } from "commander";
import { systemClock } from "../core/clock.ts";
import {
  createStaffAccount,
  listStaff,
  type StaffRole,
  staffRoles,
} from "../modules/staff/index.ts";
import { commandAction } from "./command-action.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

export function registerStaffCommands(program: Command): void {
  const staff = program.command("staff").description("Back-office accounts.");

  staff
    .command("create")
    .description(
      "Create a staff account and print its one-time setup link (valid 72 hours): the new person opens it, chooses a password and sets up the second step. Use it for the first admin.",
    )
    .requiredOption("--email <address>", "the person's e-mail address, used to sign in")
    .requiredOption("--role <role>", `one of ${staffRoles.join(", ")}`)
    .option("--name <name>", "how the back office greets them (defaults to the e-mail address)")
    .action(
      commandAction(async (config, options: { email: string; role: string; name?: string }) => {
        if (!(staffRoles as readonly string[]).includes(options.role)) {
          process.stderr.write(
            `error: unknown role "${options.role}": use one of ${staffRoles.join(", ")}\n`,
          );
          process.exitCode = 1;
          return;
        }
        await withMigratedDatabase(config, async (database) => {
          try {
            const { setupToken } = await createStaffAccount(
              { db: database.db, clock: systemClock },
              {
                email: options.email,
                displayName: options.name ?? options.email,
                role: options.role as StaffRole,
              },
            );
            const link = new URL(`/admin/setup/${setupToken}`, config.PUBLIC_URL);
            process.stdout.write(
              `Created ${options.role} account. Open this one-time link within 72 hours to set it up:\n${link}\n`,
            );
          } catch (error) {
            if ((error as { code?: string }).code === "conflict") {
              process.stderr.write(
                "error: a staff account with this e-mail address exists already: sign in, or have an admin send a new setup link\n",
              );
              process.exitCode = 1;
              return;
            }
            if ((error as { code?: string }).code === "validation") {
              process.stderr.write(
                "error: that is not an e-mail address, e.g. --email an@wits.be\n",
              );
              process.exitCode = 1;
              return;
            }
            throw error;
          }
        });
      }),
    );

  staff
    .command("list")
    .description("List staff accounts with their role and whether they are set up.")
    .action(
      commandAction(async (config) => {
        await withMigratedDatabase(config, async (database) => {
          for (const account of await listStaff(database.db)) {
            const state = account.disabledAt
              ? "disabled"
              : !account.passwordHash
                ? "invited"
                : account.totpEnabledAt
                  ? "active"
                  : "second step not set up";
            process.stdout.write(`${account.email}  ${account.role}  ${state}\n`);
          }
        });
      }),
    );
}
