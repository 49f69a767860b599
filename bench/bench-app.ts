import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.ts";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import type { Database } from "../src/core/db/database.ts";
import { createLogger } from "../src/core/log.ts";
import { loadActivePolicy, PolicyStore } from "../src/policy/index.ts";
import { openVault } from "../src/vault/index.ts";

// One key for every app built on one database in a run: its vault keys are wrapped by it.
const benchMasterKey = randomBytes(32).toString("base64");

/** The whole product app on a scratch database, silent, with limits out of the way. */
export async function buildBenchApp(
  database: Database,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-")),
    RATE_LIMIT_PER_MINUTE: "100000",
    CONTACT_POSTS_PER_MINUTE: "100000",
    WITS_MASTER_KEY: benchMasterKey,
    ...env,
  });
  const vault = await openVault({ db: database.db, config, clock: systemClock });
  const { policy, source } = await loadActivePolicy(undefined);
  return buildApp({
    config,
    database,
    clock: systemClock,
    log: createLogger({ level: "silent" }),
    vault,
    policies: await PolicyStore.open(database.db, { clock: systemClock, policy, source }),
  });
}
