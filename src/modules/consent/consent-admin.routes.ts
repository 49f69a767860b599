import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { sendPage, uuidParam } from "../../core/http/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import { ConsentLookupPage } from "./consent-admin.pages.tsx";
import type { ConsentDeps } from "./consent-deps.ts";
import { linkConsentToSubject, lookUpConsent } from "./consent-proof.ts";

interface LookupState {
  query: string;
  notice?: string;
  error?: string;
  linkError?: string;
  subjectInput?: string;
  status?: number;
}

/**
 * Staff: every choice of one consent id (audited), and linking a consent id to a person for a
 * rights request. rights.manage, not subjects.read: looking up and linking proof of consent is
 * part of answering a rights request, which support and billing staff do not do.
 */
export function registerConsentAdminRoutes(app: FastifyInstance, deps: ConsentDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "rights.manage" } as const;

  const renderLookup = async (request: FastifyRequest, reply: FastifyReply, state: LookupState) => {
    const staff = requireStaff(request);
    const query = state.query.trim();
    const consentId = uuidParam(query);
    const invalid = query !== "" && !consentId;
    const choices = consentId
      ? await lookUpConsent(deps, { consentId, staffId: staff.staffId })
      : [];
    return sendPage(
      reply,
      h(ConsentLookupPage, {
        context: backOfficeContext(request, reply),
        query: state.query,
        consentId,
        choices,
        timeZone: deps.config.JOBS_TIMEZONE,
        notice: state.notice,
        error: invalid ? request.t("consent.admin.invalid") : state.error,
        linkError: state.linkError,
        subjectInput: state.subjectInput,
      }),
      state.status ?? (invalid ? 400 : 200),
    );
  };

  typed.get(
    "/admin/consent",
    {
      config,
      schema: {
        querystring: z.object({
          id: z.string().max(200).optional().default(""),
          done: z.enum(["linked"]).optional(),
          n: z.coerce.number().int().min(0).max(1_000_000).optional(),
        }),
      },
    },
    async (request, reply) =>
      renderLookup(request, reply, {
        query: request.query.id,
        notice:
          request.query.done === "linked"
            ? request.t("consent.admin.done.linked", { n: request.query.n ?? 0 })
            : undefined,
      }),
  );

  typed.post(
    "/admin/consent/link",
    {
      config,
      schema: {
        body: z.object({
          consentId: z.string().max(200).optional().default(""),
          subjectId: z.string().max(200).optional().default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const consentId = uuidParam(request.body.consentId.trim());
      if (!consentId) {
        return renderLookup(request, reply, { query: request.body.consentId, status: 400 });
      }
      const subjectId = uuidParam(request.body.subjectId.trim());
      const refuse = (linkError: string, status: number) =>
        renderLookup(request, reply, {
          query: consentId,
          linkError,
          subjectInput: request.body.subjectId,
          status,
        });
      if (!subjectId) return refuse(request.t("consent.admin.error.subject"), 400);
      const result = await linkConsentToSubject(deps, {
        consentId,
        subjectId,
        staffId: staff.staffId,
      });
      switch (result.status) {
        case "no_subject":
          return refuse(request.t("consent.admin.error.subject"), 404);
        case "no_choices":
          return refuse(request.t("consent.admin.none"), 404);
        case "linked_elsewhere":
          return refuse(request.t("consent.admin.error.elsewhere"), 409);
        case "linked":
          return reply.redirect(
            `/admin/consent?id=${consentId}&done=linked&n=${result.records}`,
            303,
          );
      }
    },
  );
}
