import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contactRequestRecordType } from "../../modules/contact/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { buildAccessReport } from "./access-report.ts";

const { policy: defaultPolicy } = await loadActivePolicy(undefined);

/** The contact section of the report of someone with one contact request, under a policy. */
function contactSection(policy: Policy) {
  const report = buildAccessReport({
    dataMap: createDataMap(() => policy),
    records: {
      subjectId: "00000000-0000-4000-8000-000000000001",
      byType: [
        {
          recordType: contactRequestRecordType,
          records: [
            {
              id: "00000000-0000-4000-8000-000000000002",
              subjectId: "00000000-0000-4000-8000-000000000001",
              recordType: contactRequestRecordType,
              values: {},
              retainUntil: null,
              retentionReason: { code: "until_objection" },
            },
          ],
        },
      ],
    },
    locale: "nl",
    kind: "access",
    packageId: "p",
    createdAt: new Date("2026-11-26T10:00:00Z"),
    expiresAt: new Date("2026-12-26T10:00:00Z"),
    holds: [],
    disclosures: [],
  });
  const section = report.recordTypes.find((type) => type.id === contactRequestRecordType.id);
  assert.ok(section);
  return section;
}

describe("the access report's transfers outside the EEA (Art. 15(2))", () => {
  it("says none when every processor of the purpose is in the EEA", () => {
    assert.match(contactSection(defaultPolicy).transfers, /^Geen/);
  });

  it("names a processor of the purpose outside the EEA with its ground, as the register has it", () => {
    const [first, ...rest] = defaultPolicy.processors;
    if (!first) throw new Error("the default policy has processors");
    assert.ok(first.purposes.includes("contact"));
    const policy: Policy = {
      ...defaultPolicy,
      processors: [{ ...first, country: "US", transferBasis: "scc" }, ...rest],
    };
    const transfers = contactSection(policy).transfers;
    assert.match(transfers, new RegExp(`${first.name} \\(US\\): standaardcontractbepalingen`));
  });
});
