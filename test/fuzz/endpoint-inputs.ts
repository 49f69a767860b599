import fc from "fast-check";
import type { FuzzWorld } from "./fuzz-world.ts";

/** How a route's legitimate caller sends its body; the fuzzer sends the others too. */
export type BodyEncoding = "form" | "json" | "multipart";

export interface EndpointInput {
  encoding: BodyEncoding;
  /** The fields a legitimate caller sends; the fuzzer spoils, drops and adds to them. */
  fields: (world: FuzzWorld) => fc.Arbitrary<Record<string, unknown>>;
  /** A multipart route that takes files: the fuzzer adds file parts. */
  files?: boolean;
}

const pick = <Value>(values: readonly Value[], fallback: fc.Arbitrary<Value>) =>
  values.length > 0 ? fc.oneof(fc.constantFrom(...values), fallback) : fallback;

const email = (world: FuzzWorld) =>
  pick(world.emails, fc.emailAddress({ size: "small" })).map(String);
const secret = (world: FuzzWorld) => pick(world.secrets, fc.base64String({ maxLength: 64 }));
const personName = fc.constantFrom("Ann Peeters", "Zoë Vandamme", "Jean-Luc D'Hondt", "李小龍");
const prose = fc.constantFrom(
  "Graag een offerte voor tien laptops.",
  "Mijn rijksregisternummer is 85.07.30-033.61",
  "Ik ben 15 jaar en wil me inschrijven.",
  "Bonjour, une question sur ma facture.",
);
const topicIds = fc.subarray(["news", "tips", "service_notices", "unknown-topic"]);
const phone = fc.constantFrom("0470 12 34 56", "+32 2 123 45 67", "+1 202 555 0101", "12");
const locale = fc.constantFrom("nl", "en", "fr", "de");
const rights = fc.subarray([
  "access",
  "rectification",
  "erasure",
  "restriction",
  "objection",
  "portability",
  "withdraw_consent",
  "complaint",
]);

const contactFields = (world: FuzzWorld) => ({
  name: personName,
  email: email(world),
  phone,
  subject: fc.constantFrom("Offerte", "Factuur", "Vraag"),
  message: prose,
});
const none = () => fc.constant({});

const rightsFields = (world: FuzzWorld) => ({
  rights,
  email: email(world),
  description: prose,
  phone,
  customerNumber: fc.constantFrom("K-4M8T2Z", "k4m8t2z", "K-000000"),
  vat: fc.constantFrom("BE0403019261", "NL123456789B01", "BE0000000000"),
  objectionPurpose: fc.constantFrom("newsletter", "contact", "customers"),
  withdrawPurpose: fc.constantFrom("newsletter", "consent"),
  portabilityTo: fc.constantFrom("self", "organisation"),
  recipientName: fc.constantFrom("Andere BV"),
  recipientEmail: email(world),
});

const billing = (world: FuzzWorld) =>
  fc.record({
    email: email(world),
    name: personName,
    company: fc.constantFrom("Bakkerij Claes BV", ""),
    vatNumber: fc.constantFrom("BE0403019261", "DE136695976"),
    address: fc.record({
      street: fc.constantFrom("Kerkstraat 1"),
      postalCode: fc.constantFrom("9000", "75001"),
      city: fc.constantFrom("Gent", "Paris"),
      country: fc.constantFrom("BE", "fr"),
    }),
  });

const orderLine = fc.record({
  description: fc.constantFrom("Draadloze muis", "Installatie (uur)"),
  quantity: fc.oneof(fc.constantFrom("1,5", "2", "0,001", 3), fc.double()),
  unitPrice: fc.oneof(fc.constantFrom("19,99", "60", "9999999,99", 12.5), fc.double()),
  vatRate: fc.constantFrom(21, 12, 6, 0, "21"),
});

/**
 * Every public route that changes something, with what its legitimate caller sends. A public
 * POST, PUT, PATCH or DELETE route missing here fails the fuzz test by name.
 */
