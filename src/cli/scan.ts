import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { ConfigError, loadConfig } from "../core/config.ts";
import { isLocale, type Locale, translator } from "../core/i18n/index.ts";
import { actionFor, explainFinding, type Finding, scanText } from "../modules/scanner/index.ts";
import { loadActivePolicy, type Policy, PolicyError } from "../policy/index.ts";
import { commandAction } from "./command-action.ts";
import { scanStoredData } from "./scan-stored.ts";

/** 0: nothing found; 1: something was; 2: the text could not be read. */
export const scanExitCodes = { clean: 0, found: 1, unusable: 2 } as const;

export interface ScanCommandOptions {
  /** A path, or "-" for standard input. */
  source: string;
  json?: boolean | undefined;
  lang?: string | undefined;
  /** The rules to apply; without it, the policy file (POLICY_FILE) is read. */
  policy?: Policy | undefined;
  stdin?: NodeJS.ReadableStream | undefined;
  stdout?: NodeJS.WritableStream | undefined;
  stderr?: NodeJS.WritableStream | undefined;
}

export function registerScanCommand(program: Command): void {
  program
    .command("scan")
    .description(
      "Find special-category data, identifiers, credentials and signs of a minor in a text file or standard input, as intake would. Prints where, what kind, how sure and what the policy does with it (redact, quarantine, report), never the value itself. Exit code 0: nothing found; 1: something was; 2: the text could not be read.",
    )
    .argument("[file]", "the text file to scan, or - for standard input", "-")
    .option("--json", "print the findings as JSON")
    .option("--lang <nl|en|fr>", "language of the explanations", "nl")
    .option(
      "--stored",
      "instead of a file, scan every record already stored (as the back office's “scan existing data”), with progress; prints record ids, fields and kinds, never the text",
    )
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : scanExitCodes.unusable);
    })
    .action(async (file: string, options: { json?: boolean; lang: string; stored?: boolean }) => {
      if (options.stored) {
        await commandAction(async (config) => {
          process.exitCode = await scanStoredData(config);
        })();
        return;
      }
      process.exitCode = await runScan({ source: file, json: options.json, lang: options.lang });
    });
}

async function readSource(options: ScanCommandOptions): Promise<string> {
  if (options.source !== "-") return readFile(options.source, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of options.stdin ?? process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Line and column (both from 1) of an offset, so an operator can find the spot in an editor. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

interface Reported {
  line: number;
  column: number;
  length: number;
  type: Finding["type"];
  confidence: number;
  action: ReturnType<typeof actionFor>;
  explanation: string;
}

/** The `scan` command without commander, so a test runs it in-process and gets the exit code. */
export async function runScan(options: ScanCommandOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const locale: Locale = isLocale(options.lang) ? options.lang : "nl";
  let text: string;
  let policy: Policy;
  try {
    text = await readSource(options);
    policy = options.policy ?? (await loadActivePolicy(loadConfig().POLICY_FILE)).policy;
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof PolicyError;
    const code = (error as NodeJS.ErrnoException).code;
    const message = known
      ? (error as Error).message
      : code === "ENOENT"
        ? `${options.source} does not exist: give a text file, or - to read standard input`
        : String((error as Error).message ?? error);
    stderr.write(`error: ${message}\n`);
    return scanExitCodes.unusable;
  }
  const t = translator(locale);
  const findings: Reported[] = scanText(text, {
    minimumConfidence: policy.sensitiveData.minimumConfidence,
  }).map((finding) => ({
    ...position(text, finding.start),
    length: finding.end - finding.start,
    type: finding.type,
    confidence: Math.round(finding.confidence * 100) / 100,
    action: actionFor(policy, finding.type),
    explanation: explainFinding(t, finding),
  }));
  stdout.write(options.json ? `${JSON.stringify({ findings }, null, 2)}\n` : formatText(findings));
  return findings.length > 0 ? scanExitCodes.found : scanExitCodes.clean;
}

function formatText(findings: readonly Reported[]): string {
  if (findings.length === 0) return "No sensitive data found.\n";
  const lines = findings.map(
    (finding) =>
      `${`${finding.line}:${finding.column}`.padEnd(8)} ${finding.type.padEnd(18)} ${`${Math.round(finding.confidence * 100)}%`.padStart(4)}  ${finding.action.padEnd(10)} ${finding.explanation}`,
  );
  const header = `${"where".padEnd(8)} ${"kind".padEnd(18)} ${"sure".padStart(4)}  ${"action".padEnd(10)} why`;
  return `${[header, ...lines].join("\n")}\n${findings.length} finding(s).\n`;
}
