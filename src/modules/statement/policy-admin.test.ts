import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type CookieJar, setUpStaff, signIn, submitForm } from "../../../test/helpers/staff.ts";
import {
  createTestNotesTable,
  extraTestType,
  insertTestNote,
  testDataMap,
} from "../../../test/helpers/test-record-type.ts";
import { listAudit } from "../../audit/index.ts";
import { queryRows } from "../../core/db/database.ts";
import { type DataMap, publishAnchorEvent } from "../../datamap/index.ts";
import { defaultPolicyFile, pendingPolicyNotices } from "../../policy/index.ts";

describe("replacing the policy from the back office", () => {
  const kind = databaseKinds[0] ?? "pglite";
  let t: TestApp;
  let officer: CookieJar;
  let source: string;

  before(async () => {
    t = await createTestApp(kind);
    officer = await signIn(t, await setUpStaff(t, "privacy"));
    source = await readFile(defaultPolicyFile, "utf8");
  });
  after(() => t.close());

  const statement = async () =>
    (await t.app.inject({ url: "/privacy", headers: { "accept-language": "nl" } })).body;

  it("refuses a bad policy with its problems, and keeps the one in force", async () => {
    const cases: [string, (s: string) => string, RegExp][] = [
      ["missing field", (s) => s.replace(/^complaint:/m, "complaintText:"), /complaint/],
      [
        "unknown legal basis",
        (s) => s.replace("legalBasis: legal_obligation", "legalBasis: because"),
        /legal basis/i,
      ],
      ["negative duration", (s) => s.replace(/years: 7\b/, "years: -7"), /years/],
      ["YAML syntax error", (s) => `${s}\nfoo: [unclosed`, /YAML syntax/],
    ];
    const before = await statement();
    for (const [name, change, message] of cases) {
      const response = await submitForm(t, officer, "/admin/policy", "/admin/policy/preview", {
        source: change(source),
      });
      assert.equal(response.statusCode, 400, name);
      assert.match(response.body, message, name);
      assert.match(response.body, /Het huidige beleid blijft van kracht/, name);
    }
    assert.equal(await statement(), before);
  });

  it("shows the changes, activates only what was reviewed, and logs who did it", async () => {
    const changed = source
      .replace(/changelog: [^\n]*/, "changelog: Bewaartermijn bestellingen verduidelijkt.")
      .replace(/effectiveDate: "[^"]*"/, 'effectiveDate: "2026-12-15"')
      .replace("notify: false", "notify: true");
    const preview = await submitForm(t, officer, "/admin/policy", "/admin/policy/preview", {
      source: changed,
    });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.match(preview.body, /Dit beleid activeren/);
    const hash = /name="hash" value="([0-9a-f]{16})"/.exec(preview.body)?.[1] ?? "";
    const base = /name="base" value="([0-9a-f]{16})"/.exec(preview.body)?.[1] ?? "";

    const tampered = await submitForm(t, officer, "/admin/policy", "/admin/policy/activate", {
      source: changed.replace("Bewaartermijn", "Iets anders"),
      hash,
      base,
    });
    assert.equal(tampered.statusCode, 409);

    const stale = await submitForm(t, officer, "/admin/policy", "/admin/policy/activate", {
      source: changed,
      hash,
      base: "0123456789abcdef",
    });
    assert.equal(stale.statusCode, 409, "another version became active after the review");

    const activated = await submitForm(t, officer, "/admin/policy", "/admin/policy/activate", {
      source: changed,
      hash,
      base,
    });
    assert.equal(
      activated.headers.location,
      "/admin/policy?done=activated",
      activated.body.slice(0, 3000),
    );
    assert.match(await statement(), /Bewaartermijn bestellingen verduidelijkt\./);
    const { entries } = await listAudit(t.database.db, { action: "policy.activated", limit: 5 });
    assert.equal(entries[0]?.recordId, hash);
    const versions = await t.app.inject({ url: "/privacy/versions" });
    assert.match(versions.body, /2026-12-15/);

    const [notice, ...more] = await pendingPolicyNotices(t.database.db);
    assert.equal(more.length, 0, "one notice for the version with notify: true");
    assert.equal(notice?.contentHash, hash);
    assert.match(notice?.subject.nl ?? "", /wijzigt op 2026-12-15/);
    assert.match(notice?.body.fr ?? "", /Bewaartermijn bestellingen verduidelijkt\./);
    assert.match(notice?.body.en ?? "", /http:\/\/localhost:3000\/privacy\/versions/);
    const page = await t.app.inject({ url: "/admin/policy", headers: { cookie: officer.header } });
    assert.match(page.body, /1 melding\(en\) over een gewijzigd beleid/);
  });
});

