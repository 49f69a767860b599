import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { queryRows } from "../../src/core/db/database.ts";
import type { RouteEntry } from "../../src/core/http/index.ts";
import { exportSubject } from "../../src/datamap/export/index.ts";
import { createCustomer, startAgreement } from "../../src/modules/customers/index.ts";
import { grantTopics, subscriberLinks } from "../../src/modules/newsletter/index.ts";
import { linkAffectedPeople } from "../../src/modules/registers/breach-subjects.ts";
import { createBreach } from "../../src/modules/registers/breaches.service.ts";
import { storeContract } from "../../src/modules/registers/processor-contracts.ts";
import { breachFacts } from "../../src/modules/registers/test-breach.ts";
import { sealRequestField } from "../../src/modules/rights/request-store.ts";
import { createStaffAccount, isBackOffice } from "../../src/modules/staff/index.ts";
import { loadActivePolicy, type Policy } from "../../src/policy/index.ts";
import { createDataMap } from "../../src/record-types.ts";
import { createTestApp, type TestApp } from "../helpers/app.ts";
import { databaseKinds } from "../helpers/database.ts";
import { multipart } from "../helpers/multipart.ts";
import {
  CookieJar,
  csrfFrom,
  type SignedIn,
  setUpStaff,
  staffPassword,
  submitForm,
} from "../helpers/staff.ts";
import { sendContactForm } from "./contact-form.ts";
import { confirmedPortalRequest, type PortalRequest } from "./portal-request.ts";
import { paramsOf, routeKey } from "./route-catalogue.ts";

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const form = { "content-type": "application/x-www-form-urlencoded" };

/** A route anyone may call: outside the back office, or its login and setup pages. */
const isPublic = (route: RouteEntry) =>
  !isBackOffice(route.url) || route.config.permission === "public";

/**
 * Static files named by a wildcard or a path segment that belong to nobody: no IDOR case.
 * Each with why; a new one fails the coverage test until it is named here or given a case.
 */
const noObjectRoutes: Readonly<Record<string, string>> = {
  "GET /privacy/versions/:hash":
    "a published version of the privacy statement, the same for everyone",
  "GET /privacy/versions/:hash/diff":
    "what changed between two published statement versions, public",
};

/** An answered request with a package and a letter, as the execution leaves it. */
interface Answered extends PortalRequest {
  reference: string;
  packageId: string;
  packageToken: string;
}

