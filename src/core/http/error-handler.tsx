import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import type { $ZodRawIssue } from "zod/v4/core";
import { databaseUnavailableReason } from "../db/database-unavailable-reason.ts";
import { isMessageKey, type Locale, type Translate } from "../i18n/index.ts";
import { AppError, codeForStatus, type FieldProblem } from "./app-error.ts";
import { Layout, pageContext, sendPage } from "./layout.tsx";
import { isApi } from "./security.ts";

/** A PostgreSQL restart takes seconds; a client retrying sooner only adds to the queue. */
const retryAfterSeconds = 10;

type ZodLocaleError = (issue: $ZodRawIssue) => string | { message: string } | undefined | null;

// zod ships translated validation messages; we only translate field names and our own keys.
const zodMessages: Record<Locale, ZodLocaleError> = {
  nl: z.locales.nl().localeError as ZodLocaleError,
  en: z.locales.en().localeError as ZodLocaleError,
  fr: z.locales.fr().localeError as ZodLocaleError,
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // An "internal" AppError may wrap an outage too (its cause); any other code was decided on.
    const decided = error instanceof AppError && error.code !== "internal";
    const outage = decided ? undefined : databaseUnavailableReason(error);
    if (outage !== undefined) return sendDatabaseUnavailable(request, reply, error, outage);
    const appError = toAppError(error, request);
    if (appError.statusCode >= 500) {
      request.log.error({ err: error }, "request failed");
    } else {
      request.log.info({ code: appError.code, status: appError.statusCode }, "request refused");
    }
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError("not_found")));
}

/**
 * A database restart or network cut is not a bug: the visitor is told to try again in their
 * language (503, with Retry-After for API clients), and the log gets one line with the reason,
 * no stack, so an outage under load does not bury the log in traces.
 */
function sendDatabaseUnavailable(
  request: FastifyRequest,
  reply: FastifyReply,
  error: FastifyError,
  reason: string,
): FastifyReply {
  request.log.warn({ reason, status: 503 }, "database unavailable");
  reply.header("retry-after", String(retryAfterSeconds));
  return sendError(request, reply, new AppError("unavailable", { cause: error }));
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || "body",
      message: problemText(request, {
        ...(issue.params as object),
        code: issue.keyword,
        message: issue.message,
        path: [],
      } as unknown as $ZodRawIssue),
    }));
    return new AppError("validation", { fields });
  }
  if (typeof error.code === "string" && error.code.startsWith("FST_CSRF")) {
    return new AppError("csrf");
  }
  if (isMalformedBody(error)) return new AppError("bad_request", { cause: error });
  const status = error.statusCode ?? 500;
  return new AppError(codeForStatus(status), { cause: error });
}

/**
 * The multipart parser (@fastify/busboy) reports a broken body with plain errors and no status;
 * they are the sender's fault, not ours.
 */
const malformedBodyMessages = [
  "Multipart: Boundary not found",
  "Boundary required",
  "Unexpected end of multipart data",
  // A file part cut off by the end of the body, seen while its bytes are read.
  "Part terminated early due to unexpected end of multipart data",
  "Malformed part header",
];

function isMalformedBody(error: FastifyError): boolean {
  return error.statusCode === undefined && malformedBodyMessages.includes(error.message);
}

function problemText(request: FastifyRequest, issue: $ZodRawIssue & { message?: string }): string {
  if (isMessageKey(issue.message)) return request.t(issue.message);
  const translated = zodMessages[request.locale](issue);
  if (typeof translated === "string") return translated;
  if (translated?.message) return translated.message;
  return request.t("error.field.invalid");
}

function fieldLabel(t: Translate, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

export function wantsJson(request: FastifyRequest): boolean {
  if (isApi(request)) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  const t = request.t;
  const message = t(error.messageKey, error.options.params);
  const fields: FieldProblem[] = (error.options.fields ?? []).map((problem) => ({
    field: problem.field,
    message: t("error.field", { field: fieldLabel(t, problem.field), problem: problem.message }),
  }));
  if (wantsJson(request)) {
    return reply.code(error.statusCode).send({
      error: { code: error.code, message, fields, requestId: request.id },
    });
  }
  const context = pageContext(request, reply);
  const title = error.code === "not_found" ? t("error.title.not_found") : t("error.title");
  return sendPage(
    reply,
    <Layout context={context} title={title}>
      <article class="error-page">
        <h1>{title}</h1>
        <p role="alert">{message}</p>
        {fields.length > 0 && (
          <ul>
            {fields.map((problem) => (
              <li key={problem.field}>{problem.message}</li>
            ))}
          </ul>
        )}
        <p>
          <a href={sameOriginReferer(request) ?? "/"}>
            {sameOriginReferer(request) ? t("error.back") : t("error.home")}
          </a>
        </p>
        {error.statusCode >= 500 && (
          <p>
            <small>{t("error.reference", { requestId: request.id })}</small>
          </p>
        )}
      </article>
    </Layout>,
    error.statusCode,
  );
}

/** The back link without JavaScript: only a path on this site, never an arbitrary URL. */
function sameOriginReferer(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    if (url.host !== request.host) return undefined;
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
