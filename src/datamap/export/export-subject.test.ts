import assert from "node:assert/strict";
import { createHash, randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { createTestDatabase, databaseKinds } from "../../../test/helpers/database.ts";
import {
  createTestNotesTable,
  insertTestNote,
  testDataMap,
} from "../../../test/helpers/test-record-type.ts";
import { listAudit } from "../../audit/index.ts";
import type { FakeClock } from "../../core/clock.ts";
import { loadConfig } from "../../core/config.ts";
import { type Database, queryRows } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { linkConsentToSubject, recordConsentChoice } from "../../modules/consent/index.ts";
import { addContactNote, receiveContactRequest } from "../../modules/contact/index.ts";
import {
  addDossierItem,
  addTicketNote,
  createCustomer,
  openTicket,
} from "../../modules/customers/index.ts";
import { grantTopics, requestSubscription } from "../../modules/newsletter/index.ts";
import { completeOrder, createOrder, orderSchema } from "../../modules/orders/index.ts";
// By file until the rights module's index exports its services.
import {
  answerDeadline,
  confirmRequest,
  createRequest,
  type RightsDeps,
  storeIdCopy,
} from "../../modules/rights/index.ts";
import { passThroughSensitiveData } from "../../modules/scanner/index.ts";
import {
  endSession,
  handOverByPhone,
  memoryPasswordStore,
  startSession,
} from "../../modules/support/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { allRecordTypes } from "../../record-types.ts";
import type { Vault } from "../../vault/index.ts";
import { openTestVault, uniquePerson } from "../../vault/test-vault.ts";
import type { DataMap } from "../data-map.ts";
import { placeLegalHold } from "../legal-holds.ts";
import type { RecordType } from "../record-type.ts";
import { downloadExportFile } from "./download-export.ts";
import { buildExportContents, type ExportDeps, exportSubject } from "./export-subject.ts";
import type { ExportManifest } from "./export-zip.ts";
import {
  createTestAttachmentsTable,
  insertTestAttachment,
  pdfPageCount,
  pdfText,
  testAttachmentType,
} from "./test-export.ts";

/** What a factory stored, by column, as the package must give it back (JSON values). */
interface StoredRecord {
  recordType: string;
  id: string;
  values: Record<string, unknown>;
}

interface Person {
  subjectId: string;
  email: string;
}

type Factory = (person: Person) => Promise<StoredRecord[]>;

const system = { type: "system" } as const;

for (const kind of databaseKinds) {
  describe(`export package on ${kind}`, () => {
    let database: Database;
    let vault: Vault;
    let clock: FakeClock;
    let dataMap: DataMap;
    let policy: Policy;

    before(async () => {
      database = await createTestDatabase(kind);
      await createTestNotesTable(database.db);
      await createTestAttachmentsTable(database.db);
      ({ vault, clock } = await openTestVault(database.db));
      ({ policy } = await loadActivePolicy(undefined));
      dataMap = testDataMap(() => policy, undefined, [...allRecordTypes, testAttachmentType]);
    });
    after(() => database.close());

    const deps = (): ExportDeps => ({
      db: database.db,
      dataMap,
      vault,
      clock,
      publicUrl: "https://privacy.example.be",
    });

    const newsletterDeps = () => ({
      db: database.db,
      vault,
      dataMap,
      clock,
      config: { MAIL_FROM: "nieuws@wits.be", PUBLIC_URL: "https://privacy.example.be" },
      policy: () => policy,
      policyVersion: () => "v-export",
    });

    const newPerson = async (): Promise<Person> => {
      const { email } = uniquePerson();
      const { subjectId } = await vault.ensureSubject(database.db, { email });
      return { subjectId, email };
    };

    const note = async (person: Person, requestId: string, text: string, topic = "printer") => {
      const { id } = await insertTestNote(
        database.db,
        { vault, dataMap, now: clock.now() },
        { email: person.email, requestId, topic, text },
      );
      return {
        recordType: "test.note",
        id,
        values: {
          request_id: requestId,
          topic,
          note_ciphertext: text,
          created_at: clock.now().toISOString(),
        },
      };
    };

    /**
     * How the test makes a record of each type. Every record type of the product needs one: a
     * module that adds a record type adds its factory here, or the first test fails.
     */
    const factories: Record<string, Factory> = {
      "rights.export_package": async ({ subjectId }) => {
        const made = await exportSubject(deps(), {
          subjectId,
          locale: "fr",
          kind: "access",
          actor: system,
        });
        return [
          {
            recordType: "rights.export_package",
            id: made.packageId,
            values: {
              created_at: clock.now().toISOString(),
              expires_at: made.expiresAt.toISOString(),
              locale: "fr",
              downloaded_at: null,
            },
          },
        ];
      },
      "contact.request": async (person) => {
        const content = Buffer.from("%PDF-1.4 offerte", "latin1");
        const received = await receiveContactRequest(
          {
            db: database.db,
            vault,
            dataMap,
            clock,
            config: { MAIL_FROM: "privacy@wits.be", PUBLIC_URL: "https://privacy.example.be" },
            sensitiveData: passThroughSensitiveData,
          },
          {
            name: "Zoë Janssens",
            email: person.email,
            phone: "+32470123456",
            topic: "Offerte",
            message: "Kunnen jullie ons netwerk nakijken?",
            locale: "nl",
            ip: "203.0.113.7",
            channel: "form",
            attachments: [{ fileName: "plan.pdf", mediaType: "application/pdf", content }],
          },
        );
        const [attachment] = await queryRows<{ id: string }>(
          database.db,
          sql`select id::text from contact_attachments where request_id = ${received.id}`,
        );
        const noteId = await addContactNote(
          {
            db: database.db,
            vault,
            dataMap,
            clock,
            config: { MAIL_FROM: "privacy@wits.be", PUBLIC_URL: "https://privacy.example.be" },
            sensitiveData: passThroughSensitiveData,
          },
          {
            requestId: received.id,
            staffId: "00000000-0000-4000-8000-0000000000dd",
            text: "Teruggebeld, offerte volgt.",
          },
        );
        return [
          {
            recordType: "contact.request",
            id: received.id,
            values: {
              reference: received.reference,
              status: "new",
              name_ciphertext: "Zoë Janssens",
              email_ciphertext: person.email,
              phone_ciphertext: "+32470123456",
              ip_ciphertext: "203.0.113.7",
              topic_ciphertext: "Offerte",
              message_ciphertext: "Kunnen jullie ons netwerk nakijken?",
              created_at: clock.now().toISOString(),
              handled_at: null,
            },
          },
          {
            recordType: "contact.note",
            id: noteId ?? "",
            values: {
              kind: "note",
              body_ciphertext: "Teruggebeld, offerte volgt.",
              created_at: clock.now().toISOString(),
            },
          },
          {
            recordType: "contact.attachment",
            id: attachment?.id ?? "",
            values: {
              file_name_ciphertext: "plan.pdf",
              media_type: "application/pdf",
              size_bytes: content.length,
              content_ciphertext: {
                file: `files/contact.attachment/${attachment?.id}/content_ciphertext`,
                sha256: createHash("sha256").update(content).digest("hex"),
                bytes: content.length,
              },
              created_at: clock.now().toISOString(),
            },
          },
        ];
      },
      "consent.choice": async ({ subjectId }) => {
        const consentId = randomUUID();
        const recorded = await recordConsentChoice(
          { db: database.db, clock, policy: () => policy },
          {
            consentId,
            action: "reject_all",
            choices: { analytics: false },
            inventoryVersion: "0123456789ab",
            page: "https://www.wits.be/diensten?ref=mail",
            ip: "203.0.113.77",
            userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
          },
        );
        assert.ok(recorded.ok);
        const linked = await linkConsentToSubject(
          { db: database.db, clock },
          { consentId, subjectId, staffId: "00000000-0000-4000-8000-0000000000dd" },
        );
        assert.equal(linked.status, "linked");
        return [
          {
            recordType: "consent.choice",
            id: recorded.id,
            values: {
              consent_id: consentId,
              action: "reject_all",
              choices: { necessary: true, analytics: false },
              inventory_version: "0123456789ab",
              decided_at: clock.now().toISOString(),
              page: "/diensten",
              ip_prefix: "203.0.113.0",
              browser_family: "Firefox",
            },
          },
        ];
      },
      "customer.contact": async ({ subjectId }) => {
        const customer = await createCustomer(
          { db: database.db, vault, dataMap, clock },
          {
            kind: "company",
            companyName: "Bakkerij Janssens BV",
            contact: { subjectId, name: "Zoë Janssens", role: "zaakvoerder" },
            actor: system,
          },
        );
        const [contact] = await queryRows<{ id: string }>(
          database.db,
          sql`select id::text from customer_contacts where customer_id = ${customer.id}`,
        );
        return [
          {
            recordType: "customer.contact",
            id: contact?.id ?? "",
            values: {
              name_ciphertext: "Zoë Janssens",
              role: "zaakvoerder",
              created_at: clock.now().toISOString(),
            },
          },
        ];
      },
      "newsletter.signup": async (person) => {
        await requestSubscription(newsletterDeps(), {
          name: "Zoë",
          email: person.email,
          topics: ["tips"],
          locale: "nl",
          ip: "203.0.113.8",
          source: "api",
        });
        const [signup] = await queryRows<{ id: string }>(
          database.db,
          sql`select id::text from newsletter_signups where subject_id = ${person.subjectId}`,
        );
        return [
          {
            recordType: "newsletter.signup",
            id: signup?.id ?? "",
            values: {
              name_ciphertext: "Zoë",
              email_ciphertext: person.email,
              ip_ciphertext: "203.0.113.8",
              topics: ["tips"],
              created_at: clock.now().toISOString(),
            },
          },
        ];
      },
      "newsletter.subscriber": async ({ subjectId, email }) => {
        const subscriberId = await grantTopics(newsletterDeps(), {
          subjectId,
          name: "Zoë J.",
          email,
          locale: "fr",
          ip: "203.0.113.9",
          grants: [
            {
              topic: "news",
              wording: "Actualités de WITS: Nouveaux services et produits de WITS.",
              source: "form",
              policyVersion: "v-export",
            },
          ],
        });
        const [consent] = await queryRows<{ id: string }>(
          database.db,
          sql`select id::text from newsletter_consents where subscriber_id = ${subscriberId}`,
        );
        return [
          {
            recordType: "newsletter.subscriber",
            id: subscriberId,
            values: {
              name_ciphertext: "Zoë J.",
              email_ciphertext: email,
              locale: "fr",
              topics: ["news"],
              created_at: clock.now().toISOString(),
              unsubscribed_at: null,
              undeliverable_at: null,
            },
          },
          {
            recordType: "newsletter.consent",
            id: consent?.id ?? "",
            values: {
              topic: "news",
              source: "form",
              source_detail: null,
              policy_version: "v-export",
              wording: "Actualités de WITS: Nouveaux services et produits de WITS.",
              ip_ciphertext: "203.0.113.9",
              requested_at: null,
              given_at: clock.now().toISOString(),
              withdrawn_at: null,
              withdrawn_via: null,
            },
          },
        ];
      },
      // Made with the subscriber, above.
      "newsletter.consent": async () => [],
      "orders.order": async (person) => {
        const ordersDeps = {
          ...newsletterDeps(),
          config: { MAIL_FROM: "facturen@wits.be", PUBLIC_URL: "https://privacy.example.be" },
        };
        const order = await createOrder(ordersDeps, {
          channel: "backoffice",
          locale: "nl",
          actor: system,
          request: orderSchema.parse({
            billing: {
              email: person.email,
              name: "Zoë Janssens",
              company: "Janssens BV",
              vatNumber: "BE0403019261",
              address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
            },
            lines: [{ description: "Laptop", quantity: "1", unitPrice: "100", vatRate: 21 }],
          }),
        });
        const done = await completeOrder(ordersDeps, { orderId: order.id, actor: system });
        assert.equal(done.status, "completed");
        const billing = {
          email_ciphertext: person.email,
          name_ciphertext: "Zoë Janssens",
          company_ciphertext: "Janssens BV",
          vat_number_ciphertext: "BE0403019261",
          address_ciphertext: JSON.stringify({
            street: "Kerkstraat 1",
            postalCode: "9000",
            city: "Gent",
          }),
          billing_country: "BE",
          net_cents: 10_000,
          gross_cents: 12_100,
        };
        return [
          {
            recordType: "orders.order",
            id: order.id,
            values: {
              number: order.number,
              status: "completed",
              ...billing,
              created_at: clock.now().toISOString(),
              completed_at: clock.now().toISOString(),
            },
          },
          {
            recordType: "orders.invoice",
            id: done.status === "completed" ? done.invoiceId : "",
            values: {
              number: done.status === "completed" ? done.number : "",
              kind: "invoice",
              ...billing,
              issued_at: clock.now().toISOString(),
            },
          },
        ];
      },
      // Made with its order, above.
      "orders.invoice": async () => [],
      "customer.dossier_item": async ({ subjectId }) => {
        const actor = { type: "staff", id: "00000000-0000-4000-8000-0000000000dd" } as const;
        const dossierDeps = {
          db: database.db,
          vault,
          dataMap,
          clock,
          sensitiveData: passThroughSensitiveData,
        };
        const customer = await createCustomer(dossierDeps, {
          kind: "person",
          contact: { subjectId, name: "Zoë Janssens" },
          actor,
        });
        const itemId = await addDossierItem(dossierDeps, {
          customerId: customer.id,
          subjectId,
          kind: "device",
          value: "Dell OptiPlex 7010",
          note: "op de balie",
          source: "klant, per telefoon",
          recordedOn: "2026-02-01",
          staffId: actor.id,
        });
        const ticket = await openTicket(dossierDeps, {
          customerId: customer.id,
          subjectId,
          title: "Printer drukt niet",
          staffId: actor.id,
          locale: "nl",
        });
        const noteId = await addTicketNote(dossierDeps, {
          ticketId: ticket.id,
          body: "Driver opnieuw geïnstalleerd.",
          staffId: actor.id,
          locale: "nl",
        });
        const supportDeps = { ...dossierDeps, passwords: memoryPasswordStore(clock) };
        const session = await startSession(supportDeps, {
          customerId: customer.id,
          subjectId,
          technicianId: actor.id,
        });
        await handOverByPhone(supportDeps, {
          sessionId: session.sessionId,
          technicianId: actor.id,
          teamviewerId: "123 456 789",
          password: "nooit-bewaard",
          objected: false,
        });
        await endSession(supportDeps, {
          sessionId: session.sessionId,
          technicianId: actor.id,
          summary: "Printer hersteld.",
          locale: "nl",
        });
        const [tv] = await queryRows<{ id: string }>(
          database.db,
          sql`select id::text from teamviewer_ids where subject_id = ${subjectId}`,
        );
        const [contact] = await queryRows<{ id: string }>(
          database.db,
          sql`select id::text from customer_contacts where customer_id = ${customer.id}`,
        );
        const now = clock.now().toISOString();
        return [
          {
            recordType: "customer.contact",
            id: contact?.id ?? "",
            values: { name_ciphertext: "Zoë Janssens", role: null, created_at: now },
          },
          {
            recordType: "customer.dossier_item",
            id: itemId,
            values: {
              kind: "device",
              value_ciphertext: "Dell OptiPlex 7010",
              note_ciphertext: "op de balie",
              source: "klant, per telefoon",
              recorded_on: "2026-02-01T00:00:00.000Z",
            },
          },
          {
            recordType: "customer.support_ticket",
            id: ticket.id,
            values: {
              number: ticket.number,
              status: "open",
              title_ciphertext: "Printer drukt niet",
              created_at: now,
              closed_at: null,
            },
          },
          {
            recordType: "customer.support_note",
            id: noteId ?? "",
            values: { body_ciphertext: "Driver opnieuw geïnstalleerd.", created_at: now },
          },
          {
            recordType: "support.session",
            id: session.sessionId,
            values: {
              status: "ended",
              started_at: now,
              ended_at: now,
              summary_ciphertext: "Printer hersteld.",
            },
          },
          {
            recordType: "support.teamviewer_id",
            id: tv?.id ?? "",
            values: { teamviewer_id_ciphertext: "123 456 789", last_used_at: now },
          },
        ];
      },
      // Made with the dossier item, above.
      "customer.support_ticket": async () => [],
      "customer.support_note": async () => [],
      "support.session": async () => [],
      "support.teamviewer_id": async () => [],
      "rights.request": async (person) => {
        const rightsDeps: RightsDeps = {
          db: database.db,
          clock,
          vault,
          dataMap,
          policy: () => policy,
          config: loadConfig({
            PUBLIC_URL: "https://privacy.example.be",
            MAIL_FROM: "privacy@wits.be",
          }),
          effects: {
            unsubscribeNewsletter: async () => false,
            subjectsOfCustomer: async () => [],
            recordTransfer: async () => undefined,
          },
        };
        const recipient = { name: "Andere Firma BV", email: "privacy@anderefirma.example" };
        const rights = [
          { kind: "access" as const },
          { kind: "portability" as const, to: "organisation" as const },
        ];
        const created = await createRequest(rightsDeps, {
          channel: "portal",
          locale: "nl",
          rights,
          email: person.email,
          phone: "+32470123456",
          customerNumber: "K-4M8T2Z",
          vat: "BE0403019261",
          description: "Stuur alles wat jullie over mij bewaren naar mijn nieuwe boekhouder.",
          recipient,
        });
        const confirmed = await confirmRequest(rightsDeps, { token: created.confirmToken });
        assert.equal(confirmed.status, "confirmed");
        const idCopy = Buffer.from("\x89PNG\r\n\x1a\n voorzijde, nummer en foto zwart", "latin1");
        const copyId = await storeIdCopy(rightsDeps, {
          requestId: created.requestId,
          subjectId: person.subjectId,
          bytes: idCopy,
          mediaType: "image/png",
        });
        const now = clock.now();
        return [
          {
            recordType: "rights.request",
            id: created.requestId,
            values: {
              reference: created.reference,
              // Access asks an ID copy: confirmed, the request waits for its check.
              status: "received",
              channel: "portal",
              rights,
              email_ciphertext: person.email,
              phone_ciphertext: "+32470123456",
              customer_number_ciphertext: "K-4M8T2Z",
              vat_ciphertext: "BE0403019261",
              description_ciphertext:
                "Stuur alles wat jullie over mij bewaren naar mijn nieuwe boekhouder.",
              recipient_ciphertext: JSON.stringify(recipient),
              received_at: now.toISOString(),
              deadline_at: answerDeadline(now, policy.rights.answerDays).toISOString(),
              answered_at: null,
              outcome: [],
              letter_ciphertext: null,
            },
          },
          {
            recordType: "rights.id_copy",
            id: copyId,
            values: {
              uploaded_at: now.toISOString(),
              media_type: "image/png",
              file_ciphertext: {
                file: `files/rights.id_copy/${copyId}/file_ciphertext`,
                sha256: createHash("sha256").update(idCopy).digest("hex"),
                bytes: idCopy.length,
              },
            },
          },
        ];
      },
      // Made with its request, above.
      "rights.id_copy": async () => [],
      // Made with their request, above.
      "contact.attachment": async () => [],
      "contact.note": async () => [],
      "test.note": async (person) => [
        await note(person, "req-1", "Mijn printer drukt niets af sinds de update. Groetjes, Zoë"),
        await note(person, "req-2", '=HYPERLINK("http://evil.example")', "+32 470 12 34 56"),
      ],
      "test.attachment": async ({ subjectId }) => {
        const content = Buffer.from("%PDF-1.4 een factuur van 3 bladzijden\u0000\u00ff", "latin1");
        const fileLabel = "factuur.pdf";
        const id = await insertTestAttachment(
          database.db,
          { vault, dataMap },
          { subjectId, fileLabel, content },
        );
        return [
          {
            recordType: "test.attachment",
            id,
            values: {
              file_label: fileLabel,
              content: {
                file: `files/test.attachment/${id}/content`,
                sha256: createHash("sha256").update(content).digest("hex"),
                bytes: content.length,
              },
            },
          },
        ];
      },
    };

    const download = async (packageId: string, token: string, file: "zip" | "html" | "pdf") => {
      const access = await downloadExportFile(
        { db: database.db, vault, clock },
        { packageId, token, file },
      );
      assert.equal(access.status, "available");
      return access.status === "available" ? access.bytes : Buffer.alloc(0);
    };

    const unzip = async (packageId: string, token: string) => {
      const files = unzipSync(await download(packageId, token, "zip"));
      const text = (path: string) => {
        const bytes = files[path];
        assert.ok(bytes, `${path} is in the package`);
        return Buffer.from(bytes).toString("utf8");
      };
      const manifest = JSON.parse(text("manifest.json")) as ExportManifest;
      return { files, text, manifest };
    };

    it("has a way to make a record of every record type of the product", () => {
      const missing = allRecordTypes.map((type) => type.id).filter((id) => !factories[id]);
      assert.deepEqual(missing, [], "add a factory for these record types to this test");
    });

    it("gives back every stored field of every record, with a manifest, CSV and hashes that match", async () => {
      const person = await newPerson();
      const stored: StoredRecord[] = [];
      for (const type of dataMap.recordTypes) {
        const factory = factories[type.id];
        assert.ok(factory, `no factory for ${type.id}`);
        stored.push(...(await factory(person)));
      }
      clock.advance(60_000);
      const made = await exportSubject(deps(), {
        subjectId: person.subjectId,
        locale: "nl",
        kind: "portability",
        actor: system,
      });
      const { files, text, manifest } = await unzip(made.packageId, made.token);

      assert.equal(manifest.packageId, made.packageId);
      assert.equal(manifest.kind, "portability");
      assert.equal(manifest.locale, "nl");
      assert.equal(manifest.created, clock.now().toISOString());
      assert.equal(manifest.policyVersion.effectiveDate, policy.version.effectiveDate);

      for (const type of dataMap.recordTypes) {
        const expected = stored.filter((record) => record.recordType === type.id);
        assert.ok(expected.length > 0, `the test made no ${type.id} record`);
        const json = JSON.parse(text(`records/${type.id}.json`)) as Record<string, unknown>[];
        assert.equal(json.length, expected.length, `${type.id} records`);
        for (const record of expected) {
          const exported = json.find((candidate) => candidate.id === record.id);
          assert.ok(exported, `${type.id} ${record.id} is exported`);
          for (const field of type.fields) {
            assert.ok(field.column in exported, `${type.id}.${field.column} is exported`);
          }
          for (const [column, value] of Object.entries(record.values)) {
            assert.deepEqual(exported[column], value, `${type.id}.${column}`);
          }
          assert.ok("retainUntil" in exported && typeof exported.retentionReason === "string");
        }

        const entry = manifest.recordTypes.find((candidate) => candidate.id === type.id);
        assert.equal(entry?.count, expected.length, `manifest count of ${type.id}`);
        const [header] = text(`records/${type.id}.csv`)
          .replace(/^\uFEFF/, "")
          .split("\r\n");
        const [headerLine] = (header ?? "").split("\n");
        assert.equal(headerLine, csvHeaderOf(type), `CSV header of ${type.id}`);
      }

      const listed = [...manifest.reports, ...manifest.recordTypes.flatMap((type) => type.files)];
      for (const file of listed) {
        const bytes = files[file.path];
        assert.ok(bytes, `${file.path} is in the package`);
        assert.equal(createHash("sha256").update(bytes).digest("hex"), file.sha256, file.path);
        assert.equal(bytes.length, file.bytes, file.path);
      }
      assert.deepEqual(
        Object.keys(files).sort(),
        [...listed.map((file) => file.path), "manifest.json"].sort(),
        "every file of the package is in the manifest",
      );

      const [attachment] = stored.filter((record) => record.recordType === "test.attachment");
      const attached = files[`files/test.attachment/${attachment?.id}/content`];
      assert.equal(
        Buffer.from(attached ?? []).toString("latin1"),
        "%PDF-1.4 een factuur van 3 bladzijden\u0000\u00ff",
      );
      const csv = text("records/test.note.csv");
      assert.match(csv, /'=HYPERLINK/, "a formula is neutralised in the CSV");
      assert.match(csv, /,\+32 470 12 34 56,/, "a phone number is left as it is");
      assert.ok(files["report.html"] && files["report.pdf"]);

      const { entries } = await listAudit(database.db, {
        action: "rights.export_created",
        subjectId: person.subjectId,
        limit: 10,
      });
      const created = entries.find((entry) => entry.recordId === made.packageId);
      assert.deepEqual(created?.details, {
        kind: "portability",
        recordTypes: new Set(stored.map((record) => record.recordType)).size,
        records: stored.length,
      });
      assert.equal(created?.recordType, "rights.export_package");
    });

    it("writes the report in the person's language: purpose, legal basis, retention, processors", async () => {
      const person = await newPerson();
      await note(person, "req-taal", "Vraag over mijn factuur");
      const html = async (locale: Locale) => {
        const made = await exportSubject(deps(), {
          subjectId: person.subjectId,
          locale,
          kind: "access",
          actor: system,
        });
        assert.match(made.downloadUrl, /^https:\/\/privacy\.example\.be\/privacy\/export\//);
        return decodeEntities((await download(made.packageId, made.token, "html")).toString());
      };

      const dutch = await html("nl");
      assert.match(dutch, /<html lang="nl"/);
      for (const expected of [
        "Inzage in je persoonsgegevens",
        "Via contactformulier(en)",
        "gerechtvaardigd belang",
        "bewaard tot je verzoek volledig is afgehandeld, en daarna nog 1 jaar",
        "Voorbeeld Hosting NV (BE): hosting van de website en de servers",
        "Voorbeeld Mail BV (NL)",
        "Vraag over mijn factuur",
        "Er zijn geen verstrekkingen van je gegevens aan derden",
        "Gegevensbeschermingsautoriteit",
      ]) {
        assert.ok(dutch.includes(expected), `Dutch report says "${expected}"`);
      }
      assert.ok(
        !dutch.includes("Voorbeeld Boekhouding BV"),
        "a processor of orders only is not named",
      );
      assert.ok(!dutch.includes("<script"), "the report runs nothing");

      const french = await html("fr");
      assert.match(french, /<html lang="fr"/);
      for (const expected of [
        "Accès à vos données personnelles",
        "Via les formulaires de contact",
        "intérêt légitime",
        "Voorbeeld Hosting NV (BE) : hébergement du site et des serveurs",
        "Vraag over mijn factuur",
      ]) {
        assert.ok(french.includes(expected), `French report says "${expected}"`);
      }
      assert.ok(!french.includes("gerechtvaardigd belang"));
    });

    it("renders a PDF with real text, page numbers and several pages for many records", async () => {
      const person = await newPerson();
      for (let n = 0; n < 40; n++)
        await note(person, `req-${n}`, `Melding nummer ${n} over de server`);
      const hold = await placeLegalHold(database.db, clock, {
        subjectId: person.subjectId,
        reason: "dossier 2026/17",
        placedBy: "00000000-0000-4000-8000-000000000001",
      });
      assert.ok(hold.id);

      const made = await exportSubject(deps(), {
        subjectId: person.subjectId,
        locale: "nl",
        kind: "access",
        actor: system,
      });
      const stored = await download(made.packageId, made.token, "pdf");
      assert.equal(stored.subarray(0, 5).toString("latin1"), "%PDF-");
      assert.ok(
        pdfPageCount(stored) > 1,
        `many records take more than one page (${pdfPageCount(stored)})`,
      );

      const contents = await buildExportContents(deps(), {
        subjectId: person.subjectId,
        locale: "nl",
        kind: "access",
        packageId: made.packageId,
        createdAt: clock.now(),
        expiresAt: made.expiresAt,
        pdf: { compress: false },
      });
      const pages = pdfPageCount(contents.pdf);
      const text = pdfText(contents.pdf).replace(/\s+/g, " ");
      for (const expected of [
        "Inzage in je persoonsgegevens",
        "Via contactformulier(en)",
        "gerechtvaardigd belang",
        "Voorbeeld Hosting NV",
        "Melding nummer 39 over de server",
        "juridische blokkering",
        `Pagina 1 van ${pages}`,
        `Pagina ${pages} van ${pages}`,
      ]) {
        assert.ok(text.includes(expected), `the PDF says "${expected}"`);
      }
      assert.ok(!text.includes("dossier 2026/17"), "the person is told of the hold, not its case");
    });

    it("shows a value whose key was shredded as erased, in the report, the JSON and the CSV", async () => {
      const person = await newPerson();
      const { id } = await note(person, "req-weg", "Dit wordt gewist");
      await vault.shred(database.db, {
        subjectId: person.subjectId,
        purpose: "contact",
        reason: "test.erasure",
      });
      const made = await exportSubject(deps(), {
        subjectId: person.subjectId,
        locale: "nl",
        kind: "access",
        actor: system,
      });
      const { text } = await unzip(made.packageId, made.token);
      const [exported] = JSON.parse(text("records/test.note.json")) as Record<string, unknown>[];
      assert.equal(exported?.id, id);
      assert.deepEqual(exported?.note_ciphertext, { erased: true });
      assert.equal(exported?.topic, "printer", "what was not encrypted is still there");
      assert.match(text("records/test.note.csv"), /\[erased\]/);
      const html = text("report.html");
      assert.match(html, /class="erased">gewist</);
      assert.ok(!html.includes("Dit wordt gewist"));
    });

    it("stores the package only as ciphertext under the person's rights key", async () => {
      const person = await newPerson();
      const marker = `merkteken-${crypto.randomUUID()}`;
      await note(person, "req-geheim", marker);
      const made = await exportSubject(deps(), {
        subjectId: person.subjectId,
        locale: "en",
        kind: "access",
        actor: system,
      });
      const zip = await download(made.packageId, made.token, "zip");
      const html = await download(made.packageId, made.token, "html");
      assert.ok(html.includes(marker), "the report holds the note (so the next check can fail)");

      const [row] = await queryRows<Record<string, Uint8Array | string | null>>(
        database.db,
        sql`select token_hash, zip_ciphertext, report_ciphertext, pdf_ciphertext
            from export_packages where id = ${made.packageId}`,
      );
      assert.ok(row);
      assert.notEqual(row.token_hash, made.token, "the token itself is not stored");
      for (const column of ["zip_ciphertext", "report_ciphertext", "pdf_ciphertext"]) {
        const stored: Buffer = Buffer.from(row[column] as Uint8Array);
        assert.ok(stored.length > 0);
        assert.equal(stored.indexOf(zip.subarray(0, 64)), -1, `${column} does not hold the ZIP`);
        assert.equal(stored.indexOf(marker), -1, `${column} does not hold the note`);
        assert.equal(stored.indexOf("<!doctype html>"), -1, `${column} does not hold the report`);
      }
    });

    it("refuses a link that lives too long and makes nothing for it", async () => {
      const person = await newPerson();
      await assert.rejects(
        exportSubject(deps(), {
          subjectId: person.subjectId,
          locale: "nl",
          kind: "access",
          actor: system,
          ttlDays: 365,
        }),
        /1 to 90 whole days/,
      );
      const rows = await queryRows<{ n: number | string }>(
        database.db,
        sql`select count(*) as n from export_packages where subject_id = ${person.subjectId}`,
      );
      assert.equal(Number(rows[0]?.n), 0);
    });
  });
}

function csvHeaderOf(type: RecordType): string {
  return [
    "id",
    ...type.fields.map((field) => field.column),
    "retain_until",
    "retention_reason",
  ].join(",");
}

/** The few entities preact writes in text, so the test reads the report as a person does. */
function decodeEntities(html: string): string {
  return html
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
