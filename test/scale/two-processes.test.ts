import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { type Database, openPostgres, queryRows } from "../../src/core/db/database.ts";
import { randomMasterKey } from "../../src/vault/test-vault.ts";
import { runCli } from "../helpers/cli-process.ts";
import { freePort } from "../helpers/free-port.ts";
import { createScratchPostgres, type ScratchPostgres } from "../helpers/scratch-postgres.ts";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink.ts";
import { type JobTally, quietJobRow } from "./quiet-job-row.ts";
import { type ServeProcess, startServeProcess } from "./serve-process.ts";
import { signInStaff } from "./staff-session.ts";
import {
  placeShopOrders,
  type Reply,
  sendContactRequests,
  type WrittenLoad,
  writeConcurrently,
} from "./write-concurrently.ts";

const adminUrl = process.env.DATABASE_URL;
const skip = adminUrl
  ? false
  : "needs PostgreSQL: set DATABASE_URL (several processes can only share a server database)";

const load = {
  /** Orders placed confirmed first, then completed by a clerk in the back office. */
  backOfficeOrders: 30,
  /** Orders the web shop places as completed, at the same time as the clerk works. */
  shopOrders: 30,
  customers: 20,
  contacts: 40,
};
const orders = load.backOfficeOrders + load.shopOrders;
const ordersApiToken = "scale-shop-token-0123456789-abcdefghijklmnop";
/** orders.created, orders.confirmed and orders.completed per order; one per contact request. */
const auditPerOrder = 3;
const deliveryJob = "mail.deliver";
/** The delivery job's schedule is every 15 s ("*\/15 * * * * *"). */
const deliveryTickMs = 15_000;

/**
 * Issue 15: two `serve` processes that share nothing but one PostgreSQL, each with its own
 * scheduler, data dir and memory, written to at once through both, as behind a load balancer.
 */
