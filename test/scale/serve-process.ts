import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { collectOutput } from "../helpers/cli-process.ts";

const bin = fileURLToPath(new URL("../../bin/wits-privacy.js", import.meta.url));
const startTimeoutMs = 60_000;
const stopTimeoutMs = 30_000;

/** One line pino wrote, as far as these tests read it. */
export interface LogLine {
  msg?: string;
  job?: string;
  summary?: Record<string, number>;
  level?: number;
}

export interface ServeProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The JSON log lines written so far. */
  logLines(): LogLine[];
  /** Everything printed, for an assertion message. */
  output(): string;
  /** SIGTERM, as an orchestrator stops a server; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * `wits-privacy serve` as an operator runs it: a real process with only the variables given, on
 * PORT, with its own scheduler. Resolves once it says it is running.
 */
export async function startServeProcess(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const printed = collectOutput(child);
  const output = () => `${printed.stdout()}\n${printed.stderr()}`;
  const url = await runningUrl(child, printed.stdout, output);
  return {
    url,
    logLines: () => parseLogLines(printed.stdout()),
    output,
    stop: () => stopChild(child),
  };
}

function runningUrl(
  child: ChildProcess,
  stdout: () => string,
  output: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve did not start within ${startTimeoutMs} ms:\n${output()}`));
    }, startTimeoutMs);
    const check = () => {
      const match = /is running on (http:\/\/\S+)/.exec(stdout());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off("data", check);
      resolve(match[1]);
    };
    child.stdout?.on("data", check);
    child.once("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before it ran:\n${output()}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    // A server that ignores SIGTERM must not keep the test run alive.
    const timer = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.kill("SIGTERM");
  });
}

function parseLogLines(text: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // A line cut short by the pipe is read again once it is whole.
    }
  }
  return lines;
}
