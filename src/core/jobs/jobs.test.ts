import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import { type FakeClock, fakeClock, systemClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobSummary,
  listJobStatus,
  nextRunOf,
  type RunJobOptions,
  runAllOnce,
  runJob,
  startScheduler,
} from "./index.ts";
import { scheduledJobs } from "./jobs.tables.ts";

const config = loadConfig({ DATA_DIR: path.join(os.tmpdir(), "wits-privacy-jobs-test") });
const silent = pino({ level: "silent" });
const MINUTE = 60_000;

/** A job that counts its runs; `handler` replaces its body when a test needs more. */
function countingJob(
  name: string,
  handler: (context: JobContext) => Promise<JobSummary | undefined> = async () => ({ swept: 1 }),
  schedule = "0 * * * *",
) {
  const job = {
    runs: 0,
    definition: defineJob({
      name,
      description: `test job ${name}`,
      schedule,
      run: async (context) => {
        job.runs += 1;
        return handler(context);
      },
    }),
  };
  return job;
}

/** Rejects instead of hanging when a scheduled run never comes. */
async function within<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not happen within ${milliseconds} ms`)),
      milliseconds,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

for (const kind of databaseKinds) {
  describe(`jobs on ${kind}`, () => {
    let database: Database;
    let clock: FakeClock;

    before(async () => {
      database = await createTestDatabase(kind);
    });

    after(async () => {
      await database.close();
    });

    const runOptions = (owner: string, extra: Partial<RunJobOptions> = {}): RunJobOptions => ({
      db: database.db,
      clock,
      log: silent,
      config,
      owner,
      signal: new AbortController().signal,
      ...extra,
    });

    async function rowOf(name: string) {
      const [row] = await database.db
        .select()
        .from(scheduledJobs)
        .where(eq(scheduledJobs.name, name));
      assert.ok(row, `scheduled_jobs has no row for ${name}`);
      return row;
    }

    it("records when a run finished, how long it took and that it went well", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const job = countingJob("records-ok", async () => {
        await sleep(20);
        return { swept: 3 };
      });

      const result = await runJob(job.definition, runOptions("host-a"));

      assert.equal(result.ran, true);
      assert.equal(result.outcome, "ok");
      assert.deepEqual(result.summary, { swept: 3 });
      const row = await rowOf("records-ok");
      assert.equal(row.lastOutcome, "ok");
      assert.equal(row.lastError, null);
      assert.equal(row.runs, 1);
      assert.equal(row.failures, 0);
      assert.deepEqual(row.lastStartedAt, clock.now());
      assert.deepEqual(row.lastFinishedAt, clock.now());
      assert.ok((row.lastDurationMs ?? 0) >= 15, `duration ${row.lastDurationMs} ms`);
      assert.equal(row.leaseUntil, null, "the lease is released after the run");
    });

    it("records a failing job as failed with the first line of its error, and resolves", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const lines: string[] = [];
      const log = pino({ level: "error" }, { write: (line: string) => lines.push(line) });
      const job = countingJob("records-failure", async () => {
        throw new Error("SMTP server refused the connection\n    at connect (smtp.ts:12)");
      });

      const result = await runJob(job.definition, runOptions("host-a", { log }));

      assert.equal(result.ran, true);
      assert.equal(result.outcome, "failed");
      assert.equal(result.error, "SMTP server refused the connection");
      const row = await rowOf("records-failure");
      assert.equal(row.lastOutcome, "failed");
      assert.equal(row.lastError, "SMTP server refused the connection");
      assert.equal(row.runs, 1);
      assert.equal(row.failures, 1);
      assert.equal(row.leaseUntil, null, "a failed run releases its lease too");
      assert.equal(lines.length, 1);
      const logged = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
      assert.equal(logged.job, "records-failure");
      assert.equal(logged.error, "SMTP server refused the connection");
      assert.doesNotMatch(lines[0] ?? "", /smtp\.ts/, "no stack trace in the log");
    });

    it("keeps a stored error to 500 characters", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const job = countingJob("long-error", async () => {
        throw new Error("x".repeat(2000));
      });

      await runJob(job.definition, runOptions("host-a"));

      assert.equal((await rowOf("long-error")).lastError?.length, 500);
    });

    it("runs a job once when several processes claim the same slot at once", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const slot = new Date("2026-03-01T02:00:00Z");
      const job = countingJob("concurrent", async () => {
        await sleep(50);
        return { swept: 1 };
      });

      const results = await Promise.all(
        ["host-a", "host-b", "host-c", "host-d"].map((owner) =>
          runJob(job.definition, runOptions(owner, { slot })),
        ),
      );

      assert.equal(job.runs, 1);
      assert.equal(results.filter((result) => result.ran).length, 1);
      assert.equal((await rowOf("concurrent")).runs, 1);
    });

    it("does not run a slot twice, even after it finished, but runs the next slot", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const job = countingJob("one-run-per-slot");
      const twoAm = new Date("2026-03-01T02:00:00Z");
      const threeAm = new Date("2026-03-01T03:00:00Z");

      const first = await runJob(job.definition, runOptions("host-a", { slot: twoAm }));
      const late = await runJob(job.definition, runOptions("host-b", { slot: twoAm }));
      clock.set(threeAm);
      const next = await runJob(job.definition, runOptions("host-b", { slot: threeAm }));

      assert.deepEqual(
        [first.ran, late.ran, next.ran],
        [true, false, true],
        "first run, late duplicate of the 2:00 slot, the 3:00 slot",
      );
      assert.equal(job.runs, 2);
      const row = await rowOf("one-run-per-slot");
      assert.deepEqual(row.lastSlot, threeAm);
      assert.equal(row.runs, 2);
    });

    it("blocks others while a crashed process holds the lease, until it expires", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const job = countingJob("crashed-owner");
      const crashedAt = clock.now();
      // What a process leaves behind when it dies mid-run: a claimed lease, never released.
      await database.db.insert(scheduledJobs).values({
        name: "crashed-owner",
        leaseOwner: "crashed-host",
        leaseUntil: new Date(crashedAt.getTime() + 10 * MINUTE),
        lastStartedAt: crashedAt,
      });

      clock.advance(5 * MINUTE);
      const whileLeased = await runJob(job.definition, runOptions("host-b"));
      clock.advance(5 * MINUTE + 1_000);
      const afterExpiry = await runJob(job.definition, runOptions("host-b"));

      assert.equal(whileLeased.ran, false);
      assert.equal(afterExpiry.ran, true);
      assert.equal(job.runs, 1);
      const row = await rowOf("crashed-owner");
      assert.equal(row.leaseOwner, "host-b");
      assert.equal(row.lastOutcome, "ok");
      assert.equal(row.leaseUntil, null);
    });

    it("does not let a run that outlived its lease overwrite the next owner's record", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const slowRunGate = deferred();
      const slowStarted = deferred();
      const slow = countingJob("outlived-lease", async () => {
        slowStarted.resolve();
        await slowRunGate.promise;
        throw new Error("finished far too late");
      });
      const fast = countingJob("outlived-lease");

      const slowRun = runJob(slow.definition, runOptions("host-a", { leaseMs: MINUTE }));
      await slowStarted.promise;
      clock.advance(2 * MINUTE);
      const takeOver = await runJob(fast.definition, runOptions("host-b", { leaseMs: MINUTE }));
      slowRunGate.resolve();
      await slowRun;

      assert.equal(takeOver.ran, true);
      const row = await rowOf("outlived-lease");
      assert.equal(row.leaseOwner, "host-b");
      assert.equal(row.lastOutcome, "ok");
      assert.equal(row.runs, 1);
    });

    it("runs every job once for `jobs run-once` and lists their status", async () => {
      clock = fakeClock("2026-03-01T02:00:00Z");
      const sweep = countingJob("run-once-sweep");
      const broken = countingJob("run-once-broken", async () => {
        throw new Error("policy file missing");
      });

      const reports = await runAllOnce({
        jobs: [sweep.definition, broken.definition],
        db: database.db,
        clock,
        log: silent,
        config,
      });

      assert.deepEqual(
        reports.map(({ job, ran, outcome }) => ({ job, ran, outcome })),
        [
          { job: "run-once-sweep", ran: true, outcome: "ok" },
          { job: "run-once-broken", ran: true, outcome: "failed" },
        ],
      );
      const listed = (await listJobStatus(database.db)).filter((row) =>
        row.name.startsWith("run-once-"),
      );
      assert.deepEqual(
        listed.map(({ name, lastOutcome, runs }) => ({ name, lastOutcome, runs })),
        [
          { name: "run-once-broken", lastOutcome: "failed", runs: 1 },
          { name: "run-once-sweep", lastOutcome: "ok", runs: 1 },
        ],
      );
    });

    it("refuses two jobs with the same name", () => {
      const job = countingJob("duplicate").definition;
      assert.throws(
        () => startScheduler({ jobs: [job, job], db: database.db, clock, log: silent, config }),
        /named "duplicate"/,
      );
    });

    /** Runs the real scheduler until the job has started, then stops it (waiting for the run). */
    const scheduleUntil = async (definition: JobDefinition, started: Promise<void>) => {
      const scheduler = startScheduler({
        jobs: [definition],
        db: database.db,
        clock: systemClock,
        log: silent,
        config,
      });
      try {
        await within(started, 5_000, "a scheduled run");
      } finally {
        await scheduler.stop();
      }
    };

    it("scheduler runs an every-second job within a few seconds", async () => {
      const ran = deferred();
      const job = countingJob(
        "every-second",
        async () => {
          ran.resolve();
          return undefined;
        },
        "* * * * * *",
      );
      await scheduleUntil(job.definition, ran.promise);

      const row = await rowOf("every-second");
      assert.equal(row.lastOutcome, "ok");
      assert.ok(row.lastSlot, "a scheduled run records its slot");
      assert.equal(row.lastSlot.getMilliseconds(), 0, "the slot is the scheduled second");
    });

    it("stop() aborts a running handler's signal and waits for it to finish", async () => {
      const started = deferred();
      let sawAbort = false;
      let finished = false;
      const job = countingJob(
        "graceful-stop",
        async ({ signal }) => {
          started.resolve();
          while (!signal.aborted) await sleep(10);
          sawAbort = true;
          // The batch in progress completes after the abort; stop() must wait for it.
          await sleep(100);
          finished = true;
          return { sent: 1 };
        },
        "* * * * * *",
      );
      await scheduleUntil(job.definition, started.promise);

      assert.equal(sawAbort, true);
      assert.equal(finished, true);
      const row = await rowOf("graceful-stop");
      assert.equal(row.lastOutcome, "ok");
      assert.equal(row.leaseUntil, null, "the lease is released before stop() resolves");
      await sleep(1_100);
      assert.equal(job.runs, 1, "nothing runs after stop()");
    });
  });
}

describe("job schedules", () => {
  it("are read in the organisation's time zone, summer and winter", () => {
    const nightly = defineJob({
      name: "nightly",
      description: "probe",
      schedule: "0 3 * * *",
      run: async () => undefined,
    });
    const winter = nextRunOf(nightly, "Europe/Brussels", new Date("2026-01-15T12:00:00Z"));
    assert.equal(winter?.toISOString(), "2026-01-16T02:00:00.000Z");
    const summer = nextRunOf(nightly, "Europe/Brussels", new Date("2026-07-15T12:00:00Z"));
    assert.equal(summer?.toISOString(), "2026-07-16T01:00:00.000Z");
  });
});
