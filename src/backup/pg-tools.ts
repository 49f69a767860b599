import { type ChildProcess, spawn } from "node:child_process";
import { BackupError } from "./backup-error.ts";

export type PgTool = "pg_dump" | "pg_restore" | "psql";

/**
 * How a PostgreSQL client tool reaches DATABASE_URL: the URL without its password as --dbname,
 * the password through PGPASSWORD, so it never shows in `ps` or in an error message.
 */
export function libpqConnection(databaseUrl: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return {
    args: ["--dbname", url.toString()],
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Spawns a tool without a shell; a missing tool becomes an error that says what to install. */
export function spawnPgTool(
  tool: PgTool,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  return spawn(tool, args, { env, stdio: ["pipe", "pipe", "pipe"] });
}

export function missingTool(tool: PgTool, major: number | null): BackupError {
  const version = major ?? "of your server's version";
  return new BackupError(
    `${tool} was not found on PATH: install the PostgreSQL ${version} client tools (e.g. apt install postgresql-client-${major ?? "<version>"}) and run this again`,
  );
}

/** The major version `tool --version` reports, e.g. 15 for "pg_dump (PostgreSQL) 15.20". */
export async function pgToolMajor(tool: PgTool, wanted: number | null): Promise<number> {
  const child = spawnPgTool(tool, ["--version"]);
  child.stdin?.end();
  const { code, stdout } = await finished(child, tool, wanted);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout) ?? /(\d+)\.\d+/.exec(stdout);
  if (code !== 0 || !match?.[1]) {
    throw new BackupError(
      `${tool} --version did not answer as expected: reinstall the PostgreSQL client tools`,
    );
  }
  return Number(match[1]);
}

/** A tool at least as new as `major`, or an error naming the version to install. */
export async function requirePgTool(tool: PgTool, major: number, why: string): Promise<number> {
  const found = await pgToolMajor(tool, major);
  if (found < major) {
    throw new BackupError(
      `${tool} is version ${found}, older than ${why} (${major}): install the PostgreSQL ${major} client tools (e.g. apt install postgresql-client-${major}) or put them first on PATH`,
    );
  }
  return found;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Waits for a tool that was given all its input; collects its output as text. */
export function finished(
  child: ChildProcess,
  tool: PgTool,
  major: number | null,
): Promise<ToolResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return exitOf(child, tool, major).then((code) => ({ code, stdout, stderr }));
}

/** The exit code; ENOENT (no such tool) rejects with the install hint. */
export function exitOf(
  child: ChildProcess,
  tool: PgTool,
  major: number | null,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once("error", (error) => {
      reject((error as { code?: string }).code === "ENOENT" ? missingTool(tool, major) : error);
    });
    child.once("close", (code) => resolve(code));
  });
}

/** The first lines of a tool's stderr, for an error message. */
export function firstLines(text: string): string {
  return text.trim().split("\n").slice(0, 3).join(" / ");
}
