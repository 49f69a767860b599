import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { systemClock } from "../src/core/clock.ts";
import { loadConfig } from "../src/core/config.ts";
import { type Database, type DatabaseKind, queryRows } from "../src/core/db/database.ts";
import { retentionFor } from "../src/datamap/index.ts";
import { type BatchedMail, enqueueMailBatch } from "../src/modules/newsletter/campaign-outbox.ts";
import {
  type CampaignDeps,
  createCampaign,
  enqueueDueCampaigns,
  previewCampaign,
  sendCampaignNow,
} from "../src/modules/newsletter/campaigns.ts";
import { newsletterSubscriberRecordType, readSubscriber } from "../src/modules/newsletter/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { createDataMap } from "../src/record-types.ts";
import { sealText } from "../src/vault/aes-gcm.ts";
import { openVault, type Vault } from "../src/vault/index.ts";
import { dataKeyAad, wrapKey } from "../src/vault/key-wrap.ts";
import { sampled } from "./peak-rss.ts";
import { openScratchDatabase } from "./scratch-database.ts";

/** Issue 8: "Enqueue a campaign for 100k recipients (render per recipient): time and RSS". */
export const enqueueTarget = { seconds: 30 } as const;

export interface NewsletterEnqueueResult {
  kind: DatabaseKind;
  recipients: number;
  seedMs: number;
  /**
   * The same number of outbox rows, one pre-rendered mail sealed under each reader's key (loaded
   * a batch at a time, as the campaign does), the same multi-row inserts.
   */
  baselineMs: number;
  /** enqueueDueCampaigns: read, decrypt name and e-mail, render, delivery rows and mail rows. */
  enqueueMs: number;
  ratio: number;
  queued: number;
  idleRssMiB: number;
  baselineRssMiB: number;
  enqueueRssMiB: number;
}

const batchSize = 1000;
const seedBatch = 5000;
const markdown = `Dag {{name}},

Dit kwartaal bij **WITS**:

- nieuwe back-updienst voor kleine kantoren, met dagelijkse controle;
- de helpdesk is voortaan ook op zaterdagvoormiddag bereikbaar;
- een handleiding om je wachtwoorden veilig te bewaren: https://wits.be/tips/wachtwoorden

Vragen? Antwoord gewoon op deze mail of bel ons.

Tot binnenkort,
het WITS-team`;

/**
 * One campaign to `recipients` readers, each a person of their own (a data key each, as in real
 * life), against inserting as many plain outbox rows in the same batches. Each database runs in a
 * process of its own, so the memory measured is its alone.
 */
export async function benchNewsletterEnqueue(
  kind: DatabaseKind,
  recipients: number,
): Promise<NewsletterEnqueueResult> {
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      childFlag,
      kind,
      String(recipients),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`newsletter enqueue bench on ${kind} exited with ${code}`);
  return JSON.parse(stdout) as NewsletterEnqueueResult;
}

const childFlag = "--measure-in-this-process";

async function openBenchVault(database: Database): Promise<Vault> {
  const config = loadConfig({
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wits-bench-newsletter-keys-")),
    WITS_MASTER_KEY: randomBytes(32).toString("base64"),
  });
  return openVault({ db: database.db, config, clock: systemClock });
}

interface SeededReaders {
  /** The first reader's subscription, to check that the seeded fields open. */
  firstId: string;
  /** Reader `i`'s person, whose newsletter key seals the baseline's mail to `lezer.i@…`. */
  subjectIds: string[];
}

/**
 * Readers written the way the vault writes them, but thousands per statement: a data key per
 * person wrapped under the vault's master key (`wrapKey`, the vault's AAD), name and e-mail
 * sealed with the vault's AES-GCM format and AAD. The enqueue opens every one of them through
 * `vault.decryptField`, so a field sealed wrongly would fail the run, not speed it up.
 */
