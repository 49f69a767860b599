import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { freePort } from "../helpers/free-port.ts";

const bin = fileURLToPath(new URL("../../bin/wits-privacy.js", import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far, stdout and stderr (its log lines). */
  output(): string;
  /** Settles once the process is gone, with how it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
}

/**
 * `wits-privacy serve` as an operator starts it, in its own process on a free port, so a test
 * can kill it with SIGKILL. Resolves once /readyz says the database answers; a server that does
 * not get there in a minute, or exits first, fails the test with what it printed.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, "serve"], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      // Hundreds of posts from one address are the point here, not abuse.
      RATE_LIMIT_PER_MINUTE: "100000",
      CONTACT_POSTS_PER_MINUTE: "100000",
      JOBS_ENABLED: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let printed = "";
  child.stdout?.on("data", (chunk) => {
    printed += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    printed += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => printed,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
  };
  await untilReady(server);
  return server;
}

async function untilReady(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!server.alive()) {
      throw new Error(`the server exited before it was ready:\n${server.output()}`);
    }
    const status = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await delay(100);
  }
  server.child.kill("SIGKILL");
  throw new Error(`the server was not ready within 60 s:\n${server.output()}`);
}

/** SIGTERM, as an operator stops it; it must be gone within 20 s. */
export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (!server.alive()) return;
  server.child.kill("SIGTERM");
  // Unreferenced: a pending deadline must not keep the test process alive after the stop.
  const deadline = delay(20_000, undefined, { ref: false });
  const stopped = await Promise.race([server.exited, deadline]);
  if (!stopped) {
    server.child.kill("SIGKILL");
    throw new Error(`the server did not stop within 20 s of SIGTERM:\n${server.output()}`);
  }
}

/** For `finally`: never leave a server running after a failed test. */
export async function killServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server?.alive()) return;
  server.child.kill("SIGKILL");
  await server.exited;
}
