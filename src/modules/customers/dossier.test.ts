import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openProductTest } from "../../../test/helpers/product-test.ts";
import type { FakeClock } from "../../core/clock.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import { type DataMap, sweepRetention } from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import { passThroughSensitiveData, type SensitiveDataHook } from "../scanner/index.ts";
import { createCustomer, endAgreement, startAgreement } from "./customers.service.ts";
import {
  addDossierItem,
  addTicketNote,
  eraseDossierEarly,
  listDossier,
  listTickets,
  NotACustomerContactError,
  openTicket,
} from "./dossier.service.ts";

const staff = { type: "staff", id: "00000000-0000-4000-8000-0000000000cc" } as const;

for (const kind of databaseKinds) {
  describe(`customer dossier on ${kind} (statement: "In een klantendossier")`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    const scanned: string[] = [];
    const hook: SensitiveDataHook = async (text, locale) => {
      scanned.push(text);
      return passThroughSensitiveData(text, locale);
    };

    before(async () => {
      ({ database, vault, clock, dataMap } = await openProductTest(kind));
    });
    after(() => database.close());

    const deps = () => ({ db: database.db, vault, dataMap, clock, sensitiveData: hook });
    const customer = async (email: string) => {
      const { subjectId } = await vault.ensureSubject(database.db, { email });
      const made = await createCustomer(deps(), {
        kind: "company",
        companyName: "Garage Maes BV",
        contact: { subjectId, name: "Pieter Maes" },
        actor: staff,
      });
      const agreementId = await startAgreement(deps(), {
        customerId: made.id,
        service: "Beheerd netwerk",
        startsOn: "2026-01-01",
        actor: staff,
      });
      return { customerId: made.id, subjectId, agreementId };
    };
    const count = (table: string, customerId: string) =>
      queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where customer_id = ${customerId}`,
      ).then((rows) => rows[0]?.n ?? 0);

    it("keeps each kind of the statement's list encrypted, for one of the customer's people only", async () => {
      const { customerId, subjectId } = await customer("dossier@garage.be");
      for (const [itemKind, value] of [
        ["device", "Dell OptiPlex 7010, serienummer 4XK2"],
        ["ip_address", "203.0.113.77"],
        ["social_media", "https://www.linkedin.com/in/pieter-maes"],
      ] as const) {
        await addDossierItem(deps(), {
          customerId,
          subjectId,
          kind: itemKind,
          value,
          source: "klant, per telefoon",
          recordedOn: "2026-02-01",
          staffId: staff.id,
        });
      }
      const items = await listDossier(deps(), customerId);
      assert.deepEqual(items.map((item) => item.kind).sort(), [
        "device",
        "ip_address",
        "social_media",
      ]);
      assert.ok(items.some((item) => item.value === "203.0.113.77"));
      const raw = await queryRows<{ dump: string }>(
        database.db,
        sql`select row_to_json(d)::text as dump from dossier_items d where customer_id = ${customerId}`,
      );
      assert.doesNotMatch(raw.map((row) => row.dump).join(""), /203\.0\.113|linkedin|OptiPlex/);
      const { subjectId: stranger } = await vault.ensureSubject(database.db, {
        email: "vreemde@example.be",
      });
      await assert.rejects(
        addDossierItem(deps(), {
          customerId,
          subjectId: stranger,
          kind: "email",
          value: "vreemde@example.be",
          source: "?",
          recordedOn: "2026-02-01",
          staffId: staff.id,
        }),
        NotACustomerContactError,
      );
    });

    it("passes ticket titles and notes through the sensitive-data hook before storing them", async () => {
      const { customerId, subjectId } = await customer("tickets@garage.be");
      scanned.length = 0;
      const ticket = await openTicket(deps(), {
        customerId,
        subjectId,
        title: "Mailbox loopt vol",
        staffId: staff.id,
        locale: "nl",
      });
      await addTicketNote(deps(), {
        ticketId: ticket.id,
        body: "Archief ingesteld op 2 jaar.",
        staffId: staff.id,
        locale: "nl",
      });
      assert.deepEqual(scanned, ["Mailbox loopt vol", "Archief ingesteld op 2 jaar."]);
      const [listed] = await listTickets(deps(), customerId);
      assert.equal(listed?.title, "Mailbox loopt vol");
      assert.equal(listed?.notes[0]?.body, "Archief ingesteld op 2 jaar.");
    });

    it("refuses an early erasure while an agreement runs, erases when none runs, and otherwise sweeps 1 year after the last one ends", async () => {
      clock.set("2026-01-10T09:00:00Z");
      const running = await customer("lopend@garage.be");
      await addDossierItem(deps(), {
        customerId: running.customerId,
        subjectId: running.subjectId,
        kind: "software",
        value: "Office 2021",
        source: "installatie",
        recordedOn: "2026-01-10",
        staffId: staff.id,
      });
      const refused = await eraseDossierEarly(deps(), {
        customerId: running.customerId,
        actor: staff,
      });
      assert.ok(refused.some((result) => result.keptBecause?.kind === "running_agreement"));
      assert.equal(await count("dossier_items", running.customerId), 1);

      clock.set("2027-03-01T09:00:00Z");
      await endAgreement(deps(), { agreementId: running.agreementId, actor: staff });
      clock.set("2028-02-28T09:00:00Z");
      await sweepRetention(deps());
      assert.equal(await count("dossier_items", running.customerId), 1, "within the year");
      clock.set("2028-03-02T09:00:00Z");
      await sweepRetention(deps());
      assert.equal(
        await count("dossier_items", running.customerId),
        0,
        "a year after the last agreement",
      );

      const ended = await customer("gestopt@garage.be");
      await addDossierItem(deps(), {
        customerId: ended.customerId,
        subjectId: ended.subjectId,
        kind: "username",
        value: "pmaes",
        source: "klant",
        recordedOn: "2028-03-02",
        staffId: staff.id,
      });
      await endAgreement(deps(), { agreementId: ended.agreementId, actor: staff });
      await eraseDossierEarly(deps(), { customerId: ended.customerId, actor: staff });
      assert.equal(
        await count("dossier_items", ended.customerId),
        0,
        "erased before the year is over",
      );
    });
  });
}
