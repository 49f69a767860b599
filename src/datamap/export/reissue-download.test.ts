import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { listAudit } from "../../audit/index.ts";
import { uniquePerson } from "../../vault/test-vault.ts";
import { downloadExportFile, openExportPackage } from "./download-export.ts";
import { exportSubject } from "./export-subject.ts";
import { reissuePackageLink } from "./reissue-download.ts";

const days = (n: number) => n * 24 * 60 * 60_000;

for (const kind of databaseKinds) {
  describe(`a new download link for a package on ${kind}`, () => {
    let p: ProductTest;

    before(async () => {
      p = await openProductTest(kind);
    });
    after(() => p.database.close());

    const deps = () => ({ db: p.database.db, vault: p.vault, clock: p.clock });

    const packageFor = async () => {
      const { subjectId } = await p.vault.ensureSubject(p.database.db, uniquePerson());
      const made = await exportSubject(
        { ...deps(), dataMap: p.dataMap, publicUrl: "https://privacy.example.be" },
        { subjectId, locale: "nl", kind: "access", actor: { type: "system" } },
      );
      return { subjectId, made };
    };

    it("opens the package with the new token, no longer with the old, and keeps its expiry", async () => {
      const { subjectId, made } = await packageFor();
      p.clock.advance(days(2));
      const link = await reissuePackageLink(deps(), made.packageId.toUpperCase());
      assert.ok(link);
      assert.notEqual(link.token, made.token);
      assert.equal(link.expiresAt.toISOString(), made.expiresAt.toISOString());

      const fresh = await downloadExportFile(deps(), {
        packageId: made.packageId,
        token: link.token,
        file: "zip",
      });
      assert.equal(fresh.status, "available");
      const old = await openExportPackage(deps(), { packageId: made.packageId, token: made.token });
      assert.equal(old.status, "not_found", "only the newest link works");

      const { entries } = await listAudit(p.database.db, {
        action: "rights.export_link_reissued",
        subjectId,
        limit: 5,
      });
      assert.equal(entries.length, 1);
      assert.equal(entries[0]?.recordId, made.packageId);
      assert.equal(entries[0]?.actorType, "subject");
      assert.equal(entries[0]?.actorId, subjectId);
    });

    it("gives nothing for an expired, unknown or malformed package, and changes nothing", async () => {
      const { subjectId, made } = await packageFor();
      p.clock.advance(days(8));
      assert.equal(await reissuePackageLink(deps(), made.packageId), undefined);
      assert.equal(await reissuePackageLink(deps(), crypto.randomUUID()), undefined);
      assert.equal(
        await reissuePackageLink(deps(), "'; drop table export_packages; --"),
        undefined,
      );
      const expired = await openExportPackage(deps(), {
        packageId: made.packageId,
        token: made.token,
      });
      assert.equal(expired.status, "expired", "the old link still tells it expired");
      const { entries } = await listAudit(p.database.db, {
        action: "rights.export_link_reissued",
        subjectId,
        limit: 5,
      });
      assert.deepEqual(entries, []);
    });
  });
}
