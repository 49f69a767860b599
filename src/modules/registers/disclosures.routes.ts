import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { backOfficeContext, listStaff, requireStaff } from "../staff/index.ts";
import {
  type DisclosureField,
  type DisclosureForm,
  type DisclosureProblem,
  disclosureBody,
  disclosureFormOf,
  emptyDisclosureForm,
  latestDisclosureDay,
  readDisclosureForm,
} from "./disclosure-form.ts";
import {
  DisclosureDetailPage,
  DisclosureListPage,
  NewDisclosurePage,
} from "./disclosures.pages.tsx";
import { findDisclosure, listDisclosures, recordDisclosure } from "./disclosures.service.ts";
import type { RegistersDeps } from "./registers-deps.ts";

const done = doneNotices({ recorded: "disclosures.done.recorded" });

/**
 * /admin/disclosures: the disclosure log (statement, "Ontvangers van gegevens": no disclosure
 * unless the law obliges us). registers.manage only: the log says who is under investigation.
 */
export function registerDisclosureRoutes(app: FastifyInstance, deps: RegistersDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "registers.manage" } as const;

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: DisclosureForm,
    problems: Partial<Record<DisclosureField, DisclosureProblem>> = {},
  ) => {
    const texts = Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [
        field,
        request.t(problem.key, problem.params),
      ]),
    );
    return sendPage(
      reply,
      h(NewDisclosurePage, {
        context: backOfficeContext(request, reply),
        form,
        latestDay: latestDisclosureDay(deps.clock.now()),
        problems: texts,
      }),
      Object.keys(texts).length > 0 ? 400 : 200,
    );
  };

  typed.get(
    "/admin/disclosures",
    { config, schema: { querystring: done.query } },
    async (request, reply) =>
      sendPage(
        reply,
        h(DisclosureListPage, {
          context: backOfficeContext(request, reply),
          disclosures: await listDisclosures(deps.db),
          notice: done.text(request.t, request.query.done),
        }),
      ),
  );

  typed.get(
    "/admin/disclosures/new",
    { config, schema: { querystring: z.object({ subject: z.string().max(100).optional() }) } },
    async (request, reply) => {
      // Opened from a person's page: that person is the first line, as their subject id.
      const subjectId = request.query.subject ? uuidParam(request.query.subject) : undefined;
      return renderForm(
        request,
        reply,
        emptyDisclosureForm(isoDay(deps.clock.now()), subjectId ?? ""),
      );
    },
  );

  typed.post(
    "/admin/disclosures/new",
    { config, schema: { body: disclosureBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const form = disclosureFormOf(request.body);
      const read = await readDisclosureForm(deps, form, deps.clock.now());
      if (!read.ok) return renderForm(request, reply, form, read.problems);
      const row = await recordDisclosure(deps, {
        disclosure: read.disclosure,
        staffId: staff.staffId,
      });
      return reply.redirect(`/admin/disclosures/${row.id}?done=recorded`, 303);
    },
  );

  typed.get(
    "/admin/disclosures/:id",
    { config, schema: { params: z.object({ id: z.string().max(100) }), querystring: done.query } },
    async (request, reply) => {
      const disclosureId = uuidParam(request.params.id);
      const view = disclosureId ? await findDisclosure(deps.db, disclosureId) : undefined;
      if (!view) throw new AppError("not_found");
      const staff = await listStaff(deps.db);
      const recordedBy = staff.find((account) => account.id === view.disclosure.recordedBy);
      return sendPage(
        reply,
        h(DisclosureDetailPage, {
          context: backOfficeContext(request, reply),
          view,
          recordedBy: recordedBy?.displayName ?? view.disclosure.recordedBy,
          notice: done.text(request.t, request.query.done),
        }),
      );
    },
  );
}
