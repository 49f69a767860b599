import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { openProductTest, type ProductTest } from "../../../test/helpers/product-test.ts";
import { queryRows } from "../../core/db/database.ts";
import { loadActivePolicy, type Policy } from "../../policy/index.ts";
import {
  answerDeadline,
  deadlineState,
  effectiveDeadline,
  extendedDeadline,
} from "./request-deadline.ts";
import { extendRequest } from "./request-extension.ts";
import { createRequest } from "./request-intake.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { rightsTestDeps } from "./test-rights.ts";

const at = (iso: string) => new Date(iso);
const day = 24 * 60 * 60 * 1000;

describe("the answer deadline (30 days, or one calendar month when shorter)", () => {
  it("received 10 January: 9 February, 30 days coming before the month", () => {
    assert.deepEqual(answerDeadline(at("2026-01-10T09:00:00Z"), 30), at("2026-02-09T09:00:00Z"));
  });

  it("received 31 January: 28 February, the month clamped and earlier than 30 days", () => {
    assert.deepEqual(answerDeadline(at("2026-01-31T09:00:00Z"), 30), at("2026-02-28T09:00:00Z"));
  });

  it("in the leap year 2028 the month ends on 29 February", () => {
    assert.deepEqual(answerDeadline(at("2028-01-31T09:00:00Z"), 30), at("2028-02-29T09:00:00Z"));
    assert.deepEqual(answerDeadline(at("2028-01-30T09:00:00Z"), 30), at("2028-02-29T09:00:00Z"));
    assert.deepEqual(answerDeadline(at("2028-02-01T09:00:00Z"), 30), at("2028-03-01T09:00:00Z"));
  });

  it("a month of 31 days is longer than 30 days, so the statement's 30 days win", () => {
    assert.deepEqual(answerDeadline(at("2026-03-01T09:00:00Z"), 30), at("2026-03-31T09:00:00Z"));
  });
});

describe("extending the deadline (GDPR Art. 12(3))", () => {
  const deadlineAt = at("2026-02-09T09:00:00Z");
  const before = at("2026-02-01T12:00:00Z");

  it("counts 2 months from the original deadline, not from today", () => {
    assert.deepEqual(
      extendedDeadline({ deadlineAt, extendedUntil: null, months: 2, now: before }),
      { until: at("2026-04-09T09:00:00Z") },
    );
  });

  it("clamps at the end of a shorter month, from the original deadline", () => {
    assert.deepEqual(
      extendedDeadline({
        deadlineAt: at("2026-03-31T09:00:00Z"),
        extendedUntil: null,
        months: 1,
        now: at("2026-03-20T09:00:00Z"),
      }),
      { until: at("2026-04-30T09:00:00Z") },
    );
  });

  it("is refused once the deadline has passed", () => {
    assert.deepEqual(
      extendedDeadline({
        deadlineAt,
        extendedUntil: null,
        months: 1,
        now: new Date(deadlineAt.getTime() + 1),
      }),
      { problem: "after_deadline" },
    );
    assert.ok(
      "until" in extendedDeadline({ deadlineAt, extendedUntil: null, months: 1, now: deadlineAt }),
      "on the deadline itself it is still in time",
    );
  });

  it("is refused a second time", () => {
    assert.deepEqual(
      extendedDeadline({
        deadlineAt,
        extendedUntil: at("2026-03-09T09:00:00Z"),
        months: 1,
        now: before,
      }),
      { problem: "already_extended" },
    );
  });

  it("is refused for 3 months, for none, and for half a month", () => {
    for (const months of [3, 0, 1.5, -1]) {
      assert.deepEqual(
        extendedDeadline({ deadlineAt, extendedUntil: null, months, now: before }),
        { problem: "months_out_of_range" },
        `${months} months`,
      );
    }
  });

  it("the extension becomes the effective deadline", () => {
    const extendedUntil = at("2026-04-09T09:00:00Z");
    assert.equal(effectiveDeadline({ deadlineAt, extendedUntil }), extendedUntil);
    assert.equal(effectiveDeadline({ deadlineAt, extendedUntil: null }), deadlineAt);
    assert.equal(effectiveDeadline({ deadlineAt: null, extendedUntil: null }), null);
  });
});

