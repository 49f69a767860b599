import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { openProductTest } from "../../../test/helpers/product-test.ts";
import type { FakeClock } from "../../core/clock.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import {
  type DataMap,
  eraseSubject,
  findSubjectRecords,
  sweepRetention,
} from "../../datamap/index.ts";
import type { Vault } from "../../vault/index.ts";
import { passThroughSensitiveData } from "../scanner/index.ts";
import { type ContactRequestInput, markHandled, receiveContactRequest } from "./contact.service.ts";
import {
  convertRequestToCustomer,
  customerOfRequest,
  endLinkedAgreement,
  linkRequestToCustomer,
} from "./contact-customer.ts";

const staffId = "00000000-0000-4000-8000-0000000000cc";
const year = 365 * 24 * 60 * 60 * 1000;

for (const kind of databaseKinds) {
  describe(`contact intake on ${kind} (statement: "Via contactformulier(en)")`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;

    before(async () => {
      ({ database, vault, clock, dataMap } = await openProductTest(kind));
    });
    after(() => database.close());

    const deps = () => ({
      db: database.db,
      vault,
      dataMap,
      clock,
      config: { MAIL_FROM: "privacy@wits.be", PUBLIC_URL: "https://privacy.example.be" },
      sensitiveData: passThroughSensitiveData,
    });
    const request = (overrides: Partial<ContactRequestInput> = {}): ContactRequestInput => ({
      name: "Jan Peeters",
      email: "jan.peeters@example.be",
      phone: "+32470123456",
      topic: "Offerte",
      message: "Kunnen jullie langskomen?",
      locale: "nl",
      ip: "198.51.100.23",
      channel: "form",
      attachments: [],
      ...overrides,
    });
    const stored = (id: string) =>
      queryRows<{ retain_until: string | Date | null; message_ciphertext: string }>(
        database.db,
        sql`select retain_until, message_ciphertext from contact_requests where id = ${id}`,
      ).then((rows) => rows[0]);

    it("keeps name, phone, e-mail, IP address, message and attachments, all encrypted, and confirms by mail with the reference", async () => {
      const received = await receiveContactRequest(
        deps(),
        request({
          attachments: [
            { fileName: "foto.png", mediaType: "image/png", content: Buffer.from("PNG bytes") },
          ],
        }),
      );
      assert.match(received.reference, /^C-[2-9A-Z]{6}$/);
      const row = await stored(received.id);
      assert.match(row?.message_ciphertext ?? "", /^v2\./);
      const raw = await queryRows<{ dump: string }>(
        database.db,
        sql`select row_to_json(c)::text as dump from contact_requests c where id = ${received.id}`,
      );
      assert.doesNotMatch(raw[0]?.dump ?? "", /Peeters|198\.51|langskomen|470123456/);
      const held = await findSubjectRecords(deps(), { email: "JAN.PEETERS@example.be" });
      const byType = new Map(held?.byType.map((entry) => [entry.recordType.id, entry.records]));
      assert.equal(byType.get("contact.request")?.[0]?.values.ip_ciphertext, "198.51.100.23");
      assert.equal(byType.get("contact.attachment")?.[0]?.values.file_name_ciphertext, "foto.png");
      const mails = await mailsOf({ db: database.db, vault }, "contact.confirmation");
      assert.equal(mails.length, 1);
      assert.match(mails[0]?.subject ?? "", new RegExp(received.reference));
      assert.equal(mails[0]?.toAddress, "jan.peeters@example.be");
    });

    it("links a visitor's repeated requests to the same person", async () => {
      const first = await receiveContactRequest(
        deps(),
        request({ email: "els@example.be", phone: undefined }),
      );
      const second = await receiveContactRequest(
        deps(),
        request({ email: "ELS@example.be", phone: undefined }),
      );
      assert.equal(first.subjectId, second.subjectId);
      assert.notEqual(first.reference, second.reference);
    });

    it("keeps an open request however long, and a handled one 1 year after it was handled, then sweeps it", async () => {
      clock.set("2026-02-01T10:00:00Z");
      const open = await receiveContactRequest(
        deps(),
        request({ email: "open@example.be", phone: undefined }),
      );
      const handled = await receiveContactRequest(
        deps(),
        request({
          email: "handled@example.be",
          phone: undefined,
          attachments: [{ fileName: "a.txt", mediaType: "text/plain", content: Buffer.from("x") }],
        }),
      );
      clock.set("2026-03-01T10:00:00Z");
      assert.equal(await markHandled(deps(), { requestId: handled.id, staffId }), true);
      assert.equal(
        new Date((await stored(handled.id))?.retain_until ?? 0).toISOString(),
        "2027-03-01T10:00:00.000Z",
      );
      clock.advance(5 * year);
      await sweepRetention(deps());
      assert.equal(await stored(handled.id), undefined, "handled + 1 year: gone");
      const attachments = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from contact_attachments where request_id = ${handled.id}`,
      );
      assert.equal(attachments[0]?.n, 0, "its attachments went with it");
      assert.ok(await stored(open.id), "an open request is never swept");
    });

    it("keeps a request that became an agreement while the agreement runs, then 1 year after it ends", async () => {
      clock.set("2026-02-01T10:00:00Z");
      const received = await receiveContactRequest(
        deps(),
        request({ email: "klant@example.be", phone: undefined }),
      );
      clock.set("2026-03-01T10:00:00Z");
      await markHandled(deps(), { requestId: received.id, staffId });
      clock.set("2026-04-01T10:00:00Z");
      const converted = await convertRequestToCustomer(deps(), {
        requestId: received.id,
        staffId,
        kind: "person",
        service: "Onderhoudscontract",
        startsOn: "2026-04-01",
      });
      assert.ok(typeof converted !== "string");
      assert.equal((await stored(received.id))?.retain_until, null, "kept while it runs");
      clock.set("2028-04-01T10:00:00Z");
      await sweepRetention(deps());
      assert.ok(await stored(received.id), "past handled + 1 year, but the agreement runs");

      const customer = await customerOfRequest(deps(), converted.customerId);
      const agreementId = customer?.agreements[0]?.id ?? "";
      assert.equal(
        await endLinkedAgreement(deps(), { requestId: received.id, agreementId, staffId }),
        true,
      );
      assert.equal(
        new Date((await stored(received.id))?.retain_until ?? 0).toISOString(),
        "2029-04-01T10:00:00.000Z",
      );
      clock.set("2029-03-31T10:00:00Z");
      await sweepRetention(deps());
      assert.ok(await stored(received.id), "within the year after the agreement");
      clock.set("2029-04-02T10:00:00Z");
      await sweepRetention(deps());
      assert.equal(await stored(received.id), undefined, "agreement ended + 1 year: gone");
    });

    it("links a request to an existing customer by number, once, and keeps an open one open", async () => {
      clock.set("2026-02-01T10:00:00Z");
      const first = await receiveContactRequest(
        deps(),
        request({ email: "bedrijf@example.be", phone: undefined }),
      );
      const made = await convertRequestToCustomer(deps(), {
        requestId: first.id,
        staffId,
        kind: "company",
        companyName: "Bakkerij Peeters BV",
        service: "Beheerd netwerk",
        startsOn: "2026-02-01",
      });
      assert.ok(typeof made !== "string");
      const colleague = await receiveContactRequest(
        deps(),
        request({ email: "collega@example.be", phone: undefined }),
      );
      assert.equal(
        await linkRequestToCustomer(deps(), {
          requestId: colleague.id,
          staffId,
          customerNumber: "K-NOPE00",
        }),
        "unknown_customer",
      );
      assert.deepEqual(
        await linkRequestToCustomer(deps(), {
          requestId: colleague.id,
          staffId,
          customerNumber: made.number.toLowerCase(),
        }),
        { customerId: made.customerId },
      );
      assert.equal(
        await linkRequestToCustomer(deps(), {
          requestId: colleague.id,
          staffId,
          customerNumber: made.number,
        }),
        "already_linked",
      );
      const customer = await customerOfRequest(deps(), made.customerId);
      await endLinkedAgreement(deps(), {
        requestId: colleague.id,
        agreementId: customer?.agreements[0]?.id ?? "",
        staffId,
      });
      clock.advance(5 * year);
      await sweepRetention(deps());
      assert.ok(await stored(colleague.id), "still open: an open request is never swept");
      assert.ok(await stored(first.id), "the request the customer came from is still open too");
    });

    it("goes with an erasure of the person", async () => {
      const received = await receiveContactRequest(
        deps(),
        request({ email: "weg@example.be", phone: undefined }),
      );
      await eraseSubject(deps(), {
        subjectId: received.subjectId,
        actor: { type: "staff", id: staffId },
      });
      assert.equal(await stored(received.id), undefined);
    });
  });
}
