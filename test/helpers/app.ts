import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/app.ts";
import { type FakeClock, fakeClock } from "../../src/core/clock.ts";
import { type Config, loadConfig } from "../../src/core/config.ts";
import type { Database, DatabaseKind } from "../../src/core/db/database.ts";
import { createLogger } from "../../src/core/log.ts";
import type { DataMap } from "../../src/datamap/index.ts";
import { loadActivePolicy, type Policy, PolicyStore } from "../../src/policy/index.ts";
import { openVault, type Vault } from "../../src/vault/index.ts";
import { createTestDatabase } from "./database.ts";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: FakeClock;
  vault: Vault;
  /** Every log line the app wrote, raw, so a test can prove what never reaches the logs. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Replaces the product's data map, e.g. to add the test record type. */
  dataMap?: (policy: () => Policy) => DataMap;
  /** Runs before `ready()`, to add a route that exercises the core. */
  extend?: (app: FastifyInstance) => void | Promise<void>;
  /** A database opened by the test (e.g. PGlite in a real data dir); closed with the app. */
  database?: Database;
}

/** The whole app on a fresh database of the given kind, with a fake clock and captured logs. */
export async function createTestApp(
  kind: DatabaseKind,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-app-"));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "info", ...options.env });
  const database = options.database ?? (await createTestDatabase(kind));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const log = createLogger({ level: config.LOG_LEVEL, destination });
  const clock = fakeClock();
  const vault = await openVault({ db: database.db, config, clock });
  const { policy, source } = await loadActivePolicy(undefined);
  const store = await PolicyStore.open(database.db, { clock, policy, source });
  const app = await buildApp({
    config,
    database,
    clock,
    log,
    vault,
    policies: store,
    ...(options.dataMap ? { dataMap: options.dataMap(() => store.current()) } : {}),
  });
  await options.extend?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    vault,
    logs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** The `name=value` pairs of a reply's Set-Cookie headers, to send back as a browser would. */
export function cookiesOf(setCookie: string | string[] | number | undefined): string {
  const headers = Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : [];
  return headers.map((header) => header.split(";")[0]).join("; ");
}