describe("two serve processes on one PostgreSQL", { skip }, () => {
  let sink: SmtpSink;
  let scratch: ScratchPostgres;
  let database: Database;
  let processes: ServeProcess[] = [];
  const dataDirs: string[] = [];
  let auditBefore: number;
  let deliveryBefore: JobTally;
  let confirmed: Reply[];
  let written: WrittenLoad;

  before(async () => {
    sink = await startSmtpSink();
    scratch = await createScratchPostgres(adminUrl ?? "", { prefix: "test_scale", migrate: true });
    database = await openPostgres(scratch.url, 2);
    processes = await startTwoServers(scratch.url, sink.url, dataDirs);
    const staff = await signInStaff(database.db, processes[0]?.url ?? "");
    // The window for "one run per tick" starts at a finished tick, before any mail is queued.
    deliveryBefore = await quietJobRow(database.db, deliveryJob, 40_000);
    auditBefore = await countRows(database, sql`select count(*)::int as n from audit_log`);
    const shop = { processes, token: ordersApiToken, customers: load.customers };
    confirmed = await placeShopOrders({
      ...shop,
      firstIndex: 0,
      count: load.backOfficeOrders,
      status: "confirmed",
    });
    written = await writeConcurrently(processes, {
      shop: {
        ...shop,
        firstIndex: load.backOfficeOrders,
        count: load.shopOrders,
        status: "completed",
      },
      backOffice: { staff, orderIds: await idsOf(database, confirmed) },
      contacts: load.contacts,
    });
  });

  after(async () => {
    await Promise.all(processes.map((server) => server.stop()));
    await database?.close();
    await scratch?.drop();
    await sink?.close();
    await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("accepts every write through either process, the clerk's session on both", () => {
    const batches = {
      "confirmed shop orders": { replies: confirmed, status: 201 },
      "completed shop orders": { replies: written.shop, status: 201 },
      "back-office completions": { replies: written.backOffice, status: 303 },
      "contact requests": { replies: written.contacts, status: 201 },
    };
    for (const [what, { replies, status }] of Object.entries(batches)) {
      const refused = replies.filter((reply) => reply.status !== status);
      assert.deepEqual(
        refused,
        [],
        `every one of the ${what} is accepted; ${serverErrors(processes)}`,
      );
      const perProcess = [0, 1].map((n) => replies.filter((reply) => reply.process === n).length);
      assert.deepEqual(perProcess, [replies.length / 2, replies.length / 2], what);
    }
    for (const reply of written.backOffice) {
      assert.match(String(reply.body.location), /\?done=completed$/);
    }
  });

  it("numbers the invoices of the year 1, 2, 3 … without a gap or a duplicate", async () => {
    const rows = await queryRows<{ number: string; year: number; sequence: number }>(
      database.db,
      sql`select number, year, sequence from invoices where kind = 'invoice'
          order by year, sequence`,
    );
    assert.equal(rows.length, orders, "one invoice per completed order");
    const invoiced = await countRows(
      database,
      sql`select count(distinct order_id)::int as n from invoices where kind = 'invoice'`,
    );
    assert.equal(invoiced, orders, "no order has two invoices");
    for (const year of new Set(rows.map((row) => row.year))) {
      const sequences = rows.filter((row) => row.year === year).map((row) => row.sequence);
      const expected = Array.from({ length: sequences.length }, (_, index) => index + 1);
      assert.deepEqual(sequences, expected, `the ${year} series runs from 1 without gaps`);
      const [counter] = await queryRows<{ last: number }>(
        database.db,
        sql`select last from invoice_counters where kind = 'invoice' and year = ${year}`,
      );
      assert.equal(counter?.last, sequences.length, "the counter stands at the last number");
    }
    const stored = new Set(rows.map((row) => row.number));
    const told = new Set(written.shop.map((reply) => String(reply.body.invoiceNumber)));
    assert.equal(told.size, load.shopOrders, "each shop order was told a number of its own");
    assert.ok(
      [...told].every((number) => stored.has(number)),
      "and it is the stored one",
    );
  });

  it("registers a person who orders through both processes at once as one subject", async () => {
    const subjects = await countRows(
      database,
      sql`select count(distinct subject_id)::int as n from orders`,
    );
    assert.equal(subjects, load.customers);
  });

  it("keeps one audit chain: `audit verify` finds it intact with every entry written", async () => {
    const verified = await runCli(["audit", "verify"], {
      env: { DATABASE_URL: scratch.url, DATA_DIR: dataDirs[0] ?? "" },
    });
    assert.equal(verified.code, 0, verified.stderr);
    const entries = Number(/audit log intact: (\d+) entries/.exec(verified.stdout)?.[1]);
    const writtenEntries = orders * auditPerOrder + load.contacts;
    assert.equal(entries, auditBefore + writtenEntries, verified.stdout);
    const actions = await queryRows<{ action: string; actor: string; n: number; records: number }>(
      database.db,
      sql`select action, actor_type as actor, count(*)::int as n,
                 count(distinct record_id)::int as records
          from audit_log where seq > ${auditBefore}
          group by action, actor_type order by action, actor_type`,
    );
    assert.deepEqual(actions, [
      { action: "contact.received", actor: "subject", n: load.contacts, records: load.contacts },
      {
        action: "orders.completed",
        actor: "staff",
        n: load.backOfficeOrders,
        records: load.backOfficeOrders,
      },
      { action: "orders.completed", actor: "system", n: load.shopOrders, records: load.shopOrders },
      { action: "orders.confirmed", actor: "system", n: orders, records: orders },
      { action: "orders.created", actor: "system", n: orders, records: orders },
    ]);
  });

  it("delivers each queued mail once, and runs each mail.deliver tick in one process", async (t) => {
    const mails = orders + load.contacts;
    await waitForSentMail(database, mails, 90_000);
    const deliveryAfter = await quietJobRow(database.db, deliveryJob, 40_000);

    const sent = await queryRows<{ message_id: string }>(
      database.db,
      sql`select message_id from outbox where status = 'sent' order by message_id`,
    );
    assert.equal(sent.length, mails, "an invoice mail per order, a confirmation per request");
    assert.deepEqual(
      [...sink.messageIds()].sort(),
      sent.map((row) => row.message_id),
      "the SMTP server received every queued mail exactly once",
    );

    const ticks =
      (deliveryAfter.lastSlot.getTime() - deliveryBefore.lastSlot.getTime()) / deliveryTickMs;
    assert.ok(ticks >= 1, "the window spans at least one tick");
    assert.equal(
      deliveryAfter.runs - deliveryBefore.runs,
      ticks,
      `${ticks} ticks of ${deliveryJob} between ${deliveryBefore.lastSlot.toISOString()} and ${deliveryAfter.lastSlot.toISOString()}, each run once across both processes`,
    );

    // A run logs its summary just after releasing its lease: give the last line a moment.
    const sentPerProcess = await loggedSends(processes, mails, 5_000);
    t.diagnostic(`${ticks} ticks; mails sent per process: ${sentPerProcess.join(" + ")}`);
    assert.equal(
      sentPerProcess.reduce((sum, count) => sum + count, 0),
      mails,
      "the processes' own logs add up to the same count",
    );
  });

  // Which process wins a tick is a race, so one of them may have sent every mail above. Stopping
  // that one shows the other's scheduler was live all along and takes the job over at once.
  it("keeps delivering through the other process when the busier one stops", async () => {
    const [first = 0, second = 0] = processes.map((server) => sentByDeliveryJob(server));
    const busier = first >= second ? 0 : 1;
    const survivor = processes[1 - busier];
    const survivorSent = busier === 0 ? second : first;
    assert.ok(survivor);
    assert.equal(await processes[busier]?.stop(), 0, "the stopped process exits cleanly");
    const queued = await countRows(database, sql`select count(*)::int as n from outbox`);
    const late = 4;
    const replies = await sendContactRequests([survivor], load.contacts, late);
    assert.deepEqual(
      replies.map((reply) => reply.status),
      Array(late).fill(201),
    );
    await waitForSentMail(database, queued + late, 40_000);
    const [sentBySurvivor] = await loggedSends([survivor], survivorSent + late, 5_000);
    assert.equal(sentBySurvivor, survivorSent + late, "the survivor sent the late mail");
    assert.equal(new Set(sink.messageIds()).size, sink.messageIds().length, "still once each");
  });
});

/**
 * Two `serve` processes on the same database, each with its own port, data dir and memory. If
 * one fails to start, the other is stopped: no server outlives the test.
 */
async function startTwoServers(
  databaseUrl: string,
  smtpUrl: string,
  dataDirs: string[],
): Promise<ServeProcess[]> {
  const masterKey = randomMasterKey();
  // Shared as an operator shares them: a form from one process is posted to the other.
  const cookieSecret = randomBytes(32).toString("hex");
  const started = await Promise.allSettled(
    [0, 1].map(async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-scale-"));
      dataDirs.push(dataDir);
      return startServeProcess({
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        WITS_MASTER_KEY: masterKey,
        COOKIE_SECRET: cookieSecret,
        SMTP_URL: smtpUrl,
        ORDERS_API_TOKEN: ordersApiToken,
        // Every request comes from 127.0.0.1; the per-address form limit is not under test.
        CONTACT_POSTS_PER_MINUTE: "1000",
        LOG_LEVEL: "info",
      });
    }),
  );
  const servers = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await Promise.all(servers.map((server) => server.stop()));
    throw failure.reason;
  }
  return servers;
}

