import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { loadConfig } from "../../core/config.ts";
import { createLogger } from "../../core/log.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createStaffAccount } from "../staff/index.ts";
import { processorReviewsJob } from "./processor-reviews.job.ts";

const config = loadConfig({ PUBLIC_URL: "https://privacy.wits.example" });

for (const kind of databaseKinds) {
  describe(`registers.processor_reviews job on ${kind}`, () => {
    let product: ProductTest;
    let policy: Policy;

    before(async () => {
      product = await openProductTest(kind);
      const loaded = await loadActivePolicy(undefined);
      // One processor with a review date; the others' dates lie far beyond this test's clock.
      policy = structuredClone(loaded.policy);
      for (const processor of policy.processors) processor.reviewDate = "2030-01-01";
      const mail = policy.processors.find((processor) => processor.name === "Voorbeeld Mail BV");
      assert.ok(mail);
      mail.reviewDate = "2026-06-15";
      for (const [email, role] of [
        ["anna.privacy@wits.be", "privacy"],
        ["bert.privacy@wits.be", "privacy"],
        ["carl.support@wits.be", "support"],
      ] as const) {
        await createStaffAccount(
          { db: product.database.db, clock: product.clock },
          { email, displayName: email, role },
        );
      }
    });
    after(() => product.database.close());

    const run = async (at: string) => {
      product.clock.set(at);
      return processorReviewsJob(() => ({ policy: () => policy, vault: product.vault })).run({
        db: product.database.db,
        clock: product.clock,
        config,
        log: createLogger({ level: "silent" }),
        signal: new AbortController().signal,
      });
    };
    /** The reminders, opened, by time and then by address (the address is sealed in the table). */
    const mails = async () =>
      (await mailsOf(product, "registers.processor_review")).sort(
        (a, b) =>
          a.createdAt.getTime() - b.createdAt.getTime() || a.toAddress.localeCompare(b.toAddress),
      );

    it("mails the privacy officers once 30 days ahead and once when due, never twice", async () => {
      assert.deepEqual(await run("2026-05-15T08:00:00Z"), { reminders: 0, mails: 0 }, "31 days");
      assert.deepEqual(await run("2026-05-16T08:00:00Z"), { reminders: 1, mails: 2 }, "30 days");
      assert.deepEqual(await run("2026-05-16T12:00:00Z"), { reminders: 0, mails: 0 }, "re-run");
      assert.deepEqual(await run("2026-06-01T08:00:00Z"), { reminders: 0, mails: 0 });
      assert.deepEqual(await run("2026-06-15T05:00:00Z"), { reminders: 1, mails: 2 }, "due");
      assert.deepEqual(await run("2026-06-20T08:00:00Z"), { reminders: 0, mails: 0 }, "after");

      const sent = await mails();
      assert.deepEqual(
        sent.map((mail) => mail.toAddress),
        [
          "anna.privacy@wits.be",
          "bert.privacy@wits.be",
          "anna.privacy@wits.be",
          "bert.privacy@wits.be",
        ],
        "the privacy officers, not support",
      );
      assert.equal(sent[0]?.subject, "Herziening verwerker Voorbeeld Mail BV binnen 30 dagen");
      assert.match(sent[0]?.textBody ?? "", /moet herzien worden op 2026-06-15/);
      assert.equal(sent[2]?.subject, "Herziening verwerker Voorbeeld Mail BV is nu nodig");
      for (const mail of sent) {
        assert.equal(mail.subjectId, null, "staff mail: sealed with the installation key");
        assert.equal(mail.vaultPurpose, null);
        assert.equal(mail.erased, false, "and it still opens");
        assert.ok(
          mail.textBody.includes(
            "https://privacy.wits.example/admin/processors/Voorbeeld%20Mail%20BV",
          ),
          mail.textBody,
        );
      }
    });

    it("starts afresh when the review date moves after a review", async () => {
      const mail = policy.processors.find((processor) => processor.name === "Voorbeeld Mail BV");
      assert.ok(mail);
      mail.reviewDate = "2027-06-15";
      assert.deepEqual(await run("2026-06-21T08:00:00Z"), { reminders: 0, mails: 0 });
      assert.deepEqual(await run("2027-05-20T08:00:00Z"), { reminders: 1, mails: 2 });
      assert.equal((await mails()).length, 6);
    });
  });
}
