import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows } from "../../src/core/db/database.ts";
import { createCustomer } from "../../src/modules/customers/index.ts";
import { subscriberLinks } from "../../src/modules/newsletter/index.ts";
import { passThroughSensitiveData } from "../../src/modules/scanner/index.ts";
import { createStaffAccount } from "../../src/modules/staff/index.ts";
import { memoryPasswordStore, startSession } from "../../src/modules/support/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import { createDataMap } from "../../src/record-types.ts";
import type { TestApp } from "../helpers/app.ts";
import { openedOutbox } from "../helpers/outbox.ts";
import { CookieJar, csrfFrom } from "../helpers/staff.ts";

/** The web shop's token in the fuzzed app; the fuzzer presents it in a share of the calls. */
export const ordersToken = "fuzz-shop-token-0123456789-abcdefghijklmnop";
/** The one origin allowed to embed the forms in the fuzzed app. */
export const corsOrigin = "https://www.wits.be";
export const seededPassword = "fuzzing staff password 2026";

/**
 * What the fuzzer knows about the stored world: real ids and secrets to put where ids and tokens
 * go, and a browser's CSRF token and render times, so a share of the inputs passes the form
 * checks and reaches the handlers.
 */
export interface FuzzWorld {
  /** Concrete URLs that work, per route pattern (e.g. a subscriber's signed preference link). */
  links: Map<string, string[]>;
  /** Every seeded id, of any kind: an id of one kind is a good stranger for another route. */
  ids: string[];
  /** Tokens, signatures, codes and keys that are valid somewhere. */
  secrets: string[];
  emails: string[];
  csrf: string;
  /** The cookie header that goes with `csrf`. */
  cookie: string;
  /** The signed render time of each form page, valid for the fuzzing run (the clock stands still). */
  rendered: Map<string, string>;
  /**
   * Records the fuzzer holds a working link or code for: using it may change them, as it would
   * for the person it was mailed to. Every other earlier record must stay as it was.
   */
  targetIds: string[];
}

const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };

/** Seeds a few real records of every kind through the public API and the services. */
export async function seedFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  t.clock.set("2026-06-01T09:00:00Z");
  const jar = new CookieJar();
  const world: FuzzWorld = {
    links: new Map(),
    ids: [],
    secrets: [ordersToken, "fuzz-seed-order-1"],
    emails: [],
    csrf: "",
    cookie: "",
    rendered: new Map(),
    targetIds: [],
  };
  const page = await t.app.inject({ url: "/contact", remoteAddress: jar.ip });
  jar.take(page.headers["set-cookie"]);
  world.csrf = csrfFrom(page.body);
  world.cookie = jar.header;

  await seedContact(t, world);
  await seedNewsletter(t, world);
  await seedRights(t, world);
  await seedOrderAndConsent(t, world);
  await seedStaffAndSupport(t, world);
  await collectPolicyVersions(t, world);
  await collectRenderTimes(t, world);
  return world;
}

const addLink = (world: FuzzWorld, pattern: string, url: string) =>
  world.links.set(pattern, [...(world.links.get(pattern) ?? []), url]);

