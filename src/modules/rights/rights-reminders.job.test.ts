import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { loadConfig } from "../../core/config.ts";
import { queryRows } from "../../core/db/database.ts";
import { nextRunOf } from "../../core/jobs/index.ts";
import { createLogger } from "../../core/log.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createStaffAccount, type StaffRole } from "../staff/index.ts";
import { extendRequest } from "./request-extension.ts";
import { createRequest } from "./request-intake.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { rightsRemindersJob } from "./rights-reminders.job.ts";
import { rightsTestDeps } from "./test-rights.ts";

const day = 24 * 60 * 60 * 1000;

for (const kind of databaseKinds) {
  describe(`rights.reminders job on ${kind}`, () => {
    let product: ProductTest;
    let policy: Policy;
    let deps: RightsDeps;
    const officers: string[] = [];
    let staffId = "";

    before(async () => {
      product = await openProductTest(kind);
      ({ policy } = await loadActivePolicy(undefined));
      deps = rightsTestDeps(
        product,
        policy,
        loadConfig({ PUBLIC_URL: "https://privacy.wits.example" }),
      );
    });
    after(() => product.database.close());

    const account = async (role: StaffRole, email: string) => {
      const { staffId: id } = await createStaffAccount(
        { db: deps.db, clock: deps.clock },
        { email, displayName: email, role },
      );
      return id;
    };
    const run = () =>
      rightsRemindersJob(() => ({ vault: deps.vault })).run({
        db: deps.db,
        clock: deps.clock,
        config: deps.config,
        log: createLogger({ level: "silent" }),
        signal: new AbortController().signal,
      });
    const enter = (email: string) =>
      deps.db.transaction((tx) =>
        createRequest(
          { ...deps, db: tx },
          {
            channel: "email",
            locale: "nl",
            rights: [{ kind: "erasure" }],
            email,
            enteredBy: staffId,
          },
        ),
      );
    /** The reminders, opened, by time and then by address (the address is sealed in the table). */
    const reminders = async () =>
      (await mailsOf(deps, "rights.reminder")).sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() || a.toAddress.localeCompare(b.toAddress),
      );
    const sentFor = async (requestId: string) =>
      (
        await queryRows<{ reminders_sent: string[] }>(
          deps.db,
          sql`select reminders_sent from rights_requests where id = ${requestId}`,
        )
      )[0]?.reminders_sent;

    it("runs daily, early in the morning", () => {
      const next = nextRunOf(
        rightsRemindersJob(() => ({ vault: deps.vault })),
        "Europe/Brussels",
        new Date("2026-01-01T12:00Z"),
      );
      assert.equal(next?.toISOString(), "2026-01-02T06:20:00.000Z");
    });

    it("marks nothing while no privacy officer can be told", async () => {
      staffId = await account("admin", "beheer@wits.be");
      product.clock.set("2026-01-01T09:00:00Z");
      const made = await enter("niemand.verwittigd@voorbeeld.be");
      product.clock.set("2026-01-29T09:00:00Z");
      assert.deepEqual(await run(), { requests: 0, mails: 0 });
      assert.deepEqual(await sentFor(made.requestId), []);
      await deps.db.execute(
        sql`update rights_requests set status = 'answered' where id = ${made.requestId}`,
      );
    });

    it("mails each privacy officer once when a request is due in 5 days, and again once overdue", async () => {
      officers.push(await account("privacy", "privacy1@wits.be"));
      officers.push(await account("privacy", "privacy2@wits.be"));
      const gone = await account("privacy", "vertrokken@wits.be");
      await deps.db.execute(
        sql`update staff_users set disabled_at = ${deps.clock.now()} where id = ${gone}`,
      );
      await account("support", "support@wits.be");

      product.clock.set("2026-04-01T09:00:00Z");
      const soon = await enter("an.peeters@voorbeeld.be");
      product.clock.set("2026-04-11T09:00:00Z");
      const later = await enter("luc.dubois@voorbeeld.be");
      const answered = await enter("al.beantwoord@voorbeeld.be");
      await deps.db.execute(
        sql`update rights_requests set status = 'answered' where id = ${answered.requestId}`,
      );

      // 26 April: the first is due on 1 May (5 days), the second on 11 May.
      product.clock.set("2026-04-26T09:00:00Z");
      assert.deepEqual(await run(), { requests: 1, mails: 2 });
      const first = await reminders();
      assert.deepEqual(
        first.map((mail) => mail.toAddress),
        ["privacy1@wits.be", "privacy2@wits.be"],
      );
      for (const sealed of first) {
        assert.equal(sealed.subjectId, null, "staff mail: sealed with the installation key");
        assert.equal(sealed.vaultPurpose, null);
        assert.equal(sealed.erased, false, "and it still opens");
      }
      const mail = first[0];
      assert.equal(mail?.subject, "Verzoeken over persoonsgegevens: 0 te laat, 1 binnen 7 dagen");
      assert.ok(mail?.textBody.includes(soon.reference));
      assert.ok(mail?.textBody.includes("2026-05-01"));
      assert.ok(mail?.textBody.includes("Binnen 7 dagen"));
      assert.ok(
        mail?.textBody.includes(`https://privacy.wits.example/admin/rights/${soon.requestId}`),
      );
      assert.ok(!mail?.textBody.includes(later.reference), "not due yet");
      assert.ok(!mail?.textBody.includes(answered.reference), "answered");
      assert.doesNotMatch(mail?.textBody ?? "", /voorbeeld\.be/, "no personal data");
      assert.deepEqual(await sentFor(soon.requestId), ["due_soon"]);

      assert.deepEqual(await run(), { requests: 0, mails: 0 }, "running twice sends once");
      product.clock.advance(day);
      assert.deepEqual(await run(), { requests: 0, mails: 0 }, "nor the next day");
      assert.equal((await reminders()).length, 2);

      product.clock.set("2026-05-01T09:00:01Z");
      assert.deepEqual(await run(), { requests: 1, mails: 2 });
      const overdue = (await reminders()).slice(2);
      assert.equal(overdue.length, 2);
      assert.equal(
        overdue[0]?.subject,
        "Verzoeken over persoonsgegevens: 1 te laat, 0 binnen 7 dagen",
      );
      assert.ok(overdue[0]?.textBody.includes(soon.reference));
      assert.ok(overdue[0]?.textBody.includes("Te laat"));
      assert.deepEqual(await sentFor(soon.requestId), ["due_soon", "overdue"]);
      assert.deepEqual(await run(), { requests: 0, mails: 0 });
    });

    it("reminds again before an extended deadline", async () => {
      product.clock.set("2026-06-01T09:00:00Z");
      const made = await enter("uitstel@voorbeeld.be");
      product.clock.set("2026-06-26T09:00:00Z");
      const before = await run();
      assert.ok(before?.requests && before.requests >= 1);
      assert.deepEqual(await sentFor(made.requestId), ["due_soon"]);
      const extended = await extendRequest(deps, {
        requestId: made.requestId,
        staffId: officers[0] ?? "",
        months: 1,
        reason: "Veel gegevens.",
      });
      assert.ok("until" in extended);
      assert.deepEqual(await sentFor(made.requestId), [], "the thresholds start over");
      assert.deepEqual(await run(), { requests: 0, mails: 0 });
      product.clock.set("2026-07-27T09:00:00Z");
      const again = await run();
      assert.equal(again?.requests, 1);
      assert.deepEqual(await sentFor(made.requestId), ["due_soon"]);
    });
  });
}
