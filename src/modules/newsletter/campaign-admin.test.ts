import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import { mailsOf } from "../../../test/helpers/outbox.ts";
import { type SignedIn, setUpStaff, submitForm } from "../../../test/helpers/staff.ts";
import { loadActivePolicy } from "../../policy/index.ts";
import { createDataMap } from "../../record-types.ts";
import { parseScheduleTime, scheduleTimeValue } from "./campaign-schedule-time.ts";
import { enqueueDueCampaigns, readCampaign } from "./campaigns.ts";
import { grantTopics } from "./subscriber-store.ts";

const { policy } = await loadActivePolicy(undefined);

describe("schedule times in the organisation's time zone", () => {
  it("reads a datetime-local value as Brussels wall time, summer and winter", () => {
    const zone = "Europe/Brussels";
    assert.equal(
      parseScheduleTime("2026-01-15T10:30", zone)?.toISOString(),
      "2026-01-15T09:30:00.000Z",
    );
    assert.equal(
      parseScheduleTime("2026-07-15T10:30", zone)?.toISOString(),
      "2026-07-15T08:30:00.000Z",
    );
    assert.equal(scheduleTimeValue(new Date("2026-07-15T08:30:00Z"), zone), "2026-07-15T10:30");
    assert.equal(parseScheduleTime("2026-02-30T10:00", zone), undefined);
    assert.equal(parseScheduleTime("tomorrow", zone), undefined);
  });
});

