import { Command } from "commander";
import { configVariables } from "../core/config.ts";
import { registerAuditCommands } from "./audit.ts";
import { registerBackupCommands } from "./backup.ts";
import { registerCookiesCommands } from "./cookies.ts";
import { registerDemoCommands } from "./demo.ts";
import { registerJobsCommands } from "./jobs.ts";
import { registerKeysCommands } from "./keys.ts";
import { registerMigrateCommand } from "./migrate.ts";
import { registerPolicyCommands } from "./policy.ts";
import { registerRetentionCommands } from "./retention.ts";
import { registerScanCommand } from "./scan.ts";
import { registerServeCommand } from "./serve.ts";
import { registerStaffCommands } from "./staff.ts";

const program = new Command("wits-privacy")
  .description(
    "WITS Privacy: makes a privacy statement true in software. Configured through environment variables; see README.md.",
  )
  .addHelpText(
    "after",
    `\nEnvironment variables: ${Object.keys(configVariables).join(", ")}\nWithout DATABASE_URL the embedded database in DATA_DIR (default ./data) is used.`,
  )
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerJobsCommands(program);
registerKeysCommands(program);
registerStaffCommands(program);
registerAuditCommands(program);
registerPolicyCommands(program);
registerRetentionCommands(program);
registerCookiesCommands(program);
registerScanCommand(program);
registerBackupCommands(program);
registerDemoCommands(program);

await program.parseAsync(process.argv);
