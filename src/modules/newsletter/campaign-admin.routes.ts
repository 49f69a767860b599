import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { backOfficeContext, listStaff, requireStaff } from "../staff/index.ts";
import {
  type CampaignFormValues,
  CampaignListPage,
  CampaignPage,
  campaignIntents,
} from "./campaign-admin.pages.tsx";
import { parseScheduleTime, scheduleTimeValue } from "./campaign-schedule-time.ts";
import {
  type Campaign,
  type CampaignDraft,
  CampaignError,
  campaignProgress,
  campaignsProgress,
  createCampaign,
  listCampaigns,
  previewCampaign,
  readCampaign,
  scheduleCampaign,
  sendCampaignNow,
  sendTestMail,
  systemAuthorId,
  unscheduleCampaign,
  updateCampaign,
} from "./campaigns.ts";
import { campaignKinds } from "./newsletter.tables.ts";
import type { NewsletterModuleDeps } from "./newsletter-deps.ts";
import { topicChoices } from "./topics.ts";

const notices = {
  created: "newsletter-admin.done.created",
  saved: "newsletter-admin.done.saved",
  test: "newsletter-admin.done.test",
  scheduled: "newsletter-admin.done.scheduled",
  sending: "newsletter-admin.done.sending",
  unscheduled: "newsletter-admin.done.unscheduled",
} as const;
const done = doneNotices(notices);
type Done = keyof typeof notices;

/** A problem staff caused, and the status its page is sent with. */
const problemStatus = {
  not_found: 404,
  not_draft: 409,
  not_scheduled: 409,
  empty: 400,
  notice_topics: 400,
  no_topics: 400,
  unknown_topic: 400,
  unknown_placeholder: 400,
} as const;

const campaignForm = z.object({
  _csrf: z.string().optional(),
  kind: z.enum(campaignKinds).optional().default("newsletter"),
  subject: z.string().max(200).optional().default(""),
  markdown: z.string().max(100_000).optional().default(""),
  // One ticked box arrives as a string, several as an array.
  topics: z
    .union([z.string().max(64), z.array(z.string().max(64)).max(100)])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
  scheduleAt: z.string().max(40).optional().default(""),
  intent: z.enum(campaignIntents).optional().default("save"),
});
type CampaignForm = z.infer<typeof campaignForm>;

/**
 * Staff: campaigns and service notices. A draft is written in Markdown and previewed as a
 * reader gets it (HTML part and text part); it can be mailed to oneself, scheduled or sent now.
 * The campaign job does the queueing, so no request waits for 100,000 mails.
 */