/** The ids of orders the shop was told the numbers of. */
async function idsOf(database: Database, replies: readonly Reply[]): Promise<string[]> {
  const numbers = replies.map((reply) => String(reply.body.number));
  const rows = await queryRows<{ id: string; number: string }>(
    database.db,
    sql`select id, number from orders where number in (${sql.join(
      numbers.map((number) => sql`${number}`),
      sql`, `,
    )})`,
  );
  const byNumber = new Map(rows.map((row) => [row.number, row.id]));
  return numbers.map((number) => byNumber.get(number) ?? `missing order ${number}`);
}

/** What the servers logged as warnings and errors (a pool timeout is a warning), for a message. */
function serverErrors(processes: readonly ServeProcess[]): string {
  const errors = processes.flatMap((server) =>
    server.logLines().filter((line) => (line.level ?? 0) >= 40),
  );
  return `server errors: ${JSON.stringify(errors).slice(0, 4000)}`;
}

async function countRows(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, query);
  return row?.n ?? 0;
}

async function waitForSentMail(database: Database, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let sent = 0;
  while (Date.now() < deadline) {
    sent = await countRows(
      database,
      sql`select count(*)::int as n from outbox where status = 'sent'`,
    );
    if (sent >= expected) return;
    await sleep(500);
  }
  assert.fail(`only ${sent} of ${expected} mails were sent within ${timeoutMs} ms`);
}

/** What each process logged its delivery runs as having sent, once the total is in or time is up. */
async function loggedSends(
  processes: readonly ServeProcess[],
  expected: number,
  timeoutMs: number,
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const perProcess = processes.map((server) => sentByDeliveryJob(server));
    const total = perProcess.reduce((sum, count) => sum + count, 0);
    if (total >= expected || Date.now() >= deadline) return perProcess;
    await sleep(100);
  }
}

function sentByDeliveryJob(server: ServeProcess): number {
  return server
    .logLines()
    .filter((line) => line.job === deliveryJob && line.msg === "job finished")
    .reduce((sum, line) => sum + (line.summary?.sent ?? 0), 0);
}
