import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringify } from "yaml";
import { translator } from "../../core/i18n/index.ts";
import { loadActivePolicy, type Policy, parsePolicy } from "../../policy/index.ts";
import { statementSections } from "./statement-sections.ts";
import { changedSections } from "./versions.pages.tsx";

const t = translator("nl");
const sections = (policy: Policy) => statementSections(policy, "nl", t);

describe("comparing two versions section by section", () => {
  it("sees changes that are not prose: contact address, cookie category, topics, authority", async () => {
    const { policy } = await loadActivePolicy(undefined);
    const changed: Policy = structuredClone(policy);
    changed.organisation.privacyEmail = "someone-else@example.com";
    changed.cookies = changed.cookies.map((cookie) => ({ ...cookie, category: "necessary" }));
    changed.newsletterTopics = [];
    changed.organisation.supervisoryAuthority.address = "Elders 1, 1000 Brussel";
    const titles = changedSections(sections(policy), sections(changed)).map((c) => c.title);
    assert.ok(titles.includes(t("statement.controller.title")), titles.join(" | "));
    assert.ok(titles.includes(t("statement.cookies")), titles.join(" | "));
    assert.ok(titles.includes(t("statement.complaint")), titles.join(" | "));
    assert.ok(
      titles.some((title) => /nieuwsbrie/i.test(title)),
      titles.join(" | "),
    );
    assert.deepEqual(changedSections(sections(policy), sections(structuredClone(policy))), []);
  });

  it("refuses links on public pages that are not web addresses", async () => {
    const { policy } = await loadActivePolicy(undefined);
    const hostile = structuredClone(policy) as unknown as { organisation: { website: string } };
    hostile.organisation.website = "javascript:alert(1)";
    const result = parsePolicy(stringify(hostile));
    assert.ok("problems" in result);
    assert.match(JSON.stringify(result.problems), /organisation\.website.*https:\/\//);
  });
});
