import net from "node:net";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "./app.ts";
import { type Clock, systemClock } from "./core/clock.ts";
import type { Config } from "./core/config.ts";
import { type Database, openDatabase } from "./core/db/database.ts";
import { runMigrations } from "./core/db/migrate.ts";
import { type JobDefinition, startScheduler } from "./core/jobs/index.ts";
import { productJobs } from "./jobs.ts";
import { loadActivePolicy, PolicyStore } from "./policy/index.ts";
import { createDataMap } from "./record-types.ts";
import { loadMasterKeyring, openVault, type Vault } from "./vault/index.ts";

export class StartupError extends Error {
  override name = "StartupError";
}

export interface StartOptions {
  config: Config;
  log: Logger;
  clock?: Clock;
  /** Defaults to the product's jobs. */
  jobs?: readonly JobDefinition[];
  /** Lets a test add a route (say, a slow one) before the server listens. */
  beforeListen?: (app: FastifyInstance) => void | Promise<void>;
}

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** The server's vault, for tests that check what an erasure left readable. */
  vault: Vault;
  url: string;
  /** Stops accepting, lets in-flight requests and jobs finish, then closes the database. */
  stop(): Promise<void>;
}

/** config → database → migrate → app → listen → jobs. A failure undoes what was started. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, log } = options;
  const clock = options.clock ?? systemClock;
  // Checked before the database is created or migrated, so a busy port leaves nothing behind.
  await assertPortFree(config);
  const active = await loadActivePolicy(config.POLICY_FILE);
  for (const warning of active.warnings) log.warn({ path: warning.path }, warning.message);
  // A missing master key is reported before the database is created or migrated.
  const { keyring, warning } = await loadMasterKeyring(config);
  if (warning) log.warn(warning);
  const database = await openDatabase(config);
  let app: FastifyInstance | undefined;
  let vault: Vault | undefined;
  let jobs = options.jobs;
  try {
    await runMigrations(database);
    vault = await openVault({ db: database.db, config, clock, keyring });
    const opened = vault;
    const store = await PolicyStore.open(database.db, {
      clock,
      policy: active.policy,
      source: active.source,
      publicUrl: config.PUBLIC_URL,
    });
    // One data map for the routes and the sweep, following the policy version in force.
    const dataMap = createDataMap(() => store.current());
    jobs ??= productJobs(() => ({ vault: opened, dataMap, policy: () => store.current() }));
    app = await buildApp({ config, database, clock, log, vault, policies: store, dataMap });
    // Another process may activate a new version; every process follows within 30 s.
    const follow = setInterval(() => {
      store.refresh(database.db).catch(() => {});
    }, 30_000);
    follow.unref();
    app.addHook("onClose", async () => clearInterval(follow));
    await options.beforeListen?.(app);
    await listen(app, config);
  } catch (error) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
  const scheduler = config.JOBS_ENABLED
    ? startScheduler({ jobs, db: database.db, clock, log, config })
    : undefined;
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST}:${port}`;
  const running = app;
  if (!vault) throw new Error("the vault did not open");
  return {
    app: running,
    database,
    vault,
    url,
    stop: once(async () => {
      await withTimeout(config.SHUTDOWN_TIMEOUT_MS, async () => {
        await running.close();
        await scheduler?.stop();
      });
      await database.close();
    }),
  };
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    throw listenProblem(error, config);
  }
}

async function assertPortFree(config: Config): Promise<void> {
  if (config.PORT === 0) return;
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen({ port: config.PORT, host: config.HOST }, resolve);
    });
  } catch (error) {
    throw listenProblem(error, config);
  }
  await new Promise((resolve) => probe.close(resolve));
}

/** Listening failures an operator can fix, said as one line with the fix. */
function listenProblem(error: unknown, config: Config): unknown {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    return new StartupError(
      `Port ${config.PORT} is in use: stop the other server or choose another port, e.g. PORT=${config.PORT + 1}`,
    );
  }
  if (code === "EACCES") {
    return new StartupError(
      `Not allowed to listen on port ${config.PORT}: use a port above 1023, e.g. PORT=3000`,
    );
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new StartupError(
      `Cannot listen on host ${config.HOST}: it is not an address of this machine; try HOST=0.0.0.0`,
    );
  }
  return error;
}

function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= stop();
    return stopping;
  };
}

/** In-flight work gets its grace period; after it, shutdown goes on without it. */
async function withTimeout(milliseconds: number, work: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, milliseconds);
  });
  try {
    await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
