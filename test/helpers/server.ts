import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/core/config.ts";
import { createLogger } from "../../src/core/log.ts";
import { type RunningServer, startServer } from "../../src/main.ts";

/** The real server on a free port and a fresh embedded database, for browser tests. */
export async function startTestServer(): Promise<RunningServer> {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-e2e-"));
  return startServer({
    config: loadConfig({ DATA_DIR, PORT: "0", HOST: "127.0.0.1", JOBS_ENABLED: "false" }),
    log: createLogger({ level: "silent" }),
  });
}
