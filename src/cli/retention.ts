import type { Command } from "commander";
import { systemClock } from "../core/clock.ts";
import { type Config, ConfigError } from "../core/config.ts";
import type { Database } from "../core/db/database.ts";
import { isMessageKey, type Translate, translator } from "../core/i18n/index.ts";
import {
  type DataMap,
  describePeriod,
  isoDay,
  planSweep,
  type RecordType,
  type SweepPlanRow,
  type SweepReport,
  sweepRetention,
} from "../datamap/index.ts";
import type { ProductJobDeps } from "../jobs.ts";
import {
  findPolicyVersion,
  listPolicyVersions,
  loadActivePolicy,
  type Policy,
} from "../policy/index.ts";
import { createDataMap } from "../record-types.ts";
import { loadMasterKeyring, type MasterKeyring, openVault } from "../vault/index.ts";
import { commandAction } from "./command-action.ts";
import { progressPrinter } from "./progress-printer.ts";
import { stopOnInterrupt } from "./stop-on-interrupt.ts";
import { withMigratedDatabase } from "./with-migrated-database.ts";

interface RunOptions {
  dryRun?: boolean;
  until?: string;
  batchSize?: string;
}

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command("retention")
    .description(
      "The retention engine: erase what the policy no longer lets us keep, or preview what would go and why.",
    );

  retention
    .command("run")
    .description(
      "Erase every record past its retention date that no legal hold covers, in audited batches (the `retention.sweep` job does the same every hour). Safe to stop at any point: the next run goes on. With --dry-run, only show what would go, grouped by record type and reason.",
    )
    .option("--dry-run", "change nothing; show what would be erased and what a legal hold keeps")
    .option(
      "--until <YYYY-MM-DD>",
      "with --dry-run: preview what will be due by the end of that day",
    )
    .option("--batch-size <n>", "records erased per transaction and audit entry", "5000")
    .action(
      commandAction(async (config, options: RunOptions) => {
        const until = options.until === undefined ? undefined : parseUntil(options);
        const batchSize = parseBatchSize(options.batchSize);
        if (options.dryRun) {
          await withMigratedDatabase(config, async (database) => {
            const dataMap = await dataMapInForce(config, database);
            const at = until ?? systemClock.now();
            const plan = await planSweep({ db: database.db, dataMap }, at);
            process.stdout.write(formatPlan(dataMap, plan, { at, future: until !== undefined }));
          });
          return;
        }
        // Before the database: a missing key is reported before anything is migrated.
        const { keyring, warning } = await loadMasterKeyring(config);
        if (warning) process.stderr.write(`warning: ${warning}\n`);
        await withMigratedDatabase(config, async (database) => {
          const deps = await openProductDeps(config, database, keyring);
          const report = await sweepWithProgress(database, deps, batchSize);
          process.stdout.write(formatReport(deps.dataMap, report));
          if (report.stopped) process.exitCode = 130;
        });
      }),
    );
}

/**
 * The vault and the data map under the policy version in force, as a running server has them.
 * For `retention run` and `jobs`, which need what the scheduled jobs need.
 */
export async function openProductDeps(
  config: Config,
  database: Database,
  keyring: MasterKeyring,
): Promise<ProductJobDeps> {
  const vault = await openVault({ db: database.db, config, clock: systemClock, keyring });
  const policy = await policyInForce(config, database);
  return { vault, dataMap: createDataMap(() => policy), policy: () => policy };
}

/**
 * The data map under the policy version servers follow: the one last activated in the database;
 * the policy file only when no server ever stored one. Read only: unlike a server start, a
 * command does not store the file as a new version.
 */
export async function dataMapInForce(config: Config, database: Database): Promise<DataMap> {
  const policy = await policyInForce(config, database);
  return createDataMap(() => policy);
}

async function policyInForce(config: Config, database: Database): Promise<Policy> {
  const [latest] = await listPolicyVersions(database.db);
  const stored = latest ? await findPolicyVersion(database.db, latest.contentHash) : undefined;
  if (stored) return stored.policy;
  return (await loadActivePolicy(config.POLICY_FILE)).policy;
}

function parseUntil({ until, dryRun }: RunOptions): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until ?? "");
  const [year, month, day] = (match?.slice(1) ?? []).map(Number);
  const date =
    year && month && day ? new Date(Date.UTC(year, month - 1, day, 23, 59, 59, 999)) : undefined;
  // Date.UTC rolls 2027-02-30 over into March; a date that does not round-trip does not exist.
  if (!date || isoDay(date) !== until) {
    throw new ConfigError(`--until must be a date as YYYY-MM-DD, e.g. --until ${exampleDay()}`);
  }
  if (date < systemClock.now()) {
    throw new ConfigError(
      `--until previews the future: give today or a later day, e.g. --until ${exampleDay()}`,
    );
  }
  if (!dryRun) {
    throw new ConfigError(
      `--until only previews a future sweep: add --dry-run, e.g. retention run --dry-run --until ${until}`,
    );
  }
  return date;
}

