import assert from "node:assert/strict";
import os from "node:os";
import { describe, it } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { systemClock } from "../../src/core/clock.ts";
import { loadConfig } from "../../src/core/config.ts";
import { openPostgres } from "../../src/core/db/database.ts";
import { runMigrations } from "../../src/core/db/migrate.ts";
import { defineJob, startScheduler } from "../../src/core/jobs/index.ts";
import { scheduledJobs } from "../../src/core/jobs/jobs.tables.ts";
import { createLogger } from "../../src/core/log.ts";
import { createScratchPostgres } from "../helpers/scratch-postgres.ts";
import { startTcpProxy } from "./tcp-proxy.ts";

const adminUrl = process.env.DATABASE_URL;

describe("a scheduled job when PostgreSQL goes away mid-run", {
  skip: !adminUrl && "needs DATABASE_URL",
}, () => {
  it("logs the failed run with its reason and runs again at the first tick after the database is back", async () => {
    const scratch = await createScratchPostgres(adminUrl ?? "", { prefix: "test_faults" });
    const real = new URL(adminUrl ?? "");
    const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const viaProxy = new URL(scratch.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    const database = await openPostgres(viaProxy.toString(), 2);
    const lines: string[] = [];
    const log = createLogger({ level: "warn", destination: { write: (line) => lines.push(line) } });
    try {
      await runMigrations(database);
      let runs = 0;
      const probe = defineJob({
        name: "faults.probe",
        description: "Loses its database in its first run, after it took the lease.",
        schedule: "* * * * * *",
        run: async ({ db }) => {
          runs += 1;
          if (runs === 1) {
            proxy.refuse();
            proxy.cut();
          }
          await db.execute(sql`select 1`);
          return { probed: 1 };
        },
      });
      const scheduler = startScheduler({
        jobs: [probe],
        db: database.db,
        clock: systemClock,
        log,
        config: loadConfig({ DATA_DIR: os.tmpdir() }),
      });
      try {
        await until(() => lines.some((line) => line.includes("job could not run")), 5_000);
        const backAt = new Date();
        await proxy.forward();
        // The failed run could not release its lease (ten minutes): the next tick must not wait.
        await until(async () => {
          const [row] = await database.db
            .select()
            .from(scheduledJobs)
            .where(eq(scheduledJobs.name, "faults.probe"));
          return row?.lastOutcome === "ok" && (row.lastFinishedAt ?? backAt) > backAt;
        }, 5_000);
      } finally {
        await scheduler.stop();
      }
      assert.ok(runs >= 2, `ran ${runs} times`);
      const failure = lines.find((line) => line.includes("job could not run")) ?? "";
      const entry = JSON.parse(failure) as { job?: string; error?: string };
      assert.equal(entry.job, "faults.probe");
      assert.match(entry.error ?? "", /^database unavailable \((ECONNREFUSED|connection)/i);
    } finally {
      await database.close();
      await proxy.close();
      await scratch.drop();
    }
  });
});

async function until(condition: () => boolean | Promise<boolean>, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await delay(100);
  }
}
