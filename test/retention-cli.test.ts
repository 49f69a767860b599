import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { verifyAudit } from "../src/audit/index.ts";
import {
  type Database,
  type DatabaseKind,
  openDatabase,
  queryRows,
} from "../src/core/db/database.ts";
import { isoDay } from "../src/datamap/index.ts";
import { randomMasterKey } from "../src/vault/test-vault.ts";
import { runCli } from "./helpers/cli-process.ts";
import { databaseKinds } from "./helpers/database.ts";
import { createScratchPostgres } from "./helpers/scratch-postgres.ts";

const day = 24 * 3600 * 1000;

/** The CLI as an operator runs it: a real process, only the variables given here. */
const run = (args: string[], env: Record<string, string>) => runCli(args, { env });

interface Installation {
  env: Record<string, string>;
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/** A fresh installation: an embedded data dir, or a new PostgreSQL database. */
async function installation(kind: DatabaseKind): Promise<Installation> {
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-retention-cli-"));
  if (kind === "pglite") {
    return { env: { DATA_DIR }, open: () => openDatabase({ DATA_DIR }), remove: async () => {} };
  }
  const scratch = await createScratchPostgres(process.env.DATABASE_URL ?? "", {
    prefix: "wits_rcli",
  });
  const DATABASE_URL = scratch.url;
  return {
    env: { DATA_DIR, DATABASE_URL, WITS_MASTER_KEY: randomMasterKey() },
    open: () => openDatabase({ DATA_DIR, DATABASE_URL }),
    remove: scratch.drop,
  };
}

/** An export package of a subject, as the rights module stores one, kept until `retainUntil`. */
async function insertExportPackage(database: Database, retainUntil: Date): Promise<string> {
  const [subject] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into subjects (id, created_at) values (gen_random_uuid(), now()) returning id::text`,
  );
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into export_packages (subject_id, retain_until, retention_reason, token_hash,
          locale, created_at, expires_at, zip_ciphertext, report_ciphertext, pdf_ciphertext)
        values (${subject?.id}, ${retainUntil}, ${JSON.stringify({ code: "expires" })}::jsonb,
          ${randomBytes(16).toString("hex")}, 'nl', now(), ${retainUntil},
          '\\x00', '\\x00', '\\x00')
        returning id::text`,
  );
  return row?.id ?? "";
}

for (const kind of databaseKinds) {
  describe(`wits-privacy retention run on ${kind}`, () => {
    it("previews what is due and why without changing anything, then erases exactly that", async () => {
      const setup = await installation(kind);
      try {
        const migrated = await run(["migrate"], setup.env);
        assert.equal(migrated.code, 0, migrated.stderr);
        const now = Date.now();
        let database = await setup.open();
        const expired = await insertExportPackage(database, new Date(now - day));
        const later = await insertExportPackage(database, new Date(now + 10 * day));
        await database.close();

        const preview = await run(["retention", "run", "--dry-run"], setup.env);
        assert.equal(preview.code, 0, preview.stderr);
        assert.match(preview.stdout, /nothing is changed/);
        assert.match(
          preview.stdout,
          /rights\.export_package \(access or portability package\)\n {2}until the download link expires: 1 due\n/,
        );
        assert.match(preview.stdout, /Total: 1 record would be erased\./);

        const inAMonth = isoDay(new Date(now + 30 * day));
        const future = await run(["retention", "run", "--dry-run", "--until", inAMonth], setup.env);
        assert.equal(future.code, 0, future.stderr);
        assert.match(future.stdout, new RegExp(`preview for the end of ${inAMonth} \\(UTC\\)`));
        assert.match(future.stdout, /until the download link expires: 2 due/);

        const notPreview = await run(["retention", "run", "--until", inAMonth], setup.env);
        assert.equal(notPreview.code, 1);
        assert.match(notPreview.stderr, /^error: --until only previews .* add --dry-run, e\.g\. /);
        assert.equal(notPreview.stderr.trim().split("\n").length, 1);
        const badDate = await run(["retention", "run", "--dry-run", "--until", "2027-02-30"], {
          ...setup.env,
        });
        assert.equal(badDate.code, 1);
        assert.match(badDate.stderr, /^error: --until must be a date as YYYY-MM-DD, e\.g\. /);

        const swept = await run(["retention", "run", "--batch-size", "100"], setup.env);
        assert.equal(swept.code, 0, swept.stderr);
        assert.match(
          swept.stdout,
          /rights\.export_package \(access or portability package\): 1 erased\n/,
        );
        assert.match(swept.stdout, /Total: 1 erased, 0 deferred/);
        assert.match(
          swept.stderr,
          /erased or deferred 1 of 1 due records/,
          "progress lines off a TTY",
        );

        database = await setup.open();
        try {
          const left = await queryRows<{ id: string }>(
            database.db,
            sql`select id::text from export_packages`,
          );
          assert.deepEqual(
            left.map((row) => row.id),
            [later],
            `the due package (${expired}) went, the later one stays`,
          );
          const audited = await queryRows<{ actor_id: string; details: { erased: number } }>(
            database.db,
            sql`select actor_id, details from audit_log where action = 'retention.sweep'`,
          );
          assert.deepEqual(
            audited.map((row) => [row.actor_id, row.details.erased]),
            [["cli.retention.run", 1]],
            "the previews wrote nothing; the run one audited batch",
          );
          assert.equal((await verifyAudit(database.db)).ok, true);
        } finally {
          await database.close();
        }
      } finally {
        await setup.remove();
      }
    });
  });
}
