import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../test/helpers/free-port.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resident memory of the process tree (npm → sh → tsx → node), in MiB. */
function treeRssMiB(pid: number): { server: number; tree: number } {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  }
  const rss = tree.map((p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  });
  return { server: Math.max(...rss), tree: rss.reduce((a, b) => a + b, 0) };
}

async function startOnce(command: string, args: string[], env: Record<string, string>) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    // The embedded database is measured, whatever DATABASE_URL this shell has.
    env: {
      ...process.env,
      DATABASE_URL: "",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
    detached: true,
  });
  await waitForHealth(`http://127.0.0.1:${port}/healthz`, child);
  const coldStartMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const rss = treeRssMiB(child.pid ?? 0);
  process.kill(-(child.pid ?? 0), "SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return { coldStartMs, rss };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function coldStart(runs: number) {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-bench-start-"));
  // First start creates and migrates the data dir; the measured ones find it existing.
  await startOnce("npm", ["start"], { DATA_DIR });
  const product = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    product.push(await startOnce("npm", ["start"], { DATA_DIR }));
    bare.push(await startOnce("npx", ["tsx", path.join("bench", "bare-server.ts")], {}));
  }
  return {
    product: {
      coldStartMs: median(product.map((r) => r.coldStartMs)),
      serverRssMiB: median(product.map((r) => r.rss.server)),
    },
    bare: {
      coldStartMs: median(bare.map((r) => r.coldStartMs)),
      serverRssMiB: median(bare.map((r) => r.rss.server)),
    },
  };
}