for (const kind of databaseKinds) {
  describe(`IDOR on ${kind}: another person's object behind an id or a token is refused`, () => {
    let t: TestApp;
    let policy: Policy;
    let admin: SignedIn;
    /** Waits for an ID copy. */
    let waiting: PortalRequest;
    let first: Answered;
    let second: Answered;
    /** Presses its download button, which replaces its mailed link: kept apart from the others. */
    let third: Answered;
    const subscribers: { id: string; email: string; sig: string }[] = [];

    const engines = () => ({
      db: t.database.db,
      vault: t.vault,
      clock: t.clock,
      dataMap: createDataMap(() => policy),
    });

    const answered = async (): Promise<Answered> => {
      const request = await confirmedPortalRequest(t, {
        rights: "portability",
        portabilityTo: "self",
      });
      const made = await exportSubject(
        { ...engines(), publicUrl: t.config.PUBLIC_URL },
        {
          subjectId: request.subjectId,
          locale: "nl",
          kind: "portability",
          actor: { type: "system" },
        },
      );
      const letter = await sealRequestField(t.database.db, t.vault, {
        subjectId: request.subjectId,
        requestId: request.id,
        field: "letter",
        value: `Dag, hier zijn je gegevens (${request.email}).`,
      });
      const outcome = [
        {
          right: "portability",
          executedAt: t.clock.now().toISOString(),
          staffId: admin.staffId,
          results: [],
          packageId: made.packageId,
          packageExpiresAt: made.expiresAt.toISOString(),
        },
      ];
      await t.database.db.execute(
        sql`update rights_requests set status = 'answered', answered_at = ${t.clock.now().toISOString()},
            letter_ciphertext = ${letter}, outcome = ${JSON.stringify(outcome)}::jsonb
            where id = ${request.id}`,
      );
      const [row] = await queryRows<{ reference: string }>(
        t.database.db,
        sql`select reference from rights_requests where id = ${request.id}`,
      );
      return {
        ...request,
        reference: row?.reference ?? "",
        packageId: made.packageId,
        packageToken: made.token,
      };
    };

    before(async () => {
      t = await createTestApp(kind, {
        env: { CONTACT_POSTS_PER_MINUTE: "100000", RATE_LIMIT_PER_MINUTE: "100000" },
      });
      ({ policy } = await loadActivePolicy(undefined));
      admin = await setUpStaff(t, "admin");
      waiting = await confirmedPortalRequest(t, { rights: "access" });
      first = await answered();
      second = await answered();
      third = await answered();
      const topic = policy.newsletterTopics[0]?.id ?? "";
      for (const name of ["Abonnee Een", "Abonnee Twee"]) {
        const email = `abonnee-${randomBytes(4).toString("hex")}@voorbeeld.be`;
        const { subjectId } = await t.vault.ensureSubject(t.database.db, { email });
        const id = await grantTopics(
          { ...engines(), config: t.config, policy: () => policy, policyVersion: () => "test" },
          {
            subjectId,
            name,
            email,
            locale: "nl",
            grants: [{ topic, wording: "Nieuws", source: "form", policyVersion: "test" }],
          },
        );
        const sig =
          new URL(subscriberLinks(t.vault, t.config.PUBLIC_URL, id).preferences).searchParams.get(
            "sig",
          ) ?? "";
        subscribers.push({ id, email, sig });
      }
    });
    after(() => t.close());

    /** A browser that opened one of our pages: its cookies and a valid form token. */
    const browser = async () => {
      const jar = new CookieJar();
      const page = await t.app.inject({ url: "/privacy/request", remoteAddress: jar.ip });
      jar.take(page.headers["set-cookie"]);
      return { jar, token: csrfFrom(page.body) };
    };
    const get = (url: string, jar = new CookieJar()) =>
      t.app.inject({ url, remoteAddress: jar.ip, headers: { cookie: jar.header } });
    const post = async (url: string, fields: Record<string, string>) => {
      const { jar, token } = await browser();
      return t.app.inject({
        method: "POST",
        url,
        remoteAddress: jar.ip,
        headers: { ...form, cookie: jar.header },
        payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
      });
    };
    const count = async (query: ReturnType<typeof sql>) =>
      (await queryRows<{ n: number }>(t.database.db, query))[0]?.n ?? -1;
    const topicsOf = async (subscriberId: string) =>
      count(
        sql`select jsonb_array_length(topics)::int as n from newsletter_subscribers where id = ${subscriberId}`,
      );
    /** Nothing of either person in a refusal: neither their reference nor their address. */
    const leaksNothing = (body: string, ...people: Answered[]) => {
      for (const person of people) {
        // The caller's own ids and tokens may be echoed (a language link): they knew them already.
        for (const secret of [person.reference, person.email]) {
          assert.equal(body.includes(secret), false, `${secret} in a refusal`);
        }
      }
    };

    const publicCases: Record<string, () => Promise<void>> = {
      "GET /privacy/request/:id": async () => {
        const refused = await get(`/privacy/request/${first.id}?token=${second.token}`);
        assert.equal(refused.statusCode, 404);
        leaksNothing(refused.body, first, second);
        const own = await get(first.statusPath);
        assert.equal(own.statusCode, 200, "the person's own link works");
        assert.ok(own.body.includes(first.reference));
      },
      "POST /privacy/request/:id/id-copy": async () => {
        const uploadWith = async (token: string) => {
          const person = new CookieJar();
          const page = await get(waiting.statusPath, person);
          person.take(page.headers["set-cookie"]);
          const body = multipart([
            { name: "_csrf", value: csrfFrom(page.body) },
            { name: "idCopy", filename: "id.png", type: "image/png", content: png },
          ]);
          return t.app.inject({
            method: "POST",
            url: `/privacy/request/${waiting.id}/id-copy?token=${token}`,
            remoteAddress: person.ip,
            headers: { ...body.headers, cookie: person.header },
            payload: body.payload,
          });
        };
        const copies = () =>
          count(
            sql`select count(*)::int as n from rights_id_copies where request_id = ${waiting.id}`,
          );
        const refused = await uploadWith(first.token);
        assert.equal(refused.statusCode, 404);
        assert.equal(await copies(), 0, "nothing stored on another's request");
        assert.equal(
          (await uploadWith(waiting.token)).statusCode,
          303,
          "the person's own upload works",
        );
        assert.equal(await copies(), 1);
      },
      "POST /privacy/request/:id/download": async () => {
        const other = await post(`/privacy/request/${third.id}/download`, {
          token: third.token,
          packageId: first.packageId,
        });
        assert.equal(other.statusCode, 404, "another request's package through one's own link");
        assert.equal(other.headers.location, undefined);
        const foreign = await post(`/privacy/request/${first.id}/download`, {
          token: third.token,
          packageId: first.packageId,
        });
        assert.equal(foreign.statusCode, 404, "another request with one's own token");
        assert.equal(foreign.headers.location, undefined);
        leaksNothing(`${other.body}${foreign.body}`, first);
        const own = await post(`/privacy/request/${third.id}/download`, {
          token: third.token,
          packageId: third.packageId,
        });
        assert.equal(own.statusCode, 303, "the person's own package works");
      },
      "GET /privacy/request/:id/letter.pdf": async () => {
        const refused = await get(`/privacy/request/${first.id}/letter.pdf?token=${second.token}`);
        assert.equal(refused.statusCode, 404);
        assert.notEqual(refused.headers["content-type"], "application/pdf");
        leaksNothing(refused.body, first, second);
        const own = await get(`/privacy/request/${first.id}/letter.pdf?token=${first.token}`);
        assert.equal(own.statusCode, 200, "the person's own letter works");
        assert.equal(own.headers["content-type"], "application/pdf");
      },
    };
    const exportPaths = ["", "/report.pdf", "/report.html", "/package.zip"];
    for (const suffix of exportPaths) {
      publicCases[`GET /privacy/export/:id${suffix}`] = async () => {
        const downloads = () =>
          count(
            sql`select count(*)::int as n from audit_log where action = 'rights.export_downloaded'`,
          );
        const before = await downloads();
        const refused = await get(
          `/privacy/export/${first.packageId}${suffix}?token=${second.packageToken}`,
        );
        assert.equal(refused.statusCode, 404, "one package's id with another's token");
        assert.equal(
          String(refused.headers["content-disposition"] ?? "").includes("attachment"),
          false,
        );
        leaksNothing(refused.body, first, second);
        assert.equal(await downloads(), before, "no download recorded");
        const own = await get(
          `/privacy/export/${first.packageId}${suffix}?token=${first.packageToken}`,
        );
        assert.equal(own.statusCode, 200, "the person's own link works");
      };
    }
    const newsletterCases: [
      string,
      (id: string, sig: string) => Promise<{ statusCode: number; body: string }>,
    ][] = [
      [
        "GET /newsletter/preferences/:id",
        (id, sig) => get(`/newsletter/preferences/${id}?sig=${sig}`),
      ],
      [
        "POST /newsletter/preferences/:id",
        (id, sig) =>
          post(`/newsletter/preferences/${id}?sig=${sig}`, { intent: "unsubscribe_all" }),
      ],
      [
        "GET /newsletter/unsubscribe/:id",
        (id, sig) => get(`/newsletter/unsubscribe/${id}?sig=${sig}`),
      ],
      [
        "POST /newsletter/unsubscribe/:id",
        (id, sig) => post(`/newsletter/unsubscribe/${id}?sig=${sig}`, {}),
      ],
      [
        "GET /api/newsletter/unsubscribe/:id",
        (id, sig) => get(`/api/newsletter/unsubscribe/${id}?sig=${sig}`),
      ],
      [
        "POST /api/newsletter/unsubscribe/:id",
        (id, sig) =>
          t.app.inject({
            method: "POST",
            url: `/api/newsletter/unsubscribe/${id}?sig=${sig}`,
            headers: form,
            payload: "List-Unsubscribe=One-Click",
          }),
      ],
    ];
    for (const [key, send] of newsletterCases) {
      publicCases[key] = async () => {
        const [one, two] = subscribers;
        assert.ok(one && two);
        const refused = await send(two.id, one.sig);
        assert.equal(refused.statusCode, 404, "one reader's signature on another's link");
        assert.equal(refused.body.includes(two.email), false);
        assert.equal(await topicsOf(two.id), 1, "the other reader is still subscribed");
      };
    }
    publicCases["POST /newsletter/unsubscribe/:id (RFC 8058 one-click)"] = async () => {
      const [one, two] = subscribers;
      assert.ok(one && two);
      const refused = await t.app.inject({
        method: "POST",
        url: `/newsletter/unsubscribe/${two.id}?sig=${one.sig}`,
        headers: form,
        payload: "List-Unsubscribe=One-Click",
      });
      // The page's form route: the one-click post of RFC 8058 goes to the /api/ route, so here
      // a body without the form token is refused before the signature is even looked at.
      assert.equal(refused.statusCode, 403);
      assert.equal(await topicsOf(two.id), 1);
    };
    const setupCase = async () => {
      const email = `nieuw-${randomBytes(4).toString("hex")}@wits.be`;
      const { setupToken } = await createStaffAccount(
        { db: t.database.db, clock: t.clock },
        { email, displayName: "Nieuw", role: "support" },
      );
      const setup = `/admin/setup/${setupToken}`;
      const jar = new CookieJar();
      const saved = await submitForm(t, jar, setup, setup, {
        password: staffPassword,
        repeat: staffPassword,
      });
      assert.equal(saved.headers.location, "/admin/enrol", "the link works once");
      const hash = () =>
        queryRows<{ h: string }>(
          t.database.db,
          sql`select password_hash as h from staff_users where email = ${email}`,
        );
      const before = await hash();
      const again = await get(setup);
      assert.equal(again.statusCode, 404, "a used link");
      assert.equal(again.body.includes('name="repeat"'), false, "no setup form behind a used link");
      assert.equal(again.body.includes(email), false, "nor whose account it was");
      const reused = await post(setup, {
        password: "een ander wachtwoord van mij",
        repeat: "een ander wachtwoord van mij",
      });
      assert.equal(reused.statusCode, 404, "a reused link");
      assert.deepEqual(await hash(), before, "the password is unchanged");
    };
    publicCases["GET /admin/setup/:token"] = setupCase;
    publicCases["POST /admin/setup/:token"] = setupCase;

    /**
     * In the back office the permission is the boundary: staff with contact.manage see every
     * contact request, by design, and the authorization matrix proves each permission. What is
     * tested here is a route that mixes two ids: the second must belong to the first. Invoices
     * have no public link (they are mailed as attachments and downloaded in the back office
     * under orders.manage); one would be an id-bearing public route and fail the coverage test.
     */
    const backOfficeCases: Record<string, () => Promise<void>> = {
      "GET /admin/contact/:id/attachments/:attachmentId": async () => {
        const marker = `bijlage-${randomBytes(8).toString("hex")}`;
        const references = [];
        for (const name of ["Eerste Klant", "Tweede Klant"]) {
          const { reference } = await sendContactForm(
            t,
            {
              name,
              email: `${randomBytes(4).toString("hex")}@voorbeeld.be`,
              subject: "Vraag",
              message: "Zie bijlage.",
            },
            [
              {
                name: "attachments",
                filename: "notitie.txt",
                type: "text/plain",
                content: Buffer.from(`${name} ${marker}`),
              },
            ],
          );
          references.push(reference);
        }
        const rows = await queryRows<{ request_id: string; attachment_id: string }>(
          t.database.db,
          sql`select r.id as request_id, a.id as attachment_id from contact_requests r
              join contact_attachments a on a.request_id = r.id where r.reference in (${references[0]}, ${references[1]})
              order by r.reference = ${references[0]} desc`,
        );
        const [one, two] = rows;
        assert.ok(one && two, "both requests have their attachment");
        const refused = await get(
          `/admin/contact/${two.request_id}/attachments/${one.attachment_id}`,
          admin.jar,
        );
        assert.equal(refused.statusCode, 404, "an attachment through another request's id");
        assert.equal(refused.body.includes(marker), false);
        const own = await get(
          `/admin/contact/${one.request_id}/attachments/${one.attachment_id}`,
          admin.jar,
        );
        assert.equal(own.statusCode, 200);
        assert.ok(own.body.includes(marker), "the request's own attachment opens");
      },
      "POST /admin/breaches/:id/people/:subjectId/unlink": async () => {
        const fields = breachFacts({
          title: "Verloren laptop",
          nature: "Diefstal",
          discoveredAt: t.clock.now(),
        });
        const breaches = [];
        for (const person of [first, second]) {
          const breach = await createBreach(
            { db: t.database.db, clock: t.clock },
            { staffId: admin.staffId, fields },
          );
          await linkAffectedPeople(
            { db: t.database.db, clock: t.clock, vault: t.vault },
            { staffId: admin.staffId, breachId: breach.id, identifiers: [person.email] },
          );
          breaches.push(breach.id);
        }
        const linked = (breachId: string, subjectId: string) =>
          count(
            sql`select count(*)::int as n from breach_subjects where breach_id = ${breachId} and subject_id = ${subjectId}`,
          );
        const unlink = (breachId: string, subjectId: string) =>
          submitForm(
            t,
            admin.jar,
            `/admin/breaches/${breachId}`,
            `/admin/breaches/${breachId}/people/${subjectId}/unlink`,
            {},
          );
        const refused = await unlink(breaches[1] ?? "", first.subjectId);
        assert.equal(refused.statusCode, 404, "a person of one breach through another breach");
        assert.equal(
          await linked(breaches[0] ?? "", first.subjectId),
          1,
          "still linked to their breach",
        );
        assert.equal(
          (await unlink(breaches[0] ?? "", first.subjectId)).statusCode,
          303,
          "their own breach unlinks",
        );
        assert.equal(await linked(breaches[0] ?? "", first.subjectId), 0);
      },
      "POST /admin/contact/:id/agreements/:agreementId/end": async () => {
        const deps = engines();
        const actor = { type: "staff" as const, id: admin.staffId };
        const made = [];
        for (const person of [first, second]) {
          const customer = await createCustomer(deps, {
            kind: "person",
            contact: { subjectId: person.subjectId, name: "Klant" },
            actor,
          });
          const agreementId = await startAgreement(deps, {
            customerId: customer.id,
            service: "Onderhoud",
            startsOn: "2026-01-01",
            actor,
          });
          made.push({ ...customer, agreementId });
        }
        const { reference } = await sendContactForm(t, {
          name: "Klant Een",
          email: `${randomBytes(4).toString("hex")}@voorbeeld.be`,
          subject: "Contract",
          message: "Stop mijn contract.",
        });
        const [request] = await queryRows<{ id: string }>(
          t.database.db,
          sql`select id from contact_requests where reference = ${reference}`,
        );
        assert.ok(request);
        const linked = await submitForm(
          t,
          admin.jar,
          `/admin/contact/${request.id}`,
          `/admin/contact/${request.id}/customer`,
          {
            number: made[0]?.number ?? "",
          },
        );
        assert.equal(linked.statusCode, 303, linked.body);
        const running = (agreementId: string) =>
          count(
            sql`select count(*)::int as n from agreements where id = ${agreementId} and ended_at is null`,
          );
        const other = made[1]?.agreementId ?? "";
        const refused = await submitForm(
          t,
          admin.jar,
          `/admin/contact/${request.id}`,
          `/admin/contact/${request.id}/agreements/${other}/end`,
          {},
        );
        assert.equal(refused.statusCode, 409, "another customer's agreement through this request");
        assert.equal(await running(other), 1, "the other customer's agreement still runs");
        const own = made[0]?.agreementId ?? "";
        const ended = await submitForm(
          t,
          admin.jar,
          `/admin/contact/${request.id}`,
          `/admin/contact/${request.id}/agreements/${own}/end`,
          {},
        );
        assert.equal(ended.statusCode, 303, "the linked customer's agreement ends");
        assert.equal(await running(own), 0);
      },
      "GET /admin/processors/:name/contracts/:contractId": async () => {
        const [one, two] = policy.processors;
        assert.ok(one && two, "the default policy names two processors");
        const marker = `contract-${randomBytes(8).toString("hex")}`;
        const stored = await storeContract(
          { db: t.database.db, clock: t.clock, vault: t.vault },
          {
            processorName: one.name,
            fileName: "dpa.pdf",
            content: Buffer.from(`%PDF-1.4\n% ${marker}\n%%EOF\n`),
            staffId: admin.staffId,
          },
        );
        assert.equal(stored.status, "stored");
        const contractId = stored.status === "stored" ? stored.contractId : "";
        const at = (name: string) =>
          `/admin/processors/${encodeURIComponent(name)}/contracts/${contractId}`;
        const refused = await get(at(two.name), admin.jar);
        assert.equal(refused.statusCode, 404, "one processor's contract under another's name");
        assert.equal(refused.body.includes(marker), false);
        const own = await get(at(one.name), admin.jar);
        assert.equal(own.statusCode, 200);
        assert.ok(own.body.includes(marker));
      },
    };

    it("has a case for every id- or token-bearing public route and every back-office route that mixes ids", () => {
      const needed = t.app.routeCatalogue
        .filter((route) => route.method !== "HEAD" && route.method !== "OPTIONS")
        .filter((route) =>
          isPublic(route) ? paramsOf(route.url).length > 0 : paramsOf(route.url).length > 1,
        )
        .map(routeKey);
      const covered = new Set([
        ...Object.keys(publicCases),
        ...Object.keys(backOfficeCases),
        ...Object.keys(noObjectRoutes),
      ]);
      assert.deepEqual(
        needed.filter((key) => !covered.has(key)),
        [],
        "a new id-bearing route needs an IDOR case here",
      );
    });

    for (const [key, run] of Object.entries({ ...publicCases, ...backOfficeCases })) {
      it(`refuses another's object: ${key}`, run);
    }
  });
}