for (const kind of databaseKinds) {
  describe(`newsletter campaign pages on ${kind} (issue 8, staff side)`, () => {
    let t: TestApp;
    let privacy: SignedIn;
    let billing: SignedIn;
    let campaignId: string;

    const get = (who: SignedIn, url: string) =>
      t.app.inject({ url, remoteAddress: who.jar.ip, headers: { cookie: who.jar.header } });
    const deps = () => ({
      db: t.database.db,
      vault: t.vault,
      clock: t.clock,
      dataMap: createDataMap(() => policy),
      config: { MAIL_FROM: t.config.MAIL_FROM, PUBLIC_URL: t.config.PUBLIC_URL },
      policy: () => policy,
      policyVersion: () => "test-policy",
    });
    const form = (fields: Record<string, string> = {}) => ({
      kind: "newsletter",
      subject: "Nieuws voor {{name}}",
      markdown: "Dag {{name}},\n\n<script>alert(1)</script> en **vet**.",
      topics: "news",
      intent: "save",
      ...fields,
    });
    const post = (who: SignedIn, action: string, fields: Record<string, string>) =>
      submitForm(t, who.jar, action.replace(/\/unschedule$/, ""), action, fields);

    before(async () => {
      t = await createTestApp(kind);
      privacy = await setUpStaff(t, "privacy");
      billing = await setUpStaff(t, "billing");
      for (const [name, email] of [
        ["Jan", "jan@example.be"],
        ["Marie", "marie@example.be"],
      ] as const) {
        const { subjectId } = await t.vault.ensureSubject(t.database.db, { email, name });
        await grantTopics(deps(), {
          subjectId,
          name,
          email,
          locale: "nl",
          grants: [{ topic: "news", wording: "Nieuws", source: "form", policyVersion: "v" }],
        });
      }
    });
    after(() => t.close());

    it("refuses every campaign page to a role without newsletter.manage", async () => {
      for (const url of ["/admin/newsletter/campaigns", "/admin/newsletter/campaigns/new"]) {
        const response = await get(billing, url);
        assert.equal(response.statusCode, 403, url);
      }
      const posted = await submitForm(
        t,
        billing.jar,
        "/admin",
        "/admin/newsletter/campaigns",
        form(),
      );
      assert.equal(posted.statusCode, 403);
      const dashboard = await get(billing, "/admin");
      assert.doesNotMatch(dashboard.body, /href="\/admin\/newsletter\/campaigns"/);
    });

    it("lists no campaigns yet, linked from the back office's navigation", async () => {
      const response = await get(privacy, "/admin/newsletter/campaigns");
      assert.equal(response.statusCode, 200, response.body);
      assert.match(response.body, /Nog geen campagnes\./);
      assert.match(response.body, /href="\/admin\/newsletter\/campaigns"/);
    });

    it("creates a draft and previews it with raw HTML escaped, as HTML part and text part", async () => {
      const created = await post(privacy, "/admin/newsletter/campaigns", form());
      assert.equal(created.statusCode, 303, created.body);
      const location = String(created.headers.location);
      const match = /^\/admin\/newsletter\/campaigns\/([0-9a-f-]{36})\?done=created$/.exec(
        location,
      );
      assert.ok(match?.[1], location);
      campaignId = match[1];
      const page = await get(privacy, location);
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /De campagne is aangemaakt\./);
      assert.doesNotMatch(page.body, /<script>alert\(1\)/);
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(page.body, /<strong>vet<\/strong>/);
      assert.match(page.body, /Dag An Peeters,/, "the preview is personalised for a sample reader");
      assert.match(page.body, /<pre class="campaign-text"/);
      assert.match(page.body, /Uitschrijven/);
      assert.match(page.body, /<input type="checkbox" name="topics" value="news" checked/);
    });

    it("refuses topics on a service notice and a schedule without a time, keeping what was typed", async () => {
      const url = `/admin/newsletter/campaigns/${campaignId}`;
      const notice = await post(privacy, url, form({ kind: "service_notice", subject: "Getypt" }));
      assert.equal(notice.statusCode, 400);
      assert.match(notice.body, /Een dienstmededeling heeft geen onderwerpen/);
      assert.match(notice.body, /value="Getypt"/);
      const noTime = await post(privacy, url, form({ intent: "schedule", scheduleAt: "" }));
      assert.equal(noTime.statusCode, 400);
      assert.match(noTime.body, /Kies een geldige datum en tijd/);
      assert.equal((await readCampaign(t.database.db, campaignId))?.status, "draft");
    });

    it("sends a test to the staff member's own address", async () => {
      const url = `/admin/newsletter/campaigns/${campaignId}`;
      const response = await post(privacy, url, form({ intent: "test" }));
      assert.equal(response.statusCode, 303, response.body);
      assert.equal(response.headers.location, `${url}?done=test`);
      const [mail] = await mailsOf(t, "newsletter.test");
      assert.equal(mail?.toAddress, privacy.email);
      assert.equal(mail?.subject, "[TEST] Nieuws voor Test privacy");
    });

    it("schedules in the organisation's time zone, and can go back to draft", async () => {
      const url = `/admin/newsletter/campaigns/${campaignId}`;
      const scheduled = await post(
        privacy,
        url,
        form({ intent: "schedule", scheduleAt: "2026-01-01T12:00" }),
      );
      assert.equal(scheduled.statusCode, 303, scheduled.body);
      const stored = await readCampaign(t.database.db, campaignId);
      assert.equal(stored?.status, "scheduled");
      assert.equal(stored?.scheduledAt?.toISOString(), "2026-01-01T11:00:00.000Z");
      const page = await get(privacy, `${url}?done=scheduled`);
      assert.match(page.body, /ingepland/);
      assert.doesNotMatch(page.body, /name="markdown"/, "a scheduled campaign is not editable");
      const edit = await post(privacy, url, form());
      assert.equal(edit.statusCode, 409);
      const back = await post(privacy, `${url}/unschedule`, {});
      assert.equal(back.statusCode, 303, back.body);
      assert.equal((await readCampaign(t.database.db, campaignId))?.status, "draft");
    });

    it("sends now and shows the progress once the job queued the mail", async () => {
      const url = `/admin/newsletter/campaigns/${campaignId}`;
      const response = await post(privacy, url, form({ intent: "send_now" }));
      assert.equal(response.statusCode, 303, response.body);
      assert.equal(response.headers.location, `${url}?done=sending`);
      const run = await enqueueDueCampaigns(deps());
      assert.equal(run.queued, 2);
      const page = await get(privacy, url);
      assert.match(page.body, /<td data-count="recipients">2<\/td>/);
      assert.match(page.body, /<td data-count="queued">2<\/td>/);
      assert.match(page.body, /verstuurd/);
      const list = await get(privacy, "/admin/newsletter/campaigns");
      assert.match(list.body, /Nieuws voor \{\{name\}\}/);
      assert.match(list.body, /Test privacy/);
    });

    it("answers 404 for a campaign that does not exist", async () => {
      assert.equal((await get(privacy, "/admin/newsletter/campaigns/nope")).statusCode, 404);
      assert.equal(
        (await get(privacy, "/admin/newsletter/campaigns/00000000-0000-4000-8000-000000000000"))
          .statusCode,
        404,
      );
    });
  });
}
