import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type CookieJar, setUpStaff, signIn } from "../../../test/helpers/staff.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";

/** Codes and dates that are structure, not text a reader meets (they steer the engines). */
const structuralKeys = new Set([
  "id",
  "kind",
  "event",
  "restartOn",
  "unlessCondition",
  "category",
  "party",
  "legalBasis",
  "country",
  "contractDate",
  "reviewDate",
  // Shown as their labels ("standaardcontractbepalingen", "e-mailadres"), not as the codes.
  "transferBasis",
  "dataCategories",
  "expires",
  "purposes",
  "transfersOutsideEea",
  "answerDays",
  "idCopyRequiredFor",
  "redact",
  "quarantine",
  "notify",
  "years",
  "months",
  "days",
]);

/** Every Dutch or plain text value of the policy, with its path. */
function readableTexts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => readableTexts(item, `${path}[${i}]`));
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.nl === "string" && typeof record.en === "string") return [[path, record.nl]];
    return Object.entries(record)
      .filter(([key]) => !structuralKeys.has(key))
      .flatMap(([key, inner]) => readableTexts(inner, path ? `${path}.${key}` : key));
  }
  return [];
}

const squash = (text: string) =>
  text
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/""/g, '"')
    .replace(/\s+/g, " ");

describe("Art. 30 record of processing in the back office", () => {
  const kind = databaseKinds[0] ?? "pglite";
  let t: TestApp;
  let policy: Policy;
  let officer: CookieJar;

  before(async () => {
    t = await createTestApp(kind);
    ({ policy } = await loadActivePolicy(undefined));
    officer = await signIn(t, await setUpStaff(t, "privacy"));
  });
  after(() => t.close());

  const get = (url: string) =>
    t.app.inject({ url, headers: { cookie: officer.header, "accept-language": "nl" } });

  it("shows the record as a printable page, and offers CSV and JSON", async () => {
    const page = await get("/admin/record");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Register van verwerkingsactiviteiten/);
    const csv = await get("/admin/record.csv");
    assert.match(String(csv.headers["content-type"]), /text\/csv/);
    assert.match(String(csv.headers["content-disposition"]), /attachment; filename="art30-record-/);
    assert.equal(csv.body.charCodeAt(0), 0xfeff);
    const json = await get("/admin/record.json");
    assert.equal(json.json().entries.length, policy.purposes.length);
  });

  it("together with the statement and cookie policy, shows every text of the policy", async () => {
    const pages = await Promise.all(
      ["/privacy?contact=show", "/cookies"].map((url) =>
        t.app.inject({ url, headers: { "accept-language": "nl" } }),
      ),
    );
    const csv = await get("/admin/record.csv");
    const shown = squash([...pages.map((page) => page.body), csv.body].join(" "));
    const missing = readableTexts(policy)
      .filter(([, text]) => !shown.includes(text.replace(/\s+/g, " ").slice(0, 60)))
      .map(([path]) => path);
    assert.deepEqual(missing, []);
  });
});
