import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { verifyAudit } from "../../src/audit/index.ts";
import type { DatabaseKind } from "../../src/core/db/database.ts";
import {
  type Database,
  openDatabase,
  openPostgres,
  queryRows,
} from "../../src/core/db/database.ts";
import { randomMasterKey } from "../../src/vault/test-vault.ts";
import { databaseKinds } from "../helpers/database.ts";
import { createScratchPostgres } from "../helpers/scratch-postgres.ts";
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

const submissionCount = 500;
/** Killed mid-run: well after the first answers, long before the last. */
const killAfterAcknowledged = 150;

interface Installation {
  env: Record<string, string>;
  /** The database the servers used, opened by the test once they have stopped. */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/**
 * kill -9 of the server while 500 contact requests arrive at once. A request and its
 * attachments, confirmation mail and audit entry commit in one transaction, and the reference is
 * only sent after the commit: so every request that got its 201 must be there after a restart,
 * and every request that is there must be whole, acknowledged or not.
 */
for (const kind of databaseKinds) {
  describe(`kill -9 during ${submissionCount} concurrent contact submissions on ${kind}`, () => {
    it("keeps every acknowledged request, whole, and restarts on the same data with a valid audit chain", async () => {
      const installation = await install(kind);
      let server: ServerProcess | undefined;
      try {
        server = await startServerProcess(installation.env);
        const submissions = contactSubmissions(submissionCount);
        const killed = server;
        const outcomes = await submitAllAtOnce(server.url, submissions, (soFar) => {
          if (soFar >= killAfterAcknowledged && killed.alive()) killed.child.kill("SIGKILL");
        });
        const ended = await server.exited;
        assert.equal(ended.signal, "SIGKILL", "the server was killed, it did not stop by itself");
        const acked = acknowledged(outcomes);
        const lost = outcomes.filter((outcome) => "connectionError" in outcome).length;
        assert.ok(acked.length >= killAfterAcknowledged, `${acked.length} acknowledged`);
        assert.ok(lost > 0, "the kill came while submissions were still in flight");
        assertOnlyCleanAnswers(outcomes);

        // The same data dir (its lock left behind by a dead process) or database, a new process.
        server = await startServerProcess(installation.env);
        const [afterRestart] = contactSubmissions(1) as [ContactSubmission];
        const late = await submitContact(server.url, afterRestart);
        assert.ok("status" in late && late.status === 201, "the restarted server takes requests");
        await stopServerProcess(server);

        const database = await installation.open();
        try {
          const stored = await storedRequests(database);
          const byReference = new Map(stored.map((request) => [request.reference, request]));
          const missing = acked.filter(({ reference }) => !byReference.has(reference));
          assert.deepEqual(missing, [], "every acknowledged request is stored");
          for (const { reference, submission } of acked) {
            assert.equal(
              byReference.get(reference)?.attachments,
              submission.attachments,
              `request ${reference} has all its attachments`,
            );
          }
          assert.ok(late.reference && byReference.has(late.reference));
          assert.ok(stored.length <= submissionCount + 1);
          await assertEveryRequestWhole(database, stored);
          const audit = await verifyAudit(database.db);
          assert.equal(audit.ok, true, `audit chain after the crash: ${JSON.stringify(audit)}`);
          process.stdout.write(
            `# ${kind}: ${acked.length} acknowledged, ${stored.length - 1} stored before the kill, ${lost} cut off\n`,
          );
        } finally {
          await database.close();
        }
      } finally {
        await killServerProcess(server);
        await installation.remove();
      }
    });
  });
}

/**
 * Before the kill a request is stored (201) or, when the pool stays busy past its timeout,
 * refused as unavailable (503); a 500 or any other answer is a failure of its own.
 */
function assertOnlyCleanAnswers(outcomes: readonly SubmissionOutcome[]): void {
  const unexpected = outcomes.flatMap((outcome) =>
    "status" in outcome &&
    outcome.status !== 201 &&
    !(outcome.status === 503 && outcome.errorCode === "unavailable")
      ? [outcome.status]
      : [],
  );
  assert.deepEqual(unexpected, [], "no answer but 201 or 503 before the kill");
}

interface StoredRequest {
  id: string;
  reference: string;
  attachments: number;
  audited: number;
  auditedAttachments: number | null;
}

async function storedRequests(database: Database): Promise<StoredRequest[]> {
  return queryRows<StoredRequest>(
    database.db,
    sql`select c.id, c.reference,
               (select count(*)::int from contact_attachments a where a.request_id = c.id)
                 as attachments,
               (select count(*)::int from audit_log l
                 where l.action = 'contact.received' and l.record_id = c.id::text) as audited,
               (select max((l.details->>'attachments')::int) from audit_log l
                 where l.action = 'contact.received' and l.record_id = c.id::text)
                 as "auditedAttachments"
        from contact_requests c`,
  );
}

/**
 * Half-stored would show as a request without its audit entry or confirmation mail, an audit
 * entry or mail without its request, or fewer attachments than the audit entry counted.
 */
async function assertEveryRequestWhole(database: Database, stored: StoredRequest[]) {
  const broken = stored.filter(
    (request) => request.audited !== 1 || request.auditedAttachments !== request.attachments,
  );
  assert.deepEqual(broken, [], "every stored request has one audit entry naming its attachments");
  const [counts] = await queryRows<{
    mails: number;
    entries: number;
    orphans: number;
    orphanMails: number;
  }>(
    database.db,
    sql`select
          (select count(*)::int from outbox where purpose = 'contact.confirmation') as mails,
          (select count(*)::int from audit_log where action = 'contact.received') as entries,
          (select count(*)::int from contact_attachments a
            where not exists (select 1 from contact_requests c where c.id = a.request_id))
            as orphans,
          (select count(*)::int from outbox o
            where o.purpose = 'contact.confirmation'
              and (o.vault_purpose is distinct from 'contact'
                or not exists (select 1 from contact_requests c where c.subject_id = o.subject_id)))
            as "orphanMails"`,
  );
  // Each confirmation is sealed under the "contact" key of a person with a stored request.
  assert.deepEqual(counts, {
    mails: stored.length,
    entries: stored.length,
    orphans: 0,
    orphanMails: 0,
  });
}

async function install(kind: DatabaseKind): Promise<Installation> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-faults-"));
  const base = { DATA_DIR: dataDir, WITS_MASTER_KEY: randomMasterKey() };
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  if (kind === "pglite") {
    return { env: base, open: () => openDatabase(base), remove: removeDir };
  }
  const scratch = await createScratchPostgres(process.env.DATABASE_URL ?? "", {
    prefix: "test_faults",
  });
  return {
    env: { ...base, DATABASE_URL: scratch.url },
    open: () => openPostgres(scratch.url, 2),
    remove: async () => {
      await scratch.drop();
      await removeDir();
    },
  };
}
