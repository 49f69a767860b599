import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  breachClock,
  latestStage,
  notificationDeadline,
  reachedStages,
  triageOverdue,
} from "./breach-deadline.ts";

const hour = 60 * 60 * 1000;
const discoveredAt = new Date("2026-03-02T08:30:00Z");
const at = (hours: number) => new Date(discoveredAt.getTime() + hours * hour);
const running = { discoveredAt, authorityNotifiedAt: null, authorityReasoning: "" };

describe("the 72-hour clock of a breach (GDPR Art. 33(1))", () => {
  it("ends 72 hours after discovery, whatever the day or daylight saving", () => {
    assert.equal(notificationDeadline(discoveredAt).toISOString(), "2026-03-05T08:30:00.000Z");
    // Brussels moves its clocks on 29 March 2026: the authority counts hours, not wall time.
    const beforeDst = new Date("2026-03-28T10:00:00Z");
    assert.equal(notificationDeadline(beforeDst).toISOString(), "2026-03-31T10:00:00.000Z");
  });

  it("counts whole hours left, then whole hours overdue", () => {
    assert.deepEqual(breachClock(running, at(31)), {
      state: "running",
      deadline: at(72),
      hoursLeft: 41,
    });
    assert.equal((breachClock(running, at(71.99)) as { hoursLeft: number }).hoursLeft, 0);
    assert.deepEqual(breachClock(running, at(77)), {
      state: "overdue",
      deadline: at(72),
      hoursOverdue: 5,
    });
    assert.equal((breachClock(running, at(72)) as { hoursOverdue: number }).hoursOverdue, 1);
  });

  it("stops once the authority is notified or the reasons not to notify are written down", () => {
    const notified = new Date(at(10));
    assert.deepEqual(breachClock({ ...running, authorityNotifiedAt: notified }, at(100)), {
      state: "notified",
      at: notified,
    });
    assert.deepEqual(
      breachClock({ ...running, authorityReasoning: "Versleutelde laptop, geen risico." }, at(100)),
      { state: "not_notifying" },
    );
    assert.deepEqual(
      breachClock({ ...running, authorityReasoning: "   " }, at(1)).state,
      "running",
    );
    assert.deepEqual(breachClock({ ...running, discoveredAt: null }, at(1)), {
      state: "not_started",
    });
  });

  it("reaches the reminder stages at 48 h, 66 h and 72 h after discovery", () => {
    assert.deepEqual(reachedStages(discoveredAt, at(47.99)), []);
    assert.deepEqual(reachedStages(discoveredAt, at(48)), ["48h"]);
    assert.deepEqual(reachedStages(discoveredAt, at(65.9)), ["48h"]);
    assert.deepEqual(reachedStages(discoveredAt, at(66)), ["48h", "66h"]);
    assert.deepEqual(reachedStages(discoveredAt, at(72)), ["48h", "66h", "overdue"]);
    assert.equal(latestStage(discoveredAt, at(30)), undefined);
    assert.equal(latestStage(discoveredAt, at(70)), "66h");
    assert.equal(latestStage(discoveredAt, at(500)), "overdue");
  });

  it("calls a report overdue for triage after a day", () => {
    assert.equal(triageOverdue(discoveredAt, at(23.9)), false);
    assert.equal(triageOverdue(discoveredAt, at(24)), true);
  });
});