export function registerCampaignAdminRoutes(
  app: FastifyInstance,
  deps: NewsletterModuleDeps,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "newsletter.manage" } as const;
  const timeZone = deps.config.JOBS_TIMEZONE;

  const authorName = async () => {
    const names = new Map((await listStaff(deps.db)).map((staff) => [staff.id, staff.displayName]));
    return (request: FastifyRequest, createdBy: string) =>
      createdBy === systemAuthorId
        ? request.t("newsletter-admin.author.system")
        : (names.get(createdBy) ?? createdBy.slice(0, 8));
  };

  const renderCampaign = async (
    request: FastifyRequest,
    reply: FastifyReply,
    campaign: Campaign | undefined,
    options: { values?: CampaignFormValues; notice?: string; error?: string; status?: number } = {},
  ) => {
    const sampleName = request.t("newsletter-admin.preview.sample_name");
    const author = campaign ? (await authorName())(request, campaign.createdBy) : undefined;
    return sendPage(
      reply,
      h(CampaignPage, {
        context: backOfficeContext(request, reply),
        campaign,
        author,
        values: options.values ?? storedValues(campaign, timeZone),
        topics: topicChoices(deps.policy(), request.locale),
        progress:
          campaign && campaign.status !== "draft"
            ? await campaignProgress(deps.db, campaign.id)
            : undefined,
        preview: campaign
          ? previewCampaign(deps, campaign, { name: sampleName, locale: request.locale })
          : undefined,
        sampleName,
        timeZone,
        notice: options.notice,
        error: options.error,
      }),
      options.status,
    );
  };

  /** A refused draft: the page again, with what was typed and why it was refused. */
  const refused = async (
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    campaign: Campaign | undefined,
    values: CampaignFormValues | undefined,
  ) => {
    if (!(error instanceof CampaignError)) throw error;
    if (error.problem === "not_found") throw new AppError("not_found");
    return renderCampaign(request, reply, campaign, {
      values,
      error: request.t(`newsletter-admin.error.${error.problem}`, { placeholder: "{{name}}" }),
      status: problemStatus[error.problem],
    });
  };

  /** What the pressed button asks for, once the draft is saved. */
  const carryOut = async (
    request: FastifyRequest,
    reply: FastifyReply,
    campaign: Campaign,
    form: CampaignForm,
    saved: Done,
  ) => {
    const staff = requireStaff(request);
    const done = (what: Done) =>
      reply.redirect(`/admin/newsletter/campaigns/${campaign.id}?done=${what}`, 303);
    try {
      switch (form.intent) {
        case "save":
          return done(saved);
        case "test":
          await sendTestMail(deps, {
            campaignId: campaign.id,
            staffId: staff.staffId,
            to: staff.email,
            name: staff.displayName,
            locale: request.locale,
          });
          return done("test");
        case "schedule": {
          const at = parseScheduleTime(form.scheduleAt, timeZone);
          if (!at) throw new Error("schedule time checked before saving");
          await scheduleCampaign(deps, { campaignId: campaign.id, staffId: staff.staffId, at });
          return done("scheduled");
        }
        case "send_now":
          await sendCampaignNow(deps, { campaignId: campaign.id, staffId: staff.staffId });
          return done("sending");
      }
    } catch (error) {
      return refused(request, reply, error, await readCampaign(deps.db, campaign.id), undefined);
    }
  };

  /** A schedule needs a time; checked before anything is saved, so the refusal changes nothing. */
  const badScheduleTime = (form: CampaignForm) =>
    form.intent === "schedule" && !parseScheduleTime(form.scheduleAt, timeZone);

  typed.get("/admin/newsletter/campaigns", { config }, async (request, reply) => {
    const campaigns = await listCampaigns(deps.db);
    const progress = await campaignsProgress(
      deps.db,
      campaigns.map((campaign) => campaign.id),
    );
    const author = await authorName();
    return sendPage(
      reply,
      h(CampaignListPage, {
        context: backOfficeContext(request, reply),
        lines: campaigns.map((campaign) => ({
          campaign,
          progress: progress.get(campaign.id),
          author: author(request, campaign.createdBy),
        })),
        timeZone,
      }),
    );
  });

  typed.get("/admin/newsletter/campaigns/new", { config }, async (request, reply) =>
    renderCampaign(request, reply, undefined),
  );

  typed.post(
    "/admin/newsletter/campaigns",
    { config, schema: { body: campaignForm } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const form = request.body;
      if (badScheduleTime(form)) {
        return renderCampaign(request, reply, undefined, {
          values: formValues(form),
          error: request.t("newsletter-admin.error.schedule_at"),
          status: 400,
        });
      }
      let campaign: Campaign;
      try {
        campaign = await createCampaign(deps, { draft: draftOf(form), staffId: staff.staffId });
      } catch (error) {
        return refused(request, reply, error, undefined, formValues(form));
      }
      return carryOut(request, reply, campaign, form, "created");
    },
  );

  typed.get(
    "/admin/newsletter/campaigns/:id",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        querystring: done.query,
      },
    },
    async (request, reply) => {
      const campaign = await campaignFrom(request.params.id);
      return renderCampaign(request, reply, campaign, {
        notice: done.text(request.t, request.query.done),
      });
    },
  );

  typed.post(
    "/admin/newsletter/campaigns/:id",
    { config, schema: { params: z.object({ id: z.string() }), body: campaignForm } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const current = await campaignFrom(request.params.id);
      const form = request.body;
      if (badScheduleTime(form)) {
        return renderCampaign(request, reply, current, {
          values: formValues(form),
          error: request.t("newsletter-admin.error.schedule_at"),
          status: 400,
        });
      }
      let campaign: Campaign;
      try {
        campaign = await updateCampaign(deps, {
          campaignId: current.id,
          draft: draftOf(form),
          staffId: staff.staffId,
        });
      } catch (error) {
        return refused(request, reply, error, current, formValues(form));
      }
      return carryOut(request, reply, campaign, form, "saved");
    },
  );

  typed.post(
    "/admin/newsletter/campaigns/:id/unschedule",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        body: z.object({ _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const current = await campaignFrom(request.params.id);
      try {
        await unscheduleCampaign(deps, { campaignId: current.id, staffId: staff.staffId });
      } catch (error) {
        return refused(request, reply, error, current, undefined);
      }
      return reply.redirect(`/admin/newsletter/campaigns/${current.id}?done=unscheduled`, 303);
    },
  );

  async function campaignFrom(id: string): Promise<Campaign> {
    const campaignId = uuidParam(id);
    const campaign = campaignId ? await readCampaign(deps.db, campaignId) : undefined;
    if (!campaign) throw new AppError("not_found");
    return campaign;
  }
}

function draftOf(form: CampaignForm): CampaignDraft {
  return { kind: form.kind, subject: form.subject, markdown: form.markdown, topics: form.topics };
}

function formValues(form: CampaignForm): CampaignFormValues {
  return { ...draftOf(form), scheduleAt: form.scheduleAt };
}

function storedValues(campaign: Campaign | undefined, timeZone: string): CampaignFormValues {
  if (!campaign)
    return { kind: "newsletter", subject: "", markdown: "", topics: [], scheduleAt: "" };
  return {
    kind: campaign.kind,
    subject: campaign.subject,
    markdown: campaign.markdown,
    topics: campaign.topics,
    scheduleAt: campaign.scheduledAt ? scheduleTimeValue(campaign.scheduledAt, timeZone) : "",
  };
}
