import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";
import { translator } from "../../src/core/i18n/index.ts";
import { randomMasterKey } from "../../src/vault/test-vault.ts";
import {
  createScratchPostgres,
  type ScratchPostgres,
  terminateBackends,
} from "../helpers/scratch-postgres.ts";
import {
  acknowledged,
  type ContactSubmission,
  contactSubmissions,
  type SubmissionOutcome,
  submitAllAtOnce,
  submitContact,
} from "./contact-submission.ts";
import {
  killServerProcess,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from "./server-process.ts";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.ts";

const adminUrl = process.env.DATABASE_URL;

/**
 * PostgreSQL restarted under a running server. The shared server may not be touched, so the app
 * reaches its database through a TCP proxy: "down" is every backend terminated (57P01, as a
 * restart does), every connection cut and new ones refused; "hung" is connections accepted and
 * never answered; "up" forwards again. The server process is the one `wits-privacy serve` runs.
 */
describe("PostgreSQL restarted under a running server", {
  skip: !adminUrl && "needs DATABASE_URL",
}, () => {
  it("answers 503 in the visitor's language while the database is gone, and serves again without a restart", async () => {
    const outage = await setUp(adminUrl ?? "");
    try {
      const { server, proxy, scratch } = outage;
      const warmUp = await Promise.all(
        contactSubmissions(20).map((submission) => submitContact(server.url, submission)),
      );
      assert.deepEqual(statuses(warmUp), Array(20).fill(201), "all well before the restart");

      // Down in the middle of a burst of submissions.
      let restarted = () => {};
      const tenAnswered = new Promise<void>((resolve) => {
        restarted = resolve;
      });
      const burst = submitAllAtOnce(server.url, contactSubmissions(60), (soFar) => {
        if (soFar >= 10) restarted();
      });
      await tenAnswered;
      proxy.refuse();
      await terminateBackends(adminUrl ?? "", scratch.name);
      proxy.cut();
      const duringRestart = await burst;
      assert.ok(server.alive(), `the process survived the restart:\n${server.output()}`);
      assert.deepEqual(
        duringRestart.filter((outcome) => !isCreatedOrUnavailable(outcome)),
        [],
        "each request in the burst is stored (201) or refused cleanly (503), none fails with a 500",
      );
      assert.ok(
        duringRestart.some((outcome) => "status" in outcome && outcome.status === 503),
        "the restart met requests in flight",
      );

      await assertUnavailableAnswers(server);

      // Hung rather than down: the pool's connect timeout must answer, not the visitor's patience.
      await proxy.blackHole();
      const hungStarted = performance.now();
      const [hungSubmission] = contactSubmissions(1) as [ContactSubmission];
      const hung = await submitContact(server.url, hungSubmission, "en");
      const hungSeconds = (performance.now() - hungStarted) / 1000;
      assert.deepEqual(statuses([hung]), [503], "a hung database is a 503 too");
      assert.ok(hungSeconds < 9, `answered after ${hungSeconds.toFixed(1)} s`);
      proxy.refuse();
      proxy.cut();

      await untilLogged(server, "job could not run");
      assertJobFailureLoggedSafely(server);
      assert.ok(server.alive(), "the process lived through the outage and its job ticks");

      // Up again: the same process, no restart.
      const upAt = new Date();
      await proxy.forward();
      await untilReady(server, 10_000);
      const afterwards = await Promise.all(
        contactSubmissions(30).map((submission) => submitContact(server.url, submission)),
      );
      assert.deepEqual(
        statuses(afterwards),
        Array(30).fill(201),
        "every pool slot serves again: no dead client left in the pool",
      );
      const backOffice = await backOfficePage(server);
      assert.equal(backOffice.status, 303, "the back office looks the session up again");
      assert.match(backOffice.headers.get("location") ?? "", /^\/admin\/login/);

      const stored = await storedReferences(scratch.url);
      for (const outcomes of [warmUp, duringRestart, afterwards]) {
        for (const { reference } of acknowledged(outcomes)) {
          assert.ok(stored.has(reference), `acknowledged request ${reference} is stored`);
        }
      }
      await untilJobRanAfter(scratch.url, "mail.deliver", upAt);
      assert.ok(server.alive());
      await stopServerProcess(server);
      assert.deepEqual(await server.exited, { code: 0, signal: null }, "a clean stop afterwards");
    } finally {
      await outage.tearDown();
    }
  });
});

interface Outage {
  server: ServerProcess;
  proxy: TcpProxy;
  scratch: ScratchPostgres;
  tearDown(): Promise<void>;
}

async function setUp(adminUrl: string): Promise<Outage> {
  const scratch = await createScratchPostgres(adminUrl, { prefix: "test_faults" });
  const real = new URL(adminUrl);
  const proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
  const viaProxy = new URL(scratch.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-outage-"));
  let server: ServerProcess | undefined;
  const tearDown = async () => {
    await killServerProcess(server);
    await proxy.close();
    await scratch.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServerProcess({
      DATABASE_URL: viaProxy.toString(),
      DATA_DIR: dataDir,
      WITS_MASTER_KEY: randomMasterKey(),
      // The mail job ticks every 15 s: one tick falls in the outage, one after it.
      JOBS_ENABLED: "true",
    });
  } catch (error) {
    await tearDown();
    throw error;
  }
  return { server, proxy, scratch, tearDown };
}

/** What a visitor, a monitor and a staff member see while the database is down. */
async function assertUnavailableAnswers(server: ServerProcess): Promise<void> {
  const started = performance.now();
  const [submission] = contactSubmissions(1);
  assert.ok(submission);
  const response = await fetch(`${server.url}/api/contact`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "fr-BE,fr;q=0.9" },
    body: JSON.stringify({
      name: "Storing Test",
      email: submission.email,
      subject: "Offerte",
      message: "Graag een offerte.",
    }),
  });
  const answer = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(response.status, 503);
  assert.equal(answer.error.code, "unavailable");
  assert.equal(answer.error.message, translator("fr")("error.unavailable"));
  assert.equal(response.headers.get("retry-after"), "10");
  assert.ok(performance.now() - started < 3_000, "refused at once, not after a timeout");

  const ready = await fetch(`${server.url}/readyz`);
  assert.equal(ready.status, 503);
  assert.deepEqual(await ready.json(), { status: "unavailable" });
  const live = await fetch(`${server.url}/healthz`);
  assert.equal(live.status, 200, "the process itself is alive: no restart wanted");

  const page = await backOfficePage(server);
  const html = await page.text();
  assert.equal(page.status, 503);
  assert.match(page.headers.get("content-type") ?? "", /text\/html/);
  assert.ok(html.includes(translator("nl")("error.unavailable")), "told in Dutch, the default");
  assert.doesNotMatch(html, /\bat .+\.ts:\d+|Connection terminated|ECONNREFUSED/, "no internals");
}