async function seedSubscribers(
  deps: CampaignDeps,
  recipients: number,
  retention: { retainUntil: Date | null; retentionReason: unknown },
): Promise<SeededReaders> {
  const locales = ["nl", "nl", "nl", "en", "fr"] as const;
  let firstId = "";
  const subjectIds: string[] = [];
  for (let start = 0; start < recipients; start += seedBatch) {
    const rows = [];
    for (let i = start; i < Math.min(start + seedBatch, recipients); i++) {
      const subjectId = randomUUID();
      subjectIds.push(subjectId);
      const id = randomUUID();
      if (i === 0) firstId = id;
      const key = randomBytes(32);
      const seal = (column: string, value: string) =>
        sealText(
          key,
          Buffer.from(value, "utf8"),
          `newsletter_subscribers\u0000${column}\u0000${id}`,
        );
      rows.push({
        subject_id: subjectId,
        id,
        period_id: randomUUID(),
        wrapped_key: wrapKey(deps.vault.keyring, key, dataKeyAad(subjectId, "newsletter")),
        name_ciphertext: seal("name_ciphertext", `Lezer ${i} <${i % 7}>`),
        email_ciphertext: seal("email_ciphertext", `lezer.${i}@example.be`),
        locale: locales[i % locales.length],
        topics: i % 10 === 0 ? ["news", "tips"] : ["news"],
      });
    }
    await deps.db.execute(
      sql`with batch as (
            select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
              subject_id uuid, id uuid, period_id uuid, wrapped_key text, name_ciphertext text,
              email_ciphertext text, locale text, topics jsonb)
          ), new_subjects as (
            insert into subjects (id, created_at) select subject_id, now() from batch
          ), new_keys as (
            insert into data_keys (subject_id, purpose, wrapped_key, master_key_id, created_at)
            select subject_id, 'newsletter', wrapped_key, ${deps.vault.keyring.currentId}, now()
            from batch
          )
          insert into newsletter_subscribers
            (id, subject_id, retain_until, retention_reason, period_id, name_ciphertext,
             email_ciphertext, locale, topics, created_at, updated_at)
          select id, subject_id, ${retention.retainUntil?.toISOString() ?? null}::timestamptz,
                 ${JSON.stringify(retention.retentionReason)}::jsonb, period_id, name_ciphertext,
                 email_ciphertext, locale, topics, now(), now()
          from batch`,
    );
    process.stderr.write(
      `\r  seeding readers ${Math.min(start + seedBatch, recipients)}/${recipients}`,
    );
  }
  process.stderr.write("\n");
  await deps.db.execute(sql`analyze`);
  return { firstId, subjectIds };
}