describe("where a deadline stands", () => {
  const now = at("2026-02-01T12:00:00Z");
  const plus = (ms: number) => new Date(now.getTime() + ms);

  it("is overdue from the deadline itself on", () => {
    assert.equal(deadlineState(now, now), "overdue");
    assert.equal(deadlineState(plus(-day * 3), now), "overdue");
  });

  it("is due soon up to and including 7 days ahead, on time after that", () => {
    assert.equal(deadlineState(plus(1), now), "due_soon");
    assert.equal(deadlineState(plus(7 * day), now), "due_soon");
    assert.equal(deadlineState(plus(7 * day + 1), now), "on_time");
  });

  it("has no state without a deadline (a portal request not confirmed yet)", () => {
    assert.equal(deadlineState(null, now), "none");
  });
});

for (const kind of databaseKinds) {
  describe(`a request's deadline as stored on ${kind}`, () => {
    let product: ProductTest;
    let policy: Policy;
    let deps: RightsDeps;
    const staffId = "00000000-0000-4000-8000-0000000000ab";

    before(async () => {
      product = await openProductTest(kind);
      ({ policy } = await loadActivePolicy(undefined));
      deps = rightsTestDeps(product, policy);
    });
    after(() => product.database.close());

    const enter = () =>
      deps.db.transaction((tx) =>
        createRequest(
          { ...deps, db: tx },
          {
            channel: "post",
            locale: "nl",
            rights: [{ kind: "erasure" }],
            email: `brief.${crypto.randomUUID()}@voorbeeld.be`,
            enteredBy: staffId,
          },
        ),
      );
    const stored = async (requestId: string) => {
      const [row] = await queryRows<{ deadline_at: Date | string; extended_until: Date | null }>(
        deps.db,
        sql`select deadline_at, extended_until from rights_requests where id = ${requestId}`,
      );
      assert.ok(row);
      return {
        deadlineAt: new Date(row.deadline_at).toISOString(),
        extendedUntil: row.extended_until ? new Date(row.extended_until).toISOString() : null,
      };
    };

    it("a request entered on 31 January is due on 28 February, and 2 months later once extended", async () => {
      product.clock.set("2026-01-31T10:00:00Z");
      const made = await enter();
      assert.equal((await stored(made.requestId)).deadlineAt, "2026-02-28T10:00:00.000Z");
      product.clock.set("2026-02-20T10:00:00Z");
      const extended = await extendRequest(deps, {
        requestId: made.requestId,
        staffId,
        months: 2,
        reason: "Veel gegevens over verschillende diensten.",
      });
      assert.deepEqual(extended, { until: at("2026-04-28T10:00:00Z") });
      assert.deepEqual(await stored(made.requestId), {
        deadlineAt: "2026-02-28T10:00:00.000Z",
        extendedUntil: "2026-04-28T10:00:00.000Z",
      });
      const again = await extendRequest(deps, {
        requestId: made.requestId,
        staffId,
        months: 1,
        reason: "Nog meer tijd.",
      });
      assert.deepEqual(again, { problem: "already_extended" });
    });

    it("an extension asked after the deadline changes nothing", async () => {
      product.clock.set("2028-01-31T10:00:00Z");
      const made = await enter();
      assert.equal((await stored(made.requestId)).deadlineAt, "2028-02-29T10:00:00.000Z");
      product.clock.set("2028-03-01T10:00:00Z");
      const late = await extendRequest(deps, {
        requestId: made.requestId,
        staffId,
        months: 1,
        reason: "Te laat gezien.",
      });
      assert.deepEqual(late, { problem: "after_deadline" });
      assert.equal((await stored(made.requestId)).extendedUntil, null);
    });
  });
}
