import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { csrfToken, humanCheck, pageContext, sendPage } from "../../core/http/index.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import { sendContactSentPage, sentQuery, sentQuerySchema } from "../contact/index.ts";
import { receiveMisuseReport } from "../registers/index.ts";
import type { QuarantineHook, SensitiveDataHook } from "../scanner/index.ts";
import { type ReportFormState, SecurityPage } from "./security.pages.tsx";
import {
  keptReportValues,
  parseReportFields,
  type ReportField,
  type ReportProblems,
} from "./security-report.schema.ts";
import { securityTxt } from "./security-txt.ts";

export interface SecurityDeps {
  config: Pick<Config, "PUBLIC_URL" | "MAIL_FROM" | "CONTACT_POSTS_PER_MINUTE">;
  policy: () => Policy;
  /** A misuse report goes through the contact intake: encrypted, screened, kept by its rule. */
  db: Db;
  clock: Clock;
  vault: Vault;
  dataMap: DataMap;
  sensitiveData: SensitiveDataHook;
  quarantine?: QuarantineHook | undefined;
}

/**
 * /security for people, with the misuse report form, and /.well-known/security.txt for
 * researchers' tools. A report lands in the contact inbox and in the breach register to triage.
 */
export function registerSecurityRoutes(app: FastifyInstance, deps: SecurityDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  // Stricter than the global limit, like the contact form: nobody reports ten times a minute.
  const postLimit = { max: deps.config.CONTACT_POSTS_PER_MINUTE, timeWindow: 60_000 };
  const human = humanCheck({
    clock: deps.clock,
    sign: (value) => deps.vault.keyedHash("security-report.rendered", value),
  });

  const renderPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: Partial<Pick<ReportFormState, "values" | "formProblem">> & {
      problems?: ReportProblems;
    } = {},
    statusCode = 200,
  ) => {
    const problems: Partial<Record<ReportField, string>> = {};
    for (const [field, key] of Object.entries(state.problems ?? {})) {
      if (key) problems[field as ReportField] = request.t(key);
    }
    return sendPage(
      reply,
      h(SecurityPage, {
        context: pageContext(request, reply),
        policy: deps.policy(),
        form: {
          csrf: csrfToken(reply),
          rendered: human.rendered(),
          values: state.values ?? {},
          problems,
          formProblem: state.formProblem,
        },
      }),
      statusCode,
    );
  };

  app.get("/.well-known/security.txt", async (_request, reply) =>
    reply
      .type("text/plain; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(securityTxt(deps.policy(), deps.config.PUBLIC_URL)),
  );
  app.get("/security", async (request, reply) => renderPage(request, reply));

  typed.post(
    "/security/report",
    {
      config: { rateLimit: postLimit },
      schema: { body: z.record(z.string(), z.unknown()) },
    },
    async (request, reply) => {
      const body = request.body;
      const values = keptReportValues(body);
      const bot = human.check(body);
      if (bot !== "ok") {
        request.log.info({ reason: bot }, "misuse report refused as automated");
        const formProblem = request.t(`contact-form.error.${bot}`);
        return renderPage(request, reply, { values, formProblem }, 400);
      }
      const parsed = parseReportFields(body);
      if (!parsed.ok) return renderPage(request, reply, { values, problems: parsed.problems }, 400);
      const { contact } = await receiveMisuseReport(deps, {
        ...parsed.fields,
        locale: request.locale,
        ip: request.ip,
      });
      return reply.redirect(
        `/security/sent?${sentQuery(contact.reference, contact.screening)}`,
        303,
      );
    },
  );

  typed.get(
    "/security/sent",
    { schema: { querystring: sentQuerySchema } },
    async (request, reply) =>
      sendContactSentPage(request, reply, request.query, {
        title: request.t("security.sent.title"),
        next: request.t("security.sent.next"),
      }),
  );
}