describe("a policy that would break the data map", () => {
  const kind = databaseKinds[0] ?? "pglite";
  let t: TestApp;
  let officer: CookieJar;
  let source: string;

  let dataMap: DataMap | undefined;

  before(async () => {
    t = await createTestApp(kind, {
      dataMap: (policy) => {
        dataMap = testDataMap(policy, undefined, [extraTestType("teamviewer")]);
        return dataMap;
      },
    });
    await createTestNotesTable(t.database.db);
    officer = await signIn(t, await setUpStaff(t, "privacy"));
    source = await readFile(defaultPolicyFile, "utf8");
  });
  after(() => t.close());

  it("is refused when it says the TeamViewer ID, which the software keeps, is not stored", async () => {
    const broken = source.replace(
      "label: { nl: TeamViewer ID, en: TeamViewer ID, fr: ID TeamViewer }",
      "label: { nl: TeamViewer ID, en: TeamViewer ID, fr: ID TeamViewer }\n        retention: { kind: not_stored }",
    );
    assert.notEqual(broken, source);
    for (const step of ["/admin/policy/preview", "/admin/policy/activate"]) {
      const response = await submitForm(t, officer, "/admin/policy", step, {
        source: broken,
        hash: "x",
        base: "y",
      });
      assert.equal(response.statusCode, 400, step);
      assert.match(response.body, /test\.teamviewer stores data the policy says is not stored/);
    }
  });
});

describe("activating a policy with another period", () => {
  const kind = databaseKinds[0] ?? "pglite";
  let t: TestApp;
  let officer: CookieJar;
  let dataMap: DataMap | undefined;

  before(async () => {
    t = await createTestApp(kind, {
      dataMap: (policy) => {
        dataMap = testDataMap(policy);
        return dataMap;
      },
    });
    await createTestNotesTable(t.database.db);
    officer = await signIn(t, await setUpStaff(t, "privacy"));
  });
  after(() => t.close());

  it("moves the stored dates of existing records in the same step (contact: 1 year becomes 2)", async () => {
    if (!dataMap) throw new Error("the app did not build the data map");
    const map = dataMap;
    const closedAt = t.clock.now();
    const note = await insertTestNote(
      t.database.db,
      { vault: t.vault, dataMap: map, now: t.clock.now() },
      {
        email: "an.peeters@example.be",
        requestId: "r1",
      },
    );
    await publishAnchorEvent(
      t.database.db,
      { dataMap: map, clock: t.clock },
      {
        event: "request.closed",
        subjectId: note.subjectId,
        key: "r1",
      },
    );
    const source = (await readFile(defaultPolicyFile, "utf8")).replace(
      /event: request\.closed\n(\s+)years: 1/,
      "event: request.closed\n$1years: 2",
    );
    const preview = await submitForm(t, officer, "/admin/policy", "/admin/policy/preview", {
      source,
    });
    const hash = /name="hash" value="([0-9a-f]{16})"/.exec(preview.body)?.[1] ?? "";
    const base = /name="base" value="([0-9a-f]{16})"/.exec(preview.body)?.[1] ?? "";
    const activated = await submitForm(t, officer, "/admin/policy", "/admin/policy/activate", {
      source,
      hash,
      base,
    });
    assert.equal(activated.statusCode, 303, activated.body.slice(0, 2000));
    const [row] = await queryRows<{ retain_until: string | Date }>(
      t.database.db,
      sql`select retain_until from test_notes where id = ${note.id}`,
    );
    const twoYearsLater = new Date(closedAt);
    twoYearsLater.setUTCFullYear(closedAt.getUTCFullYear() + 2);
    assert.equal(new Date(row?.retain_until ?? 0).toISOString(), twoYearsLater.toISOString());
  });
});
