import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { type Locale, locales, type Translate } from "../../core/i18n/index.ts";
import { scheduleTimeValue } from "../newsletter/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import { BreachDetailPage, type LinkFormState } from "./breach-detail.pages.tsx";
import {
  type BreachFieldName,
  type BreachFormValues,
  type BreachProblems,
  breachFormValues,
  breachTimeZone,
  parseBreachFields,
  policyDataCategories,
} from "./breach-fields.ts";
import { NewBreachPage } from "./breach-form.pages.tsx";
import { BreachNoticePage } from "./breach-notice.pages.tsx";
import {
  draftNotice,
  type NoticeTexts,
  noticeRecipients,
  queueBreachNotice,
} from "./breach-notice.ts";
import { affectedPeople, linkAffectedPeople, unlinkAffectedPerson } from "./breach-subjects.ts";
import { BreachListPage } from "./breaches.pages.tsx";
import {
  type Breach,
  changeBreachStatus,
  createBreach,
  getBreach,
  listBreaches,
  type StatusChange,
  updateBreach,
} from "./breaches.service.ts";
import { identifierLines } from "./people-concerned.ts";
import type { RegistersDeps } from "./registers-deps.ts";

const done = doneNotices({
  created: "breaches.done.created",
  saved: "breaches.done.saved",
  unchanged: "breaches.done.unchanged",
  dismiss: "breaches.done.dismiss",
  treat: "breaches.done.treat",
  close: "breaches.done.close",
  reopen: "breaches.done.reopen",
  linked: "breaches.done.linked",
  unlinked: "breaches.done.unlinked",
  queued: "breaches.done.queued",
});

const idParams = z.object({ id: z.string().max(100) });
/** Checkbox lists arrive as arrays, everything else as strings. */
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string()).max(500)]));

function problemTexts(t: Translate, problems: BreachProblems) {
  const texts: Partial<Record<BreachFieldName, string>> = {};
  for (const [name, key] of Object.entries(problems)) {
    if (key) texts[name as BreachFieldName] = t(key);
  }
  return texts;
}

/** The stored breach as the form shows it: times in the organisation's wall clock. */
function formValuesOf(breach: Breach): BreachFormValues {
  const time = (at: Date | null) => (at ? scheduleTimeValue(at, breachTimeZone) : "");
  return {
    title: breach.title,
    nature: breach.nature,
    discoveredAt: time(breach.discoveredAt),
    categories: breach.categories,
    approxPeople: breach.approxPeople?.toString() ?? "",
    approxRecords: breach.approxRecords?.toString() ?? "",
    consequences: breach.consequences,
    measures: breach.measures,
    highRisk: breach.highRisk ? "yes" : "no",
    authorityNotifiedAt: time(breach.authorityNotifiedAt),
    authorityReference: breach.authorityReference ?? "",
    authorityReasoning: breach.authorityReasoning,
    peopleNotifiedAt: time(breach.peopleNotifiedAt),
    peopleReasoning: breach.peopleReasoning,
  };
}

/**
 * The breach register (GDPR Art. 33(5)) for the privacy officer: the list with each 72-hour clock,
 * new breaches, triage of misuse reports, every fact of a breach, the affected people and the
 * Art. 34 notice to them. registers.manage: admin and privacy roles.
 */
