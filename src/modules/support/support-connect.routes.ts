import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { csrfToken, humanCheck, pageContext, sendPage } from "../../core/http/index.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { handOverWithCode } from "./support.service.ts";
import { ConnectedPage, ConnectFormPage } from "./support-connect.pages.tsx";
import {
  formStrings,
  type HandOverProblems,
  parseHandOverFields,
  parseSessionCode,
} from "./support-connect-fields.ts";
import type { SupportModuleDeps } from "./support-deps.ts";

/**
 * A code has 6 digits: a million guesses. Ten tries a minute per address keeps a guesser far
 * from any code in its 30 minutes, and a person who mistypes still gets through.
 */
const connectPostsPerMinute = 10;

/**
 * The customer's side: /support/connect, where the TeamViewer ID and password are handed to the
 * technician with the code read out on the phone. The password goes from the parsed body to the
 * process's password store and nowhere else: not into a page, a log line or an error.
 */
export function registerSupportConnectRoutes(app: FastifyInstance, deps: SupportModuleDeps): void {
  const human = humanCheck({
    clock: deps.clock,
    sign: (value) => deps.vault.keyedHash("support-connect.rendered", value),
  });

  const retentionText = (locale: Locale) =>
    deps.dataMap.policy.purposes.find((purpose) => purpose.id === "support")?.retention.text[
      locale
    ];

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      fields?: Record<string, string>;
      problems?: HandOverProblems;
      formProblem?:
        | "support.connect.error.unknown"
        | "support.connect.error.expired"
        | "support.connect.error.automated"
        | "support.connect.error.expired_form";
    },
    statusCode = 200,
  ) => {
    const context = pageContext(request, reply);
    const { t } = context;
    const fields = state.fields ?? {};
    const problems: Partial<Record<keyof HandOverProblems, string>> = {};
    for (const [field, key] of Object.entries(state.problems ?? {})) {
      if (key) problems[field as keyof HandOverProblems] = t(key);
    }
    return sendPage(
      reply,
      h(ConnectFormPage, {
        context,
        csrf: csrfToken(reply),
        rendered: human.rendered(),
        // Kept so the visitor does not type them again; capped; the password never comes back.
        values: {
          code: (fields.code ?? "").slice(0, 12),
          teamviewerId: (fields.teamviewerId ?? "").slice(0, 20),
          objected: (fields.objected ?? "") !== "",
        },
        problems,
        formProblem: state.formProblem && t(state.formProblem),
        retention: retentionText(context.locale),
      }),
      statusCode,
    );
  };

  // The home page links here as "/support".
  app.get("/support", async (request, reply) => {
    const query = request.url.split("?", 2)[1];
    return reply.redirect(query ? `/support/connect?${query}` : "/support/connect", 303);
  });

  app.get("/support/connect", async (request, reply) => renderForm(request, reply, {}));

  app.post(
    "/support/connect",
    { config: { rateLimit: { max: connectPostsPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      // Whatever the answer, it carried a form with a password in it: never cached.
      reply.header("cache-control", "no-store");
      const fields = formStrings(request.body);
      const bot = human.check(fields);
      if (bot !== "ok") {
        request.log.info({ reason: bot }, "support connect refused as automated");
        const formProblem =
          bot === "expired"
            ? "support.connect.error.expired_form"
            : "support.connect.error.automated";
        return renderForm(request, reply, { fields, formProblem }, 400);
      }
      const code = parseSessionCode(fields.code);
      const parsed = parseHandOverFields(fields);
      if (!code || !parsed.ok) {
        const problems: HandOverProblems = {
          ...(code ? {} : { code: "support.connect.error.code" }),
          ...(parsed.ok ? {} : parsed.problems),
        };
        return renderForm(request, reply, { fields, problems }, 400);
      }
      const outcome = await handOverWithCode(deps, { code, ...parsed.fields });
      if (outcome !== "connected") {
        request.log.info({ outcome }, "support code refused");
        return renderForm(
          request,
          reply,
          { fields, formProblem: `support.connect.error.${outcome}` },
          outcome === "expired" ? 410 : 400,
        );
      }
      return reply.redirect("/support/connect/done", 303);
    },
  );

  app.get("/support/connect/done", async (request, reply) =>
    sendPage(reply, h(ConnectedPage, { context: pageContext(request, reply) })),
  );
}