async function measure(kind: DatabaseKind, recipients: number): Promise<NewsletterEnqueueResult> {
  const database = await openScratchDatabase(kind);
  try {
    const vault = await openBenchVault(database);
    const { policy } = await loadActivePolicy(undefined);
    const dataMap = createDataMap(() => policy);
    const deps: CampaignDeps = {
      db: database.db,
      vault,
      clock: systemClock,
      config: { MAIL_FROM: "WITS <nieuws@wits.be>", PUBLIC_URL: "https://privacy.wits.be" },
      policy: () => policy,
    };

    const seedStarted = performance.now();
    const retention = await retentionFor(database.db, dataMap, newsletterSubscriberRecordType, {
      subjectId: randomUUID(),
      key: randomUUID(),
    });
    const { firstId, subjectIds } = await seedSubscribers(deps, recipients, retention);
    const first = await readSubscriber(deps, { id: firstId });
    if (first?.name !== "Lezer 0 <0>") throw new Error("the seeded readers do not decrypt");
    const seedMs = performance.now() - seedStarted;

    const staffId = randomUUID();
    const campaign = await createCampaign(deps, {
      draft: {
        kind: "newsletter",
        subject: "Nieuws van WITS voor {{name}}",
        markdown,
        topics: ["news"],
      },
      staffId,
    });
    // The baseline's mail is this campaign as one reader gets it: the same row sizes.
    const sample = previewCampaign(deps, campaign, { name: "Lezer 1", locale: "nl" });

    global.gc?.();
    const idleRssMiB = process.memoryUsage.rss() / 2 ** 20;
    const baseline = await sampled(async () => {
      for (let start = 0; start < recipients; start += batchSize) {
        const readers = subjectIds.slice(start, start + batchSize);
        // One key query for the batch, as the campaign's read does before it seals.
        await vault.preloadKeys(database.db, "newsletter", readers);
        const mails: BatchedMail[] = readers.map((subjectId, offset) => {
          const i = start + offset;
          return {
            id: randomUUID(),
            purpose: "bench.plain",
            sealedUnder: { subjectId, purpose: "newsletter" },
            locale: "nl",
            to: `lezer.${i}@example.be`,
            subject: sample.subject,
            text: sample.text,
            html: sample.html,
            headers: sample.headers,
          };
        });
        await database.db.transaction((tx) =>
          enqueueMailBatch(tx, { clock: systemClock, config: deps.config, vault, mails }),
        );
      }
    });
    await database.db.execute(sql`truncate outbox`);
    await database.db.execute(sql`vacuum analyze outbox`);
    global.gc?.();

    await sendCampaignNow(deps, { campaignId: campaign.id, staffId });
    const enqueue = await sampled(() => enqueueDueCampaigns(deps, { batchSize }));
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from outbox where purpose = 'newsletter.campaign'`,
    );
    if (enqueue.value.queued !== recipients || count?.n !== recipients) {
      throw new Error(`queued ${enqueue.value.queued} (${count?.n} rows) of ${recipients}`);
    }
    return {
      kind,
      recipients,
      seedMs,
      baselineMs: baseline.ms,
      enqueueMs: enqueue.ms,
      ratio: enqueue.ms / baseline.ms,
      queued: enqueue.value.queued,
      idleRssMiB,
      baselineRssMiB: baseline.peakRssMiB,
      enqueueRssMiB: enqueue.peakRssMiB,
    };
  } finally {
    await database.close();
  }
}

export function formatNewsletterEnqueue(results: readonly NewsletterEnqueueResult[]): string {
  const fixed = (n: number, digits = 0) => n.toFixed(digits);
  return [
    `newsletter campaign enqueue (read, decrypt, render per reader, delivery + outbox rows, batches of ${batchSize}) against inserting as many pre-rendered outbox rows, each sealed under its reader's key, in the same batches; each database in a process of its own (target: enqueue < ${enqueueTarget.seconds} s)`,
    "| database | readers | plain outbox inserts s | campaign enqueue s | enqueue / plain | mails/s | idle RSS MiB | plain peak RSS MiB | enqueue peak RSS MiB | < 30 s |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...results.map(
      (r) =>
        `| ${r.kind} | ${r.recipients} | ${fixed(r.baselineMs / 1000, 2)} | ${fixed(r.enqueueMs / 1000, 2)} | ${fixed(r.ratio, 1)} | ${fixed(r.queued / (r.enqueueMs / 1000))} | ${fixed(r.idleRssMiB)} | ${fixed(r.baselineRssMiB)} | ${fixed(r.enqueueRssMiB)} | ${r.enqueueMs < enqueueTarget.seconds * 1000 ? "yes" : "no"} |`,
    ),
  ].join("\n");
}

export async function printNewsletterEnqueueBenchmark(
  kinds: readonly DatabaseKind[],
  recipients = 100_000,
): Promise<NewsletterEnqueueResult[]> {
  const results: NewsletterEnqueueResult[] = [];
  for (const kind of kinds) results.push(await benchNewsletterEnqueue(kind, recipients));
  process.stdout.write(`\n${formatNewsletterEnqueue(results)}\n`);
  return results;
}

if (process.argv[2] === childFlag) {
  const result = await measure(process.argv[3] as DatabaseKind, Number(process.argv[4]));
  process.stdout.write(JSON.stringify(result));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await printNewsletterEnqueueBenchmark(
    process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"],
    Number(process.env.BENCH_NEWSLETTER_RECIPIENTS ?? 100_000),
  );
}