async function post(t: TestApp, url: string, payload: unknown, world?: FuzzWorld) {
  const response = await t.app.inject({
    method: "POST",
    url,
    remoteAddress: `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
    headers: world
      ? { ...form, cookie: world.cookie }
      : { ...json, authorization: `Bearer ${ordersToken}`, "idempotency-key": "fuzz-seed-order-1" },
    payload: world
      ? new URLSearchParams({
          _csrf: world.csrf,
          ...(payload as Record<string, string>),
        }).toString()
      : JSON.stringify(payload),
  });
  assert.ok(response.statusCode < 400, `${url}: ${response.statusCode} ${response.body}`);
  return response;
}

async function seedContact(t: TestApp, world: FuzzWorld) {
  for (const name of ["Ann Peeters", "Bart Janssens"]) {
    const email = `${name.split(" ")[0]?.toLowerCase()}@voorbeeld.be`;
    world.emails.push(email);
    await post(t, "/api/contact", {
      name,
      email,
      phone: "0470 12 34 56",
      subject: "Offerte",
      message: "Graag een offerte voor tien laptops.",
    });
  }
  const rows = await queryRows<{ id: string; reference: string }>(
    t.database.db,
    sql`select id::text as id, reference from contact_requests`,
  );
  for (const row of rows) world.ids.push(row.id);
  for (const row of rows) world.secrets.push(row.reference);
}

async function confirmTokenIn(t: TestApp, email: string, pattern: RegExp): Promise<string> {
  const mails = (await openedOutbox(t)).filter((mail) => mail.toAddress === email);
  const token = mails.map((mail) => pattern.exec(mail.textBody)?.[1]).find(Boolean);
  assert.ok(token, `a confirmation link was mailed to ${email}`);
  return token;
}

async function seedNewsletter(t: TestApp, world: FuzzWorld) {
  const people = ["lies", "koen", "nora", "wim"].map((name) => `${name}@nieuwsbrief.be`);
  for (const email of people) {
    world.emails.push(email);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/newsletter/subscribe",
      remoteAddress: "192.0.2.10",
      headers: json,
      payload: JSON.stringify({ name: email.split("@")[0], email, topics: ["news", "tips"] }),
    });
    assert.equal(response.statusCode, 202, response.body);
  }
  const tokens = [];
  for (const email of people) {
    tokens.push(await confirmTokenIn(t, email, /\/newsletter\/confirm\?token=([A-Za-z0-9_-]+)/));
  }
  const [liesToken, koenToken, noraToken, wimToken] = tokens as [string, string, string, string];
  // Lies and Koen confirm; Nora's link is the fuzzer's, Wim's nobody's.
  await post(t, "/newsletter/confirm", { token: liesToken }, world);
  await post(t, "/newsletter/confirm", { token: koenToken }, world);
  world.secrets.push(noraToken, wimToken.slice(0, 10));
  addLink(world, "/newsletter/confirm", `/newsletter/confirm?token=${noraToken}`);
  const signups = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id::text as id from newsletter_signups`,
  );
  world.ids.push(...signups.map((row) => row.id));

  for (const [index, email] of people.slice(0, 2).entries()) {
    const subjectId = await t.vault.findSubject(t.database.db, { email });
    const [subscriber] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id::text as id from newsletter_subscribers where subject_id = ${subjectId}`,
    );
    assert.ok(subscriber, `${email} is subscribed`);
    world.ids.push(subscriber.id);
    // Only Lies's links are handed to the fuzzer: Koen must come out untouched.
    if (index > 0) continue;
    world.targetIds.push(subscriber.id);
    const links = subscriberLinks(t.vault, t.config.PUBLIC_URL, subscriber.id);
    const local = (url: string) => new URL(url).pathname + new URL(url).search;
    addLink(world, "/newsletter/preferences/:id", local(links.preferences));
    addLink(world, "/newsletter/unsubscribe/:id", local(links.unsubscribe));
    addLink(world, "/api/newsletter/unsubscribe/:id", local(links.oneClick));
    world.secrets.push(new URL(links.preferences).searchParams.get("sig") ?? "");
  }
  const [nora] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select s.id::text as id from newsletter_signups s
        where s.subject_id = ${await t.vault.findSubject(t.database.db, { email: people[2] ?? "" })}`,
  );
  if (nora) world.targetIds.push(nora.id);
}

async function seedRights(t: TestApp, world: FuzzWorld) {
  const people = ["eva", "jan", "lotte", "tom"].map((name) => `${name}@rechten.be`);
  for (const email of people) {
    world.emails.push(email);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/privacy/requests",
      remoteAddress: "192.0.2.20",
      headers: json,
      payload: JSON.stringify({ rights: ["access"], email, description: "Wat bewaren jullie?" }),
    });
    assert.equal(response.statusCode, 202, response.body);
  }
  const tokens = [];
  for (const email of people) {
    tokens.push(
      await confirmTokenIn(t, email, /\/privacy\/request\/confirm\?token=([A-Za-z0-9_-]+)/),
    );
  }
  const [evaToken, janToken, lotteToken, tomToken] = tokens as [string, string, string, string];
  // Eva's status link and Lotte's confirmation link are the fuzzer's; Jan and Tom keep theirs.
  for (const [token, isTarget] of [
    [evaToken, true],
    [janToken, false],
  ] as const) {
    const confirmed = await post(t, "/privacy/request/confirm", { token }, world);
    const status = String(confirmed.headers.location);
    const match = /^\/privacy\/request\/([0-9a-f-]{36})\?token=(.+)$/.exec(status);
    assert.ok(match?.[1] && match[2], status);
    if (!isTarget) continue;
    world.targetIds.push(match[1]);
    world.secrets.push(decodeURIComponent(match[2]));
    addLink(world, "/privacy/request/:id", status);
    addLink(world, "/privacy/request/:id/id-copy", status.replace("?", "/id-copy?"));
    addLink(world, "/privacy/request/:id/letter.pdf", status.replace("?", "/letter.pdf?"));
    addLink(world, "/privacy/request/:id/download", `${status.split("?")[0]}/download`);
  }
  world.secrets.push(lotteToken, tomToken.slice(0, 12));
  addLink(world, "/privacy/request/confirm", `/privacy/request/confirm?token=${lotteToken}`);
  const requests = await queryRows<{ id: string; reference: string }>(
    t.database.db,
    sql`select id::text as id, reference from rights_requests`,
  );
  world.ids.push(...requests.map((row) => row.id));
  const lotte = await t.vault.findSubject(t.database.db, { email: people[2] ?? "" });
  const [lotteRequest] = await queryRows<{ id: string }>(
    t.database.db,
    sql`select id::text as id from rights_requests where subject_id = ${lotte}`,
  );
  if (lotteRequest) world.targetIds.push(lotteRequest.id);
}

