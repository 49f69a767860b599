import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openProductTest } from "../../../test/helpers/product-test.ts";
import type { FakeClock } from "../../core/clock.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import { type DataMap, eraseSubject, sweepRetention } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import {
  addContactPerson,
  createCustomer,
  endAgreement,
  findCustomer,
  hasRunningAgreement,
  startAgreement,
} from "./customers.service.ts";

const staff = { type: "staff", id: "00000000-0000-4000-8000-0000000000cc" } as const;
const day = 24 * 60 * 60 * 1000;

for (const kind of databaseKinds) {
  describe(`customers and agreements on ${kind} (statement: "In een klantendossier")`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;

    before(async () => {
      ({ database, vault, clock, dataMap } = await openProductTest(kind));
    });
    after(() => database.close());

    const deps = () => ({ db: database.db, vault, dataMap, clock });
    const person = async (email: string) =>
      (await vault.ensureSubject(database.db, { email })).subjectId;
    const contactRow = (customerId: string) =>
      queryRows<{ retain_until: string | Date | null; code: string }>(
        database.db,
        sql`select retain_until, retention_reason->>'code' as code
            from customer_contacts where customer_id = ${customerId}`,
      ).then((rows) => rows[0]);
    const newCustomer = async (email: string, service = "Beheerd netwerk") => {
      const subjectId = await person(email);
      const customer = await createCustomer(deps(), {
        kind: "company",
        companyName: "Drukkerij Peeters BV",
        contact: { subjectId, name: "An Peeters", role: "zaakvoerder" },
        actor: staff,
      });
      const agreementId = await startAgreement(deps(), {
        customerId: customer.id,
        service,
        startsOn: "2026-01-01",
        actor: staff,
      });
      return { subjectId, customer, agreementId };
    };

    it('keeps a contact "as long as you are a customer of WITS and up to 1 year after that"', async () => {
      clock.set("2026-01-01T09:00:00Z");
      const { subjectId, customer, agreementId } = await newCustomer("an@drukkerij.be");
      const second = await startAgreement(deps(), {
        customerId: customer.id,
        service: "Back-up",
        startsOn: "2026-02-01",
        actor: staff,
      });
      assert.equal(await hasRunningAgreement(database.db, subjectId), true);
      assert.equal((await contactRow(customer.id))?.retain_until, null);

      clock.set("2027-01-01T09:00:00Z");
      assert.deepEqual(await endAgreement(deps(), { agreementId, actor: staff }), {
        ended: true,
        customerEnded: false,
      });
      assert.equal((await contactRow(customer.id))?.retain_until, null, "one still runs");

      clock.set("2028-06-01T09:00:00Z");
      assert.deepEqual(await endAgreement(deps(), { agreementId: second, actor: staff }), {
        ended: true,
        customerEnded: true,
      });
      const ended = await contactRow(customer.id);
      assert.equal(new Date(ended?.retain_until ?? 0).toISOString(), "2029-06-01T09:00:00.000Z");
      assert.equal(await hasRunningAgreement(database.db, subjectId), false);
      const summary = await findCustomer(database.db, { number: customer.number.toLowerCase() });
      assert.equal(summary?.running, false);
      assert.equal(summary?.agreements.length, 2);

      clock.set("2029-05-31T09:00:00Z");
      await sweepRetention(deps());
      assert.ok(await contactRow(customer.id), "not yet a year");
      clock.set("2029-06-02T09:00:00Z");
      await sweepRetention(deps());
      assert.equal(await contactRow(customer.id), undefined, "a year after the customer ended");
    });

    it("keeps a returning customer again: a new agreement within the year stops the clock", async () => {
      clock.set("2026-01-01T09:00:00Z");
      const { customer, agreementId } = await newCustomer("terug@drukkerij.be");
      clock.set("2026-06-01T09:00:00Z");
      await endAgreement(deps(), { agreementId, actor: staff });
      assert.ok((await contactRow(customer.id))?.retain_until);
      clock.set("2026-09-01T09:00:00Z");
      await startAgreement(deps(), {
        customerId: customer.id,
        service: "Beheerd netwerk",
        startsOn: "2026-09-01",
        actor: staff,
      });
      const back = await contactRow(customer.id);
      assert.equal(back?.retain_until, null);
      assert.equal(back?.code, "while_condition");
      clock.advance(800 * day);
      await sweepRetention(deps());
      assert.ok(await contactRow(customer.id), "kept while the new agreement runs");
    });

    it("answers an early erasure with the running agreement, and erases once none runs", async () => {
      clock.set("2026-01-01T09:00:00Z");
      const { subjectId, customer, agreementId } = await newCustomer("vroeg@drukkerij.be");
      const refused = await eraseSubject(deps(), { subjectId, actor: staff });
      const dossier = refused.find((result) => result.recordType.id === "customer.contact");
      assert.deepEqual(dossier?.keptBecause, { kind: "running_agreement" });
      assert.ok(await contactRow(customer.id));
      await endAgreement(deps(), { agreementId, actor: staff });
      await eraseSubject(deps(), { subjectId, actor: staff });
      assert.equal(await contactRow(customer.id), undefined, "erased before the year is over");
    });

    it("adds a person to a customer once, and ends an agreement once", async () => {
      const { subjectId, customer, agreementId } = await newCustomer("eenmaal@drukkerij.be");
      const again = await addContactPerson(deps(), {
        customerId: customer.id,
        subjectId,
        name: "An Peeters",
      });
      assert.equal(again, false);
      await endAgreement(deps(), { agreementId, actor: staff });
      assert.deepEqual(await endAgreement(deps(), { agreementId, actor: staff }), {
        ended: false,
        customerEnded: false,
      });
      const stored = await queryRows<{ dump: string }>(
        database.db,
        sql`select row_to_json(c)::text as dump from customer_contacts c where customer_id = ${customer.id}`,
      );
      assert.doesNotMatch(stored[0]?.dump ?? "", /Peeters/, "the name is encrypted");
    });
  });
}
