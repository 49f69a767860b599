import type { Command } from "commander";
import { createLogger } from "../core/log.ts";
import { startServer } from "../main.ts";
import { countStaff } from "../modules/staff/index.ts";
import { commandAction } from "./command-action.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "Start the web server: migrates the database, serves pages and API on PORT, runs scheduled jobs (mail delivery, retention sweeps). Stops cleanly on SIGTERM or SIGINT.",
    )
    .action(
      commandAction(async (config) => {
        const log = createLogger({ level: config.LOG_LEVEL });
        const server = await startServer({ config, log });
        const where =
          server.database.kind === "pglite"
            ? `embedded database in ${config.DATA_DIR}`
            : server.database.location;
        process.stdout.write(`WITS Privacy is running on ${server.url} (${where})\n`);
        if ((await countStaff(server.database.db)) === 0) {
          // One line on the console, never a log line: it names no person and no account. The
          // embedded database serves one process at a time, so the commands wait for this one.
          const stopFirst =
            server.database.kind === "pglite" ? "stop the server (Ctrl+C), then " : "";
          process.stdout.write(
            `No staff account yet: ${stopFirst}run \`npx wits-privacy demo seed\` for a demo, or \`npx wits-privacy staff create --email you@example.be --role admin\` for the first admin\n`,
          );
        }
        await new Promise<void>((resolve) => {
          const shutdown = (signal: string) => {
            process.stdout.write(
              `${signal} received: finishing requests and jobs, then stopping\n`,
            );
            server.stop().then(resolve, (error: unknown) => {
              process.stderr.write(`error: shutdown failed: ${String(error)}\n`);
              process.exitCode = 1;
              resolve();
            });
          };
          process.once("SIGTERM", () => shutdown("SIGTERM"));
          process.once("SIGINT", () => shutdown("SIGINT"));
        });
        process.stdout.write("WITS Privacy stopped\n");
      }),
    );
}