export function registerBreachRoutes(app: FastifyInstance, deps: RegistersDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "registers.manage" } as const;
  const categories = () => policyDataCategories(deps.policy());
  const parse = (values: BreachFormValues) =>
    parseBreachFields(values, {
      now: deps.clock.now(),
      knownCategories: new Set(categories().map((category) => category.id)),
    });

  const breachOr404 = async (id: string) => {
    const breachId = uuidParam(id);
    const breach = breachId ? await getBreach(deps.db, breachId) : undefined;
    if (!breach) throw new AppError("not_found");
    return breach;
  };

  const renderDetail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    breach: Breach,
    state: {
      values?: BreachFormValues;
      problems?: BreachProblems;
      link?: LinkFormState;
      notice?: string | undefined;
      error?: string;
      status?: number;
    } = {},
  ) =>
    sendPage(
      reply,
      h(BreachDetailPage, {
        context: backOfficeContext(request, reply),
        breach,
        now: deps.clock.now(),
        values: state.values ?? formValuesOf(breach),
        problems: problemTexts(request.t, state.problems ?? {}),
        categories: categories(),
        people: await affectedPeople(deps.db, breach.id),
        link: state.link ?? { identifiers: "" },
        notice: state.notice,
        error: state.error,
      }),
      state.status ?? 200,
    );

  typed.get(
    "/admin/breaches",
    { config, schema: { querystring: done.query } },
    async (request, reply) =>
      sendPage(
        reply,
        h(BreachListPage, {
          context: backOfficeContext(request, reply),
          breaches: await listBreaches(deps.db, deps.clock.now()),
          now: deps.clock.now(),
          notice: done.text(request.t, request.query.done),
        }),
      ),
  );

  const renderNew = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: BreachFormValues,
    problems: BreachProblems,
    status: number,
  ) =>
    sendPage(
      reply,
      h(NewBreachPage, {
        context: backOfficeContext(request, reply),
        values,
        problems: problemTexts(request.t, problems),
        categories: categories(),
      }),
      status,
    );

  typed.get("/admin/breaches/new", { config }, async (request, reply) =>
    // The clock starts when we became aware: most often the moment the form is opened.
    renderNew(
      request,
      reply,
      { discoveredAt: scheduleTimeValue(deps.clock.now(), breachTimeZone), highRisk: "no" },
      {},
      200,
    ),
  );

  typed.post(
    "/admin/breaches/new",
    { config, schema: { body: formBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const values = breachFormValues(request.body);
      const parsed = parse(values);
      if (!parsed.ok) return renderNew(request, reply, values, parsed.problems, 400);
      const breach = await createBreach(deps, { staffId: staff.staffId, fields: parsed.fields });
      return reply.redirect(`/admin/breaches/${breach.id}?done=created`, 303);
    },
  );

  typed.get(
    "/admin/breaches/:id",
    { config, schema: { params: idParams, querystring: done.query } },
    async (request, reply) =>
      renderDetail(request, reply, await breachOr404(request.params.id), {
        notice: done.text(request.t, request.query.done),
      }),
  );

  typed.post(
    "/admin/breaches/:id",
    { config, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const breach = await breachOr404(request.params.id);
      const values = breachFormValues(request.body);
      const parsed = parse(values);
      if (!parsed.ok) {
        return renderDetail(request, reply, breach, {
          values,
          problems: parsed.problems,
          status: 400,
        });
      }
      const result = await updateBreach(deps, {
        staffId: staff.staffId,
        breachId: breach.id,
        fields: parsed.fields,
      });
      if (result === "not_found") throw new AppError("not_found");
      return reply.redirect(`/admin/breaches/${breach.id}?done=${result}`, 303);
    },
  );

  for (const change of ["dismiss", "treat", "close", "reopen"] as const satisfies StatusChange[]) {
    typed.post(
      `/admin/breaches/:id/${change}`,
      { config, schema: { params: idParams, body: z.object({ _csrf: z.string().optional() }) } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const breach = await breachOr404(request.params.id);
        const result = await changeBreachStatus(deps, {
          staffId: staff.staffId,
          breachId: breach.id,
          change,
        });
        if (result === "not_found") throw new AppError("not_found");
        if (result === "not_allowed") {
          return renderDetail(request, reply, breach, {
            error: request.t("breaches.error.status", {
              status: request.t(`breaches.status.${breach.status}`),
            }),
            status: 409,
          });
        }
        return reply.redirect(`/admin/breaches/${breach.id}?done=${change}`, 303);
      },
    );
  }

  typed.post(
    "/admin/breaches/:id/people",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          identifiers: z.string().max(100_000).optional().default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const breach = await breachOr404(request.params.id);
      const identifiers = identifierLines(request.body.identifiers);
      const refuse = (error: string, lines: string) =>
        renderDetail(request, reply, breach, {
          link: { identifiers: lines, error },
          status: 400,
        });
      if (identifiers.length === 0) {
        return refuse(request.t("breaches.people.error.empty"), request.body.identifiers);
      }
      const result = await linkAffectedPeople(deps, {
        staffId: staff.staffId,
        breachId: breach.id,
        identifiers,
      });
      if (result.unmatched.length > 0) {
        // The matches are linked; what matched nobody stays in the box to be corrected.
        return refuse(
          request.t("breaches.people.error.unmatched", {
            linked: result.linked,
            count: result.unmatched.length,
          }),
          result.unmatched.join("\n"),
        );
      }
      return reply.redirect(`/admin/breaches/${breach.id}?done=linked#breach-people`, 303);
    },
  );

  typed.post(
    "/admin/breaches/:id/people/:subjectId/unlink",
    {
      config,
      schema: {
        params: idParams.extend({ subjectId: z.string().max(100) }),
        body: z.object({ _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const breach = await breachOr404(request.params.id);
      const subjectId = uuidParam(request.params.subjectId);
      const removed =
        subjectId &&
        (await unlinkAffectedPerson(deps, {
          staffId: staff.staffId,
          breachId: breach.id,
          subjectId,
        }));
      if (!removed) throw new AppError("not_found");
      return reply.redirect(`/admin/breaches/${breach.id}?done=unlinked#breach-people`, 303);
    },
  );

  const renderNotice = async (
    request: FastifyRequest,
    reply: FastifyReply,
    breach: Breach,
    texts: NoticeTexts,
    problems: Partial<Record<Locale, string>> = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      h(BreachNoticePage, {
        context: backOfficeContext(request, reply),
        breach,
        texts,
        recipients: await noticeRecipients(deps, breach.id),
        problems,
      }),
      status,
    );

  typed.get(
    "/admin/breaches/:id/notice",
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const breach = await breachOr404(request.params.id);
      return renderNotice(request, reply, breach, draftNotice(deps.policy(), breach));
    },
  );

  typed.post(
    "/admin/breaches/:id/notice",
    { config, schema: { params: idParams, body: formBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const breach = await breachOr404(request.params.id);
      const field = (name: string) => {
        const value = request.body[name];
        return typeof value === "string" ? value.slice(0, 20_000).trim() : "";
      };
      const texts = {} as NoticeTexts;
      const problems: Partial<Record<Locale, string>> = {};
      for (const locale of locales) {
        texts[locale] = { subject: field(`subject_${locale}`), text: field(`text_${locale}`) };
        const { subject, text } = texts[locale];
        if (subject === "" || subject.length > 200 || text === "") {
          problems[locale] = request.t("breaches.notice.error.empty");
        }
      }
      if (Object.keys(problems).length > 0) {
        return renderNotice(request, reply, breach, texts, problems, 400);
      }
      await queueBreachNotice(deps, { staffId: staff.staffId, breach, texts });
      return reply.redirect(`/admin/breaches/${breach.id}?done=queued#breach-people`, 303);
    },
  );
}