export const unsafeEndpointInputs: Record<string, EndpointInput> = {
  "POST /contact": {
    encoding: "multipart",
    files: true,
    fields: (world) => fc.record(contactFields(world)),
  },
  "POST /api/contact": {
    encoding: "json",
    files: true,
    fields: (world) => fc.record({ ...contactFields(world), locale }),
  },
  "POST /newsletter": {
    encoding: "form",
    fields: (world) => fc.record({ name: personName, email: email(world), topics: topicIds }),
  },
  "POST /api/newsletter/subscribe": {
    encoding: "json",
    fields: (world) =>
      fc.record({ name: personName, email: email(world), topics: topicIds, locale }),
  },
  "POST /newsletter/confirm": {
    encoding: "form",
    fields: (world) => fc.record({ token: secret(world) }),
  },
  "POST /newsletter/preferences/:id": {
    encoding: "form",
    fields: () =>
      fc.record({
        name: personName,
        topics: topicIds,
        intent: fc.constantFrom("save", "unsubscribe_all"),
      }),
  },
  "POST /newsletter/unsubscribe/:id": { encoding: "form", fields: none },
  "POST /api/newsletter/unsubscribe/:id": {
    encoding: "form",
    fields: () => fc.record({ "List-Unsubscribe": fc.constantFrom("One-Click", "one-click") }),
  },
  "POST /privacy/request": { encoding: "form", fields: (world) => fc.record(rightsFields(world)) },
  "POST /api/privacy/requests": {
    encoding: "json",
    fields: (world) => fc.record({ ...rightsFields(world), locale }),
  },
  "POST /privacy/request/confirm": {
    encoding: "form",
    fields: (world) => fc.record({ token: secret(world) }),
  },
  "POST /privacy/request/:id/id-copy": { encoding: "multipart", files: true, fields: none },
  "POST /privacy/request/:id/download": {
    encoding: "form",
    fields: (world) => fc.record({ token: secret(world), packageId: pick(world.ids, fc.uuid()) }),
  },
  "POST /api/consent": {
    encoding: "json",
    fields: (world) =>
      fc.record({
        consentId: pick(world.ids, fc.uuid()),
        action: fc.constantFrom("accept_all", "reject_all", "custom"),
        choices: fc.dictionary(
          fc.constantFrom("necessary", "analytics", "functional"),
          fc.boolean(),
        ),
        inventoryVersion: fc.constantFrom("0123456789ab", "fedcba987654"),
        page: fc.constantFrom("/privacy", "https://www.wits.be/contact?x=1"),
      }),
  },
  "POST /cookies/choice": {
    encoding: "form",
    fields: () => fc.record({ action: fc.constantFrom("accept_all", "reject_all", "custom") }),
  },
  "POST /api/orders": {
    encoding: "json",
    fields: (world) =>
      fc.record({
        billing: billing(world),
        lines: fc.array(orderLine, { minLength: 1, maxLength: 3 }),
        customerNumber: fc.constantFrom("K-4M8T2Z", ""),
        locale,
        status: fc.constantFrom("draft", "confirmed", "completed"),
      }),
  },
  "POST /security/report": {
    encoding: "form",
    fields: (world) => fc.record({ message: prose, name: personName, email: email(world) }),
  },
  "POST /support/connect": {
    encoding: "form",
    fields: (world) =>
      fc.record({
        code: pick(world.secrets, fc.stringMatching(/^\d{3} ?\d{3}$/)),
        teamviewerId: fc.constantFrom("123 456 789", "1234567890", "12-34"),
        password: fc.constantFrom("x7Yq2z", "p@ss word"),
        objected: fc.constantFrom("", "on"),
      }),
  },
  "POST /admin/login": {
    encoding: "form",
    fields: (world) =>
      fc.record({
        email: email(world),
        password: secret(world),
        next: fc.constantFrom("/admin", "//evil.example", "https://evil.example", "/admin\\..\\"),
      }),
  },
  "POST /admin/setup/:token": {
    encoding: "form",
    // Most setups repeat the password, as the page asks, so the checks behind that are reached.
    fields: (world) =>
      fc
        .tuple(secret(world), fc.boolean())
        .map(([password, same]) => ({ password, repeat: same ? password : `${password}!` })),
  },
};