async function seedOrderAndConsent(t: TestApp, world: FuzzWorld) {
  await post(t, "/api/orders", {
    billing: {
      email: "bestelling@bakkerij.be",
      name: "Ilse Claes",
      company: "Bakkerij Claes BV",
      vatNumber: "BE0403019261",
      address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
    },
    lines: [{ description: "Draadloze muis", quantity: 2, unitPrice: "19,99", vatRate: 21 }],
  });
  world.emails.push("bestelling@bakkerij.be");
  const orders = await queryRows<{ id: string; number: string }>(
    t.database.db,
    sql`select id::text as id, number from orders`,
  );
  world.ids.push(...orders.map((row) => row.id));
  world.secrets.push(...orders.map((row) => row.number));

  const consentId = randomUUID();
  const response = await t.app.inject({
    method: "POST",
    url: "/api/consent",
    remoteAddress: "192.0.2.30",
    headers: json,
    payload: JSON.stringify({
      consentId,
      action: "reject_all",
      choices: {},
      inventoryVersion: "0123456789ab",
      page: "/privacy",
    }),
  });
  assert.equal(response.statusCode, 201, response.body);
  world.ids.push(consentId);
}

async function seedStaffAndSupport(t: TestApp, world: FuzzWorld) {
  const db = t.database.db;
  const { policy } = await loadActivePolicy(undefined);
  const deps = {
    db,
    vault: t.vault,
    clock: t.clock,
    dataMap: createDataMap(() => policy),
    passwords: memoryPasswordStore(t.clock),
    sensitiveData: passThroughSensitiveData,
  };
  const technician = await createStaffAccount(
    { db, clock: t.clock },
    { email: "technicus@wits.be", displayName: "Technicus", role: "support" },
  );
  // A second account whose setup link the fuzzer holds: finishing it is the holder's right.
  const newcomer = await createStaffAccount(
    { db, clock: t.clock },
    { email: "nieuw@wits.be", displayName: "Nieuw", role: "billing" },
  );
  world.targetIds.push(newcomer.staffId);
  addLink(world, "/admin/setup/:token", `/admin/setup/${newcomer.setupToken}`);
  world.secrets.push(newcomer.setupToken);
  // The technician has set a password, so a fuzzed login can get past the password check.
  await post(
    t,
    `/admin/setup/${technician.setupToken}`,
    { password: seededPassword, repeat: seededPassword },
    world,
  );
  world.emails.push("technicus@wits.be", "nieuw@wits.be");
  world.secrets.push(seededPassword);
  world.ids.push(technician.staffId, newcomer.staffId);

  const { subjectId } = await t.vault.ensureSubject(db, { email: "klant@support.be" });
  const customer = await createCustomer(deps, {
    kind: "person",
    contact: { subjectId, name: "Pieter Maes" },
    actor: { type: "staff", id: technician.staffId },
  });
  world.ids.push(customer.id, subjectId);
  // This session's code has expired before the fuzzing starts, so no lucky guess can use it.
  const bystander = await startSession(deps, {
    customerId: customer.id,
    subjectId,
    technicianId: technician.staffId,
  });
  t.clock.advance(31 * 60_000);
  const target = await startSession(deps, {
    customerId: customer.id,
    subjectId,
    technicianId: technician.staffId,
  });
  world.ids.push(bystander.sessionId, target.sessionId);
  world.targetIds.push(target.sessionId);
  world.secrets.push(target.code, bystander.code);
}

async function collectPolicyVersions(t: TestApp, world: FuzzWorld) {
  const page = await t.app.inject({ url: "/privacy/versions" });
  const hashes = [...page.body.matchAll(/\/privacy\/versions\/([0-9a-f]{16})/g)].map(
    (match) => match[1] ?? "",
  );
  for (const hash of hashes) {
    addLink(world, "/privacy/versions/:hash", `/privacy/versions/${hash}`);
    addLink(
      world,
      "/privacy/versions/:hash/diff",
      `/privacy/versions/${hash}/diff?against=${hash}`,
    );
  }
  world.secrets.push(...hashes);
}

/** The pages whose forms carry a signed render time, by the route they post to. */
export const formPages: Record<string, string> = {
  "/contact": "/contact",
  "/api/contact": "/contact",
  "/newsletter": "/newsletter",
  "/privacy/request": "/privacy/request",
  "/security/report": "/security",
  "/support/connect": "/support/connect",
};

async function collectRenderTimes(t: TestApp, world: FuzzWorld) {
  for (const pageUrl of new Set(Object.values(formPages))) {
    const page = await t.app.inject({ url: pageUrl, headers: { cookie: world.cookie } });
    const rendered = /name="rendered" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(rendered, `${pageUrl} carries a render time`);
    world.rendered.set(pageUrl, rendered);
  }
  // A person takes a few seconds to fill in a form; the clock then stands still for the run.
  t.clock.advance(10_000);
}
