import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { like } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openedOutbox } from "../../../test/helpers/outbox.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { type Config, loadConfig } from "../../core/config.ts";
import { nextRunOf } from "../../core/jobs/index.ts";
import { createLogger } from "../../core/log.ts";
import { outbox } from "../../core/mail/outbox.tables.ts";
import { createStaffAccount } from "../staff/index.ts";
import { breachClockJob } from "./breach-clock.job.ts";
import { createBreach, updateBreach } from "./breaches.service.ts";
import { breaches } from "./registers.tables.ts";
import { breachFacts } from "./test-breach.ts";

const hour = 60 * 60 * 1000;
const minute = 60 * 1000;

const facts = (discoveredAt: Date | null) =>
  breachFacts({ title: "Laptop gestolen", discoveredAt });

for (const kind of databaseKinds) {
  describe(`registers.breach_clock job on ${kind}`, () => {
    let product: ProductTest;
    let config: Config;
    let staffId = "";

    before(async () => {
      product = await openProductTest(kind);
      config = loadConfig({ PUBLIC_URL: "https://privacy.wits.example" });
      const db = product.database.db;
      ({ staffId } = await createStaffAccount(
        { db, clock: product.clock },
        { email: "officer@wits.be", displayName: "Officer", role: "privacy" },
      ));
      await createStaffAccount(
        { db, clock: product.clock },
        { email: "support@wits.be", displayName: "Support", role: "support" },
      );
    });
    after(() => product.database.close());

    const job = breachClockJob(() => ({ policy: () => undefined as never, vault: product.vault }));
    const run = () =>
      job.run({
        db: product.database.db,
        clock: product.clock,
        config,
        log: createLogger({ level: "silent" }),
        signal: new AbortController().signal,
      });
    const deps = () => ({ db: product.database.db, clock: product.clock });
    /** The reminders naming a reference, opened (the subject is sealed), by time and id. */
    const mailsAbout = async (reference: string) =>
      (await openedOutbox(product, like(outbox.purpose, "breaches.reminder.%")))
        .filter((mail) => mail.subject.includes(reference))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    /** Runs the job every 15 minutes of fake time, as the scheduler would, for `hours`. */
    const runFor = async (hours: number) => {
      for (let elapsed = 0; elapsed < hours * hour; elapsed += 15 * minute) {
        product.clock.advance(15 * minute);
        await run();
      }
    };

    it("runs every 15 minutes", () => {
      const from = new Date("2026-01-01T09:01:00Z");
      assert.equal(nextRunOf(job, "UTC", from)?.toISOString(), "2026-01-01T09:15:00.000Z");
    });

    it("mails the officers at 24 h left, 6 h left and past the deadline, each once", async () => {
      const breach = await createBreach(deps(), {
        staffId,
        fields: facts(product.clock.now()),
      });
      await runFor(47.75);
      assert.deepEqual(await mailsAbout(breach.reference), [], "nothing before 48 h");

      await runFor(0.25);
      let mails = await mailsAbout(breach.reference);
      assert.deepEqual(
        mails.map((mail) => [mail.purpose, mail.toAddress]),
        [["breaches.reminder.48h", "officer@wits.be"]],
        "only the privacy officer, at 48 h",
      );
      assert.equal(mails[0]?.subjectId, null, "staff mail: sealed with the installation key");
      assert.equal(mails[0]?.vaultPurpose, null);
      assert.equal(mails[0]?.erased, false, "and it still opens");
      assert.match(mails[0]?.subject ?? "", /nog 24 uur om te melden/);
      assert.ok(
        mails[0]?.textBody.includes(`https://privacy.wits.example/admin/breaches/${breach.id}`),
      );

      await runFor(18);
      mails = await mailsAbout(breach.reference);
      assert.deepEqual(
        mails.map((mail) => mail.purpose),
        ["breaches.reminder.48h", "breaches.reminder.66h"],
      );
      assert.match(mails[1]?.subject ?? "", /nog 6 uur/);

      await runFor(6);
      await runFor(24);
      mails = await mailsAbout(breach.reference);
      assert.deepEqual(
        mails.map((mail) => mail.purpose),
        ["breaches.reminder.48h", "breaches.reminder.66h", "breaches.reminder.overdue"],
        "a day of runs past the deadline adds no second overdue mail",
      );
      assert.match(mails[2]?.subject ?? "", /meldtermijn van 72 uur verstreken/);
    });

    it("sends nothing once the authority notification is recorded", async () => {
      const breach = await createBreach(deps(), {
        staffId,
        fields: facts(product.clock.now()),
      });
      await runFor(30);
      await updateBreach(deps(), {
        staffId,
        breachId: breach.id,
        fields: { ...facts(breach.discoveredAt), authorityNotifiedAt: product.clock.now() },
      });
      await runFor(60);
      assert.deepEqual(await mailsAbout(breach.reference), []);
    });

    it("sends nothing once the reasons not to notify are recorded", async () => {
      const breach = await createBreach(deps(), {
        staffId,
        fields: {
          ...facts(product.clock.now()),
          authorityReasoning: "Versleutelde schijf: geen risico.",
        },
      });
      await runFor(80);
      assert.deepEqual(await mailsAbout(breach.reference), []);
    });

    it("sends only the latest stage when the job did not run for days", async () => {
      const breach = await createBreach(deps(), {
        staffId,
        fields: facts(product.clock.now()),
      });
      product.clock.advance(100 * hour);
      await run();
      await run();
      assert.deepEqual(
        (await mailsAbout(breach.reference)).map((mail) => mail.purpose),
        ["breaches.reminder.overdue"],
      );
    });

    it("reminds once of a misuse report that waits a day for triage", async () => {
      const now = product.clock.now();
      const [report] = await product.database.db
        .insert(breaches)
        .values({
          reference: "B-TR1AG3",
          status: "triage",
          source: "report",
          title: "Melding via de beveiligingspagina",
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      assert.ok(report);
      await runFor(23.75);
      assert.deepEqual(await mailsAbout("B-TR1AG3"), []);
      await runFor(48);
      const mails = await mailsAbout("B-TR1AG3");
      assert.deepEqual(
        mails.map((mail) => mail.purpose),
        ["breaches.reminder.triage"],
      );
      assert.match(mails[0]?.subject ?? "", /wacht al een dag/);
    });
  });
}
