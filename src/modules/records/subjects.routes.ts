import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, sendPage, uuidParam } from "../../core/http/index.ts";
import { backOfficeContext, requireStaff, roleCan } from "../staff/index.ts";
import type { RecordsModuleDeps } from "./records-module-deps.ts";
import { auditSubjectView, readSubjectOverview, subjectExists } from "./subject-overview.ts";
import { SubjectPage, SubjectSearchPage } from "./subjects.pages.tsx";

const searchText = z.string().max(320).optional().default("");

/**
 * Finding a person by a strong identifier and showing what we hold about them, each record with
 * why we still hold it. Every view is audited; the back-office guard sends no-store.
 */
export function registerSubjectRoutes(app: FastifyInstance, deps: RecordsModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "subjects.read" } as const;

  typed.get(
    "/admin/subjects",
    {
      config,
      schema: { querystring: z.object({ email: searchText, phone: searchText, vat: searchText }) },
    },
    async (request, reply) => {
      const search = {
        email: request.query.email.trim(),
        phone: request.query.phone.trim(),
        vat: request.query.vat.trim(),
      };
      const asked = search.email !== "" || search.phone !== "" || search.vat !== "";
      const subjectId = asked
        ? await deps.vault.findSubject(deps.db, {
            email: search.email || undefined,
            phone: search.phone || undefined,
            vat: search.vat || undefined,
          })
        : undefined;
      if (subjectId) return reply.redirect(`/admin/subjects/${subjectId}`, 303);
      return sendPage(
        reply,
        h(SubjectSearchPage, {
          context: backOfficeContext(request, reply),
          search,
          notFound: asked,
        }),
      );
    },
  );

  typed.get(
    "/admin/subjects/:id",
    { config, schema: { params: z.object({ id: z.string() }) } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const subjectId = uuidParam(request.params.id);
      if (!subjectId || !(await subjectExists(deps.db, subjectId))) {
        throw new AppError("not_found");
      }
      const overview = await readSubjectOverview(deps, subjectId, {
        locale: request.locale,
        t: request.t,
        now: deps.clock.now(),
      });
      // Audited before anything is sent: a read that cannot be logged is not shown.
      await auditSubjectView(deps.db, deps.clock, { staffId: staff.staffId, overview });
      return sendPage(
        reply,
        h(SubjectPage, {
          context: backOfficeContext(request, reply),
          overview,
          auditHref: roleCan(staff.role, "audit.read")
            ? `/admin/audit?subjectId=${subjectId}`
            : undefined,
          disclosureHref: roleCan(staff.role, "registers.manage")
            ? `/admin/disclosures/new?subject=${subjectId}`
            : undefined,
        }),
      );
    },
  );
}
