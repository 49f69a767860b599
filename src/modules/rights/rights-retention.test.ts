import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { eq, sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { queryRows } from "../../core/db/database.ts";
import { eraseSubject, sweepRetention } from "../../datamap/index.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import { destroyIdCopies, storeIdCopy } from "./id-copy-store.ts";
import { createRequest } from "./request-intake.ts";
import { rightsIdCopies, rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { rightsTestDeps } from "./test-rights.ts";

const day = 24 * 60 * 60 * 1000;
const staffId = "00000000-0000-4000-8000-0000000000aa";
const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

for (const kind of databaseKinds) {
  describe(`rights requests under their own retention on ${kind}`, () => {
    let product: ProductTest;
    let policy: Policy;
    let deps: RightsDeps;

    before(async () => {
      product = await openProductTest(kind);
      ({ policy } = await loadActivePolicy(undefined));
      deps = rightsTestDeps(product, policy);
    });
    after(() => product.database.close());

    const sweep = () => sweepRetention(deps);
    const exists = async (table: "rights_requests" | "rights_id_copies", id: string) =>
      (
        await queryRows<{ id: string }>(
          deps.db,
          sql`select id::text as id from ${sql.identifier(table)} where id = ${id}`,
        )
      ).length === 1;

    it("a portal request nobody confirms is gone after 7 days, with its e-mail", async () => {
      const made = await deps.db.transaction((tx) =>
        createRequest(
          { ...deps, db: tx },
          {
            channel: "portal",
            locale: "nl",
            rights: [{ kind: "erasure" }],
            email: "nooit@voorbeeld.be",
          },
        ),
      );
      assert.ok(made.confirmToken, "a portal request gets a confirmation link");
      assert.equal(made.deadlineAt, null, "the clock starts at confirmation, not before");
      product.clock.advance(6 * day);
      await sweep();
      assert.ok(await exists("rights_requests", made.requestId), "kept for the 7 days");
      product.clock.advance(2 * day);
      await sweep();
      assert.equal(await exists("rights_requests", made.requestId), false);
    });

    it("an ID copy nobody decided on is destroyed 30 days after upload", async () => {
      const made = await deps.db.transaction((tx) =>
        createRequest(
          { ...deps, db: tx },
          {
            channel: "email",
            locale: "nl",
            rights: [{ kind: "access" }],
            email: "an.peeters@voorbeeld.be",
            enteredBy: staffId,
          },
        ),
      );
      const copyId = await storeIdCopy(deps, {
        requestId: made.requestId,
        subjectId: made.subjectId,
        bytes: png,
        mediaType: "image/png",
      });
      const [stored] = await deps.db
        .select()
        .from(rightsIdCopies)
        .where(eq(rightsIdCopies.id, copyId));
      assert.ok(stored, "stored");
      assert.equal(stored.fileCiphertext.includes(png), false, "the image is encrypted");
      product.clock.advance(29 * day);
      await sweep();
      assert.ok(await exists("rights_id_copies", copyId));
      product.clock.advance(2 * day);
      await sweep();
      assert.equal(await exists("rights_id_copies", copyId), false, "destroyed by the sweep");
      assert.ok(await exists("rights_requests", made.requestId), "the open request stays");
    });

    it("destroying a copy after the decision leaves a trace in the audit log and no image", async () => {
      const made = await deps.db.transaction((tx) =>
        createRequest(
          { ...deps, db: tx },
          {
            channel: "post",
            locale: "fr",
            rights: [{ kind: "portability", to: "self" }],
            email: "luc.dubois@exemple.be",
            enteredBy: staffId,
          },
        ),
      );
      const copyId = await storeIdCopy(deps, {
        requestId: made.requestId,
        subjectId: made.subjectId,
        bytes: png,
        mediaType: "image/png",
      });
      const destroyed = await destroyIdCopies(deps, {
        requestId: made.requestId,
        actor: { type: "staff", id: staffId },
        why: "decision_recorded",
      });
      assert.equal(destroyed, 1);
      assert.equal(await exists("rights_id_copies", copyId), false);
      const audit = await queryRows<{ action: string }>(
        deps.db,
        sql`select action from audit_log where record_id = ${copyId} order by seq`,
      );
      assert.deepEqual(
        audit.map((entry) => entry.action),
        ["rights.id_copy_uploaded", "rights.id_copy_destroyed"],
      );
    });

    it("an erasure request does not erase the open request that asked for it", async () => {
      const made = await deps.db.transaction((tx) =>
        createRequest(
          { ...deps, db: tx },
          {
            channel: "phone",
            locale: "nl",
            rights: [{ kind: "erasure" }],
            email: "wis.mij@voorbeeld.be",
            description: "Alles mag weg.",
            enteredBy: staffId,
          },
        ),
      );
      const results = await eraseSubject(deps, {
        subjectId: made.subjectId,
        actor: { type: "staff", id: staffId },
      });
      const request = results.find((result) => result.recordType.id === "rights.request");
      assert.equal(request?.kept, 1);
      assert.equal(request?.keptBecause?.kind, "legal_obligation");
      const [row] = await deps.db
        .select({ status: rightsRequests.status })
        .from(rightsRequests)
        .where(eq(rightsRequests.id, made.requestId));
      assert.equal(row?.status, "received");
    });
  });
}
