import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import {
  AppError,
  allowEmbedding,
  csrfToken,
  humanCheck,
  type PageContext,
  pageContext,
  sendPage,
} from "../../core/http/index.ts";
import { isLocale, type Locale } from "../../core/i18n/index.ts";
import { reissuePackageLink } from "../../datamap/export/index.ts";
import { ExportGonePage } from "./export.pages.tsx";
import {
  acceptIdCopy,
  expectsIdCopy,
  type IdCopyUpload,
  maxIdCopyBytes,
} from "./id-copy-upload.ts";
import {
  CheckYourMailPage,
  ConfirmPage,
  type LinkProblem,
  LinkProblemPage,
  RequestFormPage,
} from "./portal.pages.tsx";
import {
  confirmBody,
  downloadBody,
  type PortalField,
  type PortalProblems,
  parsePortalRequest,
  portalApiBody,
  portalFieldNames,
  statusQuery,
} from "./portal.schema.ts";
import { purposesOpenTo } from "./portal-purposes.ts";
import { describeRight } from "./portal-right-label.ts";
import { StatusPage } from "./portal-status.pages.tsx";
import { submitPortalRequest } from "./portal-submission.ts";
import { announcesTooMuch, readUploadForm } from "./portal-upload-form.ts";
import { checkConfirmLink, confirmRequest } from "./request-confirmation.ts";
import { type FormFields, formFields, keptValues } from "./request-form-values.ts";
import { unconfirmedLifetimeDays } from "./request-intake.ts";
import { availableDownloads, findByStatusLink, readRequestStatus } from "./request-status.ts";
import type { RightsRequestRow } from "./request-store.ts";
import { statusToken } from "./request-token.ts";
import type { RightsDeps } from "./rights-deps.ts";

const idParams = z.object({ id: z.string() });

/** A refused upload: what the person is told, and with which status. */
const uploadRefusals = {
  not_expected: { key: "rights-portal.id.error.not_expected", status: 409 },
  empty: { key: "rights-portal.id.error.empty", status: 400 },
  too_large: { key: "rights-portal.id.error.too_large", status: 413 },
  not_an_image: { key: "rights-portal.id.error.not_an_image", status: 415 },
} as const satisfies Record<Exclude<IdCopyUpload["status"], "stored">, unknown>;

/**
 * The person's side of a rights request: the form and its API, the e-mail confirmation, and the
 * status page with the ID upload and the downloads. Mail scanners open links: every GET only
 * shows a page, and only a POST changes anything.
 */