function parseBatchSize(value: string | undefined): number {
  const batchSize = Number(value);
  if (!/^\d+$/.test(value ?? "") || batchSize < 1 || batchSize > 50_000) {
    throw new ConfigError(
      "--batch-size must be a whole number from 1 to 50000, e.g. --batch-size 5000",
    );
  }
  return batchSize;
}

function exampleDay(): string {
  return isoDay(new Date(systemClock.now().getTime() + 30 * 24 * 3600 * 1000));
}

/** Ctrl-C stops the sweep between batches, so what it did is whole and summed up. */
async function sweepWithProgress(
  database: Database,
  deps: ProductJobDeps,
  batchSize: number,
): Promise<SweepReport> {
  const interrupt = stopOnInterrupt();
  const progress = progressPrinter(process.stderr, {
    bar: "erasing",
    line: "erased or deferred {done} of {total} due records ({recordType})",
  });
  try {
    return await sweepRetention(
      { db: database.db, clock: systemClock, ...deps },
      {
        batchSize,
        signal: interrupt.signal,
        onProgress: progress.update,
        actor: { type: "system", id: "cli.retention.run" },
      },
    );
  } finally {
    progress.done();
    interrupt.release();
  }
}

function formatPlan(
  dataMap: DataMap,
  plan: readonly SweepPlanRow[],
  { at, future }: { at: Date; future: boolean },
): string {
  const when = future ? `the end of ${isoDay(at)} (UTC)` : at.toISOString();
  const lines = [`Retention sweep preview for ${when}; nothing is changed.`];
  const t = translator("en");
  let due = 0;
  let held = 0;
  for (const type of dataMap.recordTypes) {
    const rows = plan.filter((row) => row.recordType === type.id);
    if (rows.length === 0) continue;
    lines.push(`${type.id} (${type.label.en})`);
    for (const row of rows) {
      const kept = row.held > 0 ? `, ${row.held} held under a legal hold` : "";
      lines.push(`  ${reasonInWords(t, dataMap, type, row)}: ${row.due} due${kept}`);
      due += row.due;
      held += row.held;
    }
  }
  if (due + held === 0) return `${lines[0]}\nNothing is due.\n`;
  lines.push(
    `Total: ${count(due, "record")} would be erased${held > 0 ? `; ${held} more due but held under a legal hold` : ""}.`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Why a group of due records goes, in the operator's words: the plan carries the reason's code
 * and event, the policy in force the period.
 */
function reasonInWords(
  t: Translate,
  dataMap: DataMap,
  type: RecordType,
  row: SweepPlanRow,
): string {
  const eventKey = `retention.event.${row.event}`;
  const effective = dataMap.ruleOf(type);
  if (row.reason === "after_event" && isMessageKey(eventKey)) {
    const rule = effective.kind === "policy" ? effective.rule : undefined;
    const period = rule?.kind === "after_event" ? describePeriod(t, rule) : "the period";
    return `${period} after ${t(eventKey)}`;
  }
  if (row.reason === "expires") return type.ownRetention?.rule.en ?? t("retention.expires");
  if (row.reason === "erasure_due") {
    return "the person asked for erasure, objected or withdrew consent";
  }
  return row.reason;
}

function formatReport(dataMap: DataMap, report: SweepReport): string {
  const lines = [`Retention sweep at ${report.at.toISOString()}:`];
  const totals = { erased: 0, deferred: 0, keysShredded: 0 };
  for (const type of dataMap.recordTypes) {
    const result = report.byType[type.id];
    if (!result) continue;
    totals.erased += result.erased;
    totals.deferred += result.deferred;
    totals.keysShredded += result.keysShredded;
    if (result.erased + result.deferred === 0) continue;
    const parts = [`${result.erased} erased`];
    if (result.deferred > 0) parts.push(`${result.deferred} deferred by a running agreement`);
    if (result.keysShredded > 0) parts.push(`${count(result.keysShredded, "key")} shredded`);
    lines.push(`  ${type.id} (${type.label.en}): ${parts.join(", ")}`);
  }
  if (totals.erased + totals.deferred === 0) lines.push("  nothing was due");
  lines.push(
    `Total: ${totals.erased} erased, ${totals.deferred} deferred, ${count(totals.keysShredded, "key")} shredded, ${report.held} held under a legal hold.`,
  );
  if (report.stopped) {
    lines.push("Stopped before the end: run `wits-privacy retention run` again to erase the rest.");
  }
  return `${lines.join("\n")}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
