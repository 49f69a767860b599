import { type Command, Option } from "commander";
import { ConfigError, loadConfig } from "../core/config.ts";
import {
  CookieScanError,
  defaultChromiumPath,
  formatCookieScanJson,
  formatCookieScanText,
  scanCookies,
} from "../modules/consent/index.ts";
import { loadActivePolicy, type Policy, PolicyError } from "../policy/index.ts";

/** 0: nothing beyond necessary cookies without consent; 1: something is; 2: no scan happened. */
export const cookieScanExitCodes = { clean: 0, serious: 1, unusable: 2 } as const;

export interface CookieScanCommandOptions {
  url: string;
  json?: boolean | undefined;
  chromiumPath?: string | undefined;
  /** The inventory to compare with; without it, the policy file (POLICY_FILE) is read. */
  policy?: Pick<Policy, "cookies"> | undefined;
  stdout?: NodeJS.WritableStream | undefined;
  stderr?: NodeJS.WritableStream | undefined;
}

export function registerCookiesCommands(program: Command): void {
  const cookies = program
    .command("cookies")
    .description("The website's cookies against the policy's cookie inventory.");

  cookies
    .command("scan")
    .description(
      "Open a page in chromium as a new visitor and record the cookies and storage keys set before any choice, after “reject all” and after “accept all” (each in a fresh browser), then compare them with the policy file's cookie inventory. Progress goes to stderr, the report to stdout. Exit code 0: nothing beyond the necessary cookies without consent; 1: something is; 2: the scan could not run.",
    )
    .argument("<url>", "the page to scan, e.g. https://www.wits.be/")
    .option("--json", "print the report as JSON instead of a table")
    .addOption(
      new Option("--chromium <path>", "the chromium to run")
        .env("CHROMIUM_PATH")
        .default(defaultChromiumPath),
    )
    // Commander exits 1 on a usage error, which here would read as "consent is broken".
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : cookieScanExitCodes.unusable);
    })
    .action(async (url: string, options: { json?: boolean; chromium: string }) => {
      process.exitCode = await runCookieScan({
        url,
        json: options.json,
        chromiumPath: options.chromium,
      });
    });
}

/**
 * The `cookies scan` command without commander, so a test runs it in-process: returns the
 * exit code instead of exiting.
 */
export async function runCookieScan(options: CookieScanCommandOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  try {
    const policy = options.policy ?? (await loadActivePolicy(loadConfig().POLICY_FILE)).policy;
    const report = await scanCookies({
      url: options.url,
      policy,
      chromiumPath: options.chromiumPath,
      onProgress: (line) => stderr.write(`${line}\n`),
    });
    stdout.write(options.json ? formatCookieScanJson(report) : formatCookieScanText(report));
    return report.serious ? cookieScanExitCodes.serious : cookieScanExitCodes.clean;
  } catch (error) {
    const explained = [CookieScanError, ConfigError, PolicyError].some(
      (type) => error instanceof type,
    );
    stderr.write(
      `error: ${explained ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
    );
    return cookieScanExitCodes.unusable;
  }
}
