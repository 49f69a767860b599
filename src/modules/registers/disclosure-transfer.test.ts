import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { buildExportContents } from "../../datamap/export/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { createRequest, type RightsDeps, rightsRequests } from "../rights/index.ts";
import { recordPortabilityTransfer } from "./disclosure-transfer.ts";
import { disclosuresOfSubject } from "./disclosures-of-subject.ts";

for (const kind of databaseKinds) {
  describe(`a portability transfer in the disclosure log on ${kind}`, () => {
    let t: TestApp;
    let policy: Policy;
    let privacy: SignedIn;

    before(async () => {
      t = await createTestApp(kind);
      ({ policy } = await loadActivePolicy(undefined));
      privacy = await setUpStaff(t, "privacy");
    });
    after(() => t.close());

    const rightsDeps = (): RightsDeps => ({
      db: t.database.db,
      vault: t.vault,
      dataMap: createDataMap(() => policy),
      clock: t.clock,
      config: t.config,
      policy: () => policy,
      effects: {
        unsubscribeNewsletter: async () => false,
        subjectsOfCustomer: async () => [],
        recordTransfer: (db, input) => recordPortabilityTransfer({ db, clock: t.clock }, input),
      },
    });

    /** The report the person gets when they next ask for access, as HTML. */
    const accessReport = async (subjectId: string) => {
      const contents = await buildExportContents(
        { ...rightsDeps(), disclosures: disclosuresOfSubject },
        {
          subjectId,
          locale: "nl",
          kind: "access",
          packageId: randomUUID(),
          createdAt: t.clock.now(),
          expiresAt: new Date(t.clock.now().getTime() + 86_400_000),
        },
      );
      return Buffer.from(contents.html).toString("utf8");
    };

    it("registers the package sent to the organisation the person named, and their next access report lists it", async () => {
      const email = `zoe.${randomUUID().slice(0, 8)}@voorbeeld.be`;
      const created = await createRequest(rightsDeps(), {
        channel: "email",
        locale: "nl",
        rights: [{ kind: "portability", to: "organisation" }],
        email,
        recipient: { name: "Acme BV", email: `dpo+${randomUUID()}@acme.example` },
        enteredBy: privacy.staffId,
      });
      await t.database.db
        .update(rightsRequests)
        .set({
          status: "verified",
          verifiedAt: t.clock.now(),
          verification: "email_link",
          verifiedBy: privacy.staffId,
        })
        .where(eq(rightsRequests.id, created.requestId));
      assert.equal((await disclosuresOfSubject(t.database.db, created.subjectId)).length, 0);

      const done = await submitForm(
        t,
        privacy.jar,
        "/admin",
        `/admin/rights/${created.requestId}/execute`,
        { right: "portability", to: "organisation" },
      );
      assert.equal(done.statusCode, 303, done.body);

      const [disclosure] = await disclosuresOfSubject(t.database.db, created.subjectId);
      assert.equal(disclosure?.recipient, "Acme BV");
      assert.equal(disclosure?.reference, created.reference);
      const report = await accessReport(created.subjectId);
      assert.ok(
        report.includes(`aan Acme BV (referentie ${created.reference}), op grond van art. 20 AVG`),
        "the person's next access report names the organisation",
      );
      const list = await t.app.inject({
        url: "/admin/disclosures",
        headers: { cookie: privacy.jar.header },
        remoteAddress: privacy.jar.ip,
      });
      assert.ok(list.body.includes("Acme BV"), "the register lists the transfer");
      assert.ok(!list.body.includes(email), "never the person's address");
    });
  });
}
