import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/core/config.ts";
import { createLogger } from "../../src/core/log.ts";
import { type RunningServer, startServer } from "../../src/main.ts";

export interface E2eServerOptions {
  /** Settings on top of the test defaults (a fresh data dir, a free port, no scheduled jobs). */
  env?: Record<string, string>;
  /** A page the product does not serve itself, such as a company page embedding the banner. */
  beforeListen?: (app: FastifyInstance) => void | Promise<void>;
}

/** startTestServer with extra settings or routes: the real server on a fresh embedded database. */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<RunningServer> {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-e2e-"));
  const env = { DATA_DIR, PORT: "0", HOST: "127.0.0.1", JOBS_ENABLED: "false", ...options.env };
  return startServer({
    config: loadConfig(env),
    log: createLogger({ level: "silent" }),
    beforeListen: options.beforeListen,
  });
}