export function registerPortalRoutes(app: FastifyInstance, deps: RightsDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;
  // As strict as the contact form: each post mails an address typed by a stranger.
  const postLimit = { max: config.CONTACT_POSTS_PER_MINUTE, timeWindow: 60_000 };

  const human = humanCheck({
    clock: deps.clock,
    sign: (value) => deps.vault.keyedHash("rights-portal.rendered", value),
  });

  const statusPath = (requestId: string) =>
    `/privacy/request/${requestId}?token=${statusToken(deps.vault, requestId)}`;

  const linkProblem = (request: FastifyRequest, reply: FastifyReply, problem: LinkProblem) =>
    sendPage(
      reply,
      h(LinkProblemPage, {
        context: pageContext(request, reply),
        problem,
        days: unconfirmedLifetimeDays,
      }),
      problem === "expired" ? 410 : 404,
    );

  // ---- The request form ------------------------------------------------------------------------

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      values?: FormFields;
      problems?: PortalProblems;
      formProblem?: "automated" | "expired";
    },
    statusCode = 200,
  ) => {
    const context = pageContext(request, reply);
    const { t, locale } = context;
    const policy = deps.policy();
    const problems: Partial<Record<PortalField, string>> = {};
    for (const [field, key] of Object.entries(state.problems ?? {})) {
      if (key) problems[field as PortalField] = t(key);
    }
    const idRights = policy.rights.idCopyRequiredFor;
    return sendPage(
      reply,
      h(RequestFormPage, {
        context,
        csrf: csrfToken(reply),
        rendered: human.rendered(),
        values: keptValues(state.values ?? {}),
        problems,
        formProblem: state.formProblem && t(`rights-portal.form.error.${state.formProblem}`),
        intro: policy.rights.text[locale],
        requestEmail: policy.rights.requestEmail ?? policy.organisation.privacyEmail,
        purposes: {
          objection: purposesOpenTo(policy, "objection", locale),
          withdraw: purposesOpenTo(policy, "withdraw_consent", locale),
        },
        idCopy:
          idRights.length === 0
            ? undefined
            : {
                rights: idRights.map((kind) => t(`rights-portal.right.${kind}`)).join(", "),
                instructions: policy.rights.idCopyInstructions[locale],
              },
        answerDays: policy.rights.answerDays,
        confirmDays: unconfirmedLifetimeDays,
      }),
      statusCode,
    );
  };

  typed.get("/privacy/request", async (request, reply) => renderForm(request, reply, {}));

  typed.post("/privacy/request", { config: { rateLimit: postLimit } }, async (request, reply) => {
    const fields = formFields(request.body);
    const bot = human.check(fields);
    if (bot !== "ok") {
      request.log.info({ reason: bot }, "rights request refused as automated");
      return renderForm(request, reply, { values: fields, formProblem: bot }, 400);
    }
    const parsed = parsePortalRequest(deps.policy(), fields);
    if (!parsed.ok) {
      return renderForm(request, reply, { values: fields, problems: parsed.problems }, 400);
    }
    await submitPortalRequest(deps, { request: parsed.request, locale: request.locale });
    // The same answer whether or not we hold anything about the address.
    return reply.redirect("/privacy/request/check-your-mail", 303);
  });

  typed.get("/privacy/request/check-your-mail", async (request, reply) =>
    sendPage(
      reply,
      h(CheckYourMailPage, { context: pageContext(request, reply), days: unconfirmedLifetimeDays }),
    ),
  );

  const corsHeaders = allowEmbedding(app, "/api/privacy/requests", config.CONTACT_CORS_ORIGINS);

  typed.post(
    "/api/privacy/requests",
    {
      config: { rateLimit: postLimit },
      schema: {
        tags: ["rights"],
        summary: "Submit a request about your personal data",
        description:
          "Mails a confirmation link to the address; the request counts as received once it is used. The answer is the same whether or not we hold data about the address. Errors come in the language of Accept-Language. Browsers may call it from the origins in CONTACT_CORS_ORIGINS.",
        body: portalApiBody,
        response: { 202: z.object({ status: z.literal("check_your_mail") }) },
      },
      onSend: corsHeaders,
    },
    async (request, reply) => {
      const parsed = parsePortalRequest(deps.policy(), request.body);
      if (!parsed.ok) {
        const fields = portalFieldNames.flatMap((field) => {
          const key = parsed.problems[field];
          return key ? [{ field, message: request.t(key) }] : [];
        });
        throw new AppError("validation", { fields });
      }
      const requested = request.body.locale;
      const locale: Locale = isLocale(requested) ? requested : request.locale;
      await submitPortalRequest(deps, { request: parsed.request, locale });
      return reply.code(202).send({ status: "check_your_mail" as const });
    },
  );

  // ---- The confirmation link -------------------------------------------------------------------

  // A GET never confirms: mail scanners fetch every link in a mail before the person does.
  typed.get(
    "/privacy/request/confirm",
    { schema: { querystring: statusQuery } },
    async (request, reply) => {
      keepPrivate(reply);
      const link = await checkConfirmLink(deps, request.query.token);
      if (link.status !== "valid") return linkProblem(request, reply, link.status);
      return sendPage(
        reply,
        h(ConfirmPage, {
          context: pageContext(request, reply),
          csrf: csrfToken(reply),
          token: String(request.query.token),
        }),
      );
    },
  );

  typed.post(
    "/privacy/request/confirm",
    { config: { rateLimit: postLimit } },
    async (request, reply) => {
      keepPrivate(reply);
      const body = confirmBody.safeParse(request.body);
      if (!body.success) return linkProblem(request, reply, "invalid");
      const outcome = await confirmRequest(deps, { token: body.data.token });
      if (outcome.status !== "confirmed") return linkProblem(request, reply, outcome.status);
      return reply.redirect(statusPath(outcome.requestId), 303);
    },
  );

  // ---- The status page -------------------------------------------------------------------------

  const renderStatus = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: RightsRequestRow,
    state: { uploadProblem?: string } = {},
    statusCode = 200,
  ) => {
    // A page shown after a post switches language on the status link, which a GET finds.
    const context: PageContext = { ...pageContext(request, reply), path: statusPath(found.id) };
    const { t, locale } = context;
    const policy = deps.policy();
    const view = await readRequestStatus(deps, found);
    const authority = policy.organisation.supervisoryAuthority;
    return sendPage(
      reply,
      h(StatusPage, {
        context,
        csrf: csrfToken(reply),
        view,
        rights: view.rights.map((right) => describeRight(right, { t, locale, policy })),
        token: statusToken(deps.vault, found.id),
        authority: {
          name: authority.name[locale],
          address: authority.address,
          url: authority.url,
          email: authority.email,
        },
        idCopyInstructions: policy.rights.idCopyInstructions[locale],
        maxUploadMb: maxIdCopyBytes / (1024 * 1024),
        uploadProblem: state.uploadProblem,
      }),
      statusCode,
    );
  };

  typed.get(
    "/privacy/request/:id",
    { schema: { params: idParams, querystring: statusQuery } },
    async (request, reply) => {
      keepPrivate(reply);
      const found = await findByStatusLink(deps, {
        requestId: request.params.id,
        token: request.query.token,
      });
      if (!found) return linkProblem(request, reply, "status");
      return renderStatus(request, reply, found);
    },
  );

  typed.post(
    "/privacy/request/:id/id-copy",
    {
      config: { multipartForm: true, rateLimit: postLimit },
      schema: { params: idParams, querystring: statusQuery },
    },
    async (request, reply) => {
      keepPrivate(reply);
      // The link is checked before the body is read: a stranger's upload is never parsed.
      const found = await findByStatusLink(deps, {
        requestId: request.params.id,
        token: request.query.token,
      });
      if (!found) return linkProblem(request, reply, "status");
      const refuse = (why: keyof typeof uploadRefusals) => {
        const refusal = uploadRefusals[why];
        const uploadProblem = request.t(refusal.key, { mb: maxIdCopyBytes / (1024 * 1024) });
        return renderStatus(request, reply, found, { uploadProblem }, refusal.status);
      };
      if (!expectsIdCopy(found)) return refuse("not_expected");
      if (!request.isMultipart()) return refuse("empty");
      if (announcesTooMuch(request, maxIdCopyBytes)) {
        // The rest of the body is not read; the connection closes once the page is sent.
        reply.header("connection", "close");
        return refuse("too_large");
      }
      const upload = await readUploadForm(request, reply, maxIdCopyBytes);
      const outcome = await acceptIdCopy(deps, { request: found, ...upload });
      if (outcome.status !== "stored") return refuse(outcome.status);
      return reply.redirect(statusPath(found.id), 303);
    },
  );

  typed.post(
    "/privacy/request/:id/download",
    { config: { rateLimit: postLimit }, schema: { params: idParams } },
    async (request, reply) => {
      keepPrivate(reply);
      const body = downloadBody.safeParse(request.body);
      if (!body.success) return linkProblem(request, reply, "status");
      const found = await findByStatusLink(deps, {
        requestId: request.params.id,
        token: body.data.token,
      });
      if (!found) return linkProblem(request, reply, "status");
      const packageId = body.data.packageId.toLowerCase();
      const step = found.outcome.find(
        (candidate) => candidate.packageId?.toLowerCase() === packageId,
      );
      // Only the packages of this request, and only the person's own.
      if (!step || step.transferredAt) return linkProblem(request, reply, "status");
      const listed = await availableDownloads(deps, [step]);
      const link = listed.length > 0 ? await reissuePackageLink(deps, packageId) : undefined;
      if (!link) {
        const expiresAt = step.packageExpiresAt ? new Date(step.packageExpiresAt) : undefined;
        const expired = expiresAt !== undefined && expiresAt <= deps.clock.now();
        return sendPage(
          reply,
          h(ExportGonePage, {
            context: pageContext(request, reply),
            ...(expired ? { expiresAt } : {}),
          }),
          410,
        );
      }
      return reply.redirect(
        `/privacy/export/${packageId}?token=${encodeURIComponent(link.token)}`,
        303,
      );
    },
  );
}

/** Pages reached by a secret link stay out of caches, search engines and Referer headers. */
function keepPrivate(reply: FastifyReply): void {
  reply
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .header("x-robots-tag", "noindex, nofollow");
}