/** A staff member's browser: a session cookie the guard must look up in the database. */
function backOfficePage(server: ServerProcess): Promise<Response> {
  return fetch(`${server.url}/admin/contact`, {
    redirect: "manual",
    headers: {
      accept: "text/html",
      "accept-language": "nl-BE",
      cookie: `wits_staff=${randomBytes(32).toString("base64url")}`,
    },
  });
}

function statuses(outcomes: readonly SubmissionOutcome[]): (number | string)[] {
  return outcomes.map((outcome) =>
    "status" in outcome ? outcome.status : `connection: ${outcome.connectionError}`,
  );
}

function isCreatedOrUnavailable(outcome: SubmissionOutcome): boolean {
  if (!("status" in outcome)) return false;
  return outcome.status === 201 || (outcome.status === 503 && outcome.errorCode === "unavailable");
}

/**
 * The scheduler's line for a tick that met the outage: it names the job and the reason, and
 * nothing the visitors sent (their addresses) is anywhere in the server's output.
 */
function assertJobFailureLoggedSafely(server: ServerProcess): void {
  const lines = server
    .output()
    .split("\n")
    .filter((line) => line.includes("job could not run"));
  assert.ok(lines.length > 0);
  for (const line of lines) {
    const entry = JSON.parse(line) as { job?: string; error?: string };
    assert.ok(entry.job, "the job is named");
    assert.match(entry.error ?? "", /^database unavailable \(/);
  }
  assert.doesNotMatch(server.output(), /storing\.test\+/, "no visitor's address in the log");
}

async function untilLogged(server: ServerProcess, text: string): Promise<void> {
  // The mail job ticks every 15 s, so one tick is at most that far away.
  const deadline = Date.now() + 20_000;
  while (!server.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`never logged "${text}":\n${server.output()}`);
    await delay(200);
  }
}

async function untilReady(server: ServerProcess, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${server.url}/readyz`).catch(() => undefined);
    if (response?.status === 200) return;
    await delay(100);
  }
  throw new Error(`not ready again within ${withinMs} ms of the database coming back`);
}

/** Read straight from PostgreSQL, not through the proxy or the app. */
async function withScratch<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function storedReferences(url: string): Promise<Set<string>> {
  const rows = await withScratch(url, async (client) => {
    const result = await client.query<{ reference: string }>(
      "select reference from contact_requests",
    );
    return result.rows;
  });
  return new Set(rows.map((row) => row.reference));
}

/** The job failed at its ticks during the outage; the first tick after it must run and succeed. */
async function untilJobRanAfter(url: string, job: string, after: Date): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const row = await withScratch(url, async (client) => {
      const result = await client.query<{ outcome: string | null; finished: Date | null }>(
        "select last_outcome as outcome, last_finished_at as finished from scheduled_jobs where name = $1",
        [job],
      );
      return result.rows[0];
    });
    if (row?.finished && row.finished > after && row.outcome === "ok") return;
    await delay(250);
  }
  throw new Error(`${job} did not run successfully after the database came back`);
}
