import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import {
  AppError,
  allowEmbedding,
  csrfToken,
  type FieldProblem,
  humanCheck,
  isApi,
  pageContext,
  sendPage,
  verifyMultipartCsrf,
} from "../../core/http/index.ts";
import { isLocale, type Locale, type Translate, translator } from "../../core/i18n/index.ts";
import {
  type ContactField,
  type ContactFields,
  type ContactProblems,
  contactApiBody,
  contactFieldNames,
  parseContactFields,
} from "./contact.schema.ts";
import type { ContactAttachmentInput } from "./contact.service.ts";
import { receiveContactRequest } from "./contact.service.ts";
import { ContactFormPage } from "./contact-form.pages.tsx";
import type { ContactModuleDeps } from "./contact-module-deps.ts";
import { sendContactSentPage } from "./contact-sent.ts";
import { screeningNotices, sentQuery, sentQuerySchema } from "./screening-notice.ts";
import { sniffAttachment } from "./sniff-attachment.ts";

/** Enough for 10,000 characters of any script; a longer field is cut and then refused. */
const maxFieldBytes = 64 * 1024;

/** A problem with one attachment, as an i18n key and its parameters, so both sides can word it. */
type FileProblem =
  | { key: "contact-form.file.too_many"; params: { max: number } }
  | {
      key: "contact-form.file.too_large" | "contact-form.file.total_too_large";
      params: { file: string; limit: string };
    }
  | { key: "contact-form.file.type"; params: { file: string } };

interface ReceivedForm {
  fields: Record<string, string>;
  attachments: ContactAttachmentInput[];
  fileProblems: FileProblem[];
}

/** The visitor's side: /contact and POST /api/contact. */
export function registerContactFormRoutes(app: FastifyInstance, deps: ContactModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;
  // Both posts are stricter than the global limit: nobody writes ten messages a minute.
  const postLimit = { max: config.CONTACT_POSTS_PER_MINUTE, timeWindow: 60_000 };

  const human = humanCheck({
    clock: deps.clock,
    sign: (value) => deps.vault.keyedHash("contact-form.rendered", value),
  });

  const renderForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      values?: Record<string, string>;
      problems?: ContactProblems;
      fileProblems?: FileProblem[];
      formProblem?: "automated" | "expired";
    },
    statusCode = 200,
  ) => {
    const context = pageContext(request, reply);
    const { t, locale } = context;
    const problems: Partial<Record<ContactField, string>> = {};
    for (const [field, key] of Object.entries(state.problems ?? {})) {
      if (key) problems[field as ContactField] = t(key);
    }
    return sendPage(
      reply,
      h(ContactFormPage, {
        context,
        csrf: csrfToken(reply),
        rendered: human.rendered(),
        values: keptValues(state.values ?? {}),
        problems,
        fileProblems: (state.fileProblems ?? []).map((problem) => fileProblemText(t, problem)),
        formProblem: state.formProblem && t(`contact-form.error.${state.formProblem}`),
        notice: contactNotice(deps, locale),
        limits: {
          maxFiles: config.UPLOAD_MAX_FILES,
          fileLimit: formatBytes(config.UPLOAD_MAX_FILE_BYTES),
          totalLimit: formatBytes(config.UPLOAD_MAX_TOTAL_BYTES),
        },
      }),
      statusCode,
    );
  };

  /** Reads a multipart body, keeping going past a refused file so every problem is named. */
  const readContactForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<ReceivedForm> => {
    const received: ReceivedForm = { fields: {}, attachments: [], fileProblems: [] };
    let csrfPending = !isApi(request);
    let totalBytes = 0;
    let fileCount = 0;
    const parts = request.parts({
      limits: {
        fileSize: config.UPLOAD_MAX_FILE_BYTES,
        // One more than allowed, so "too many" is told, not a broken upload.
        files: config.UPLOAD_MAX_FILES + 1,
        fields: 20,
        parts: 40,
        fieldSize: maxFieldBytes,
      },
      throwFileSizeLimit: false,
    } as Parameters<FastifyRequest["parts"]>[0]);
    try {
      for await (const part of parts) {
        if (csrfPending) {
          if (part.type !== "field" || part.fieldname !== "_csrf") throw new AppError("csrf");
          await verifyMultipartCsrf(request, reply, String(part.value));
          csrfPending = false;
          continue;
        }
        if (part.type === "field") {
          received.fields[part.fieldname] = String(part.value);
          continue;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file) {
          size += chunk.length;
          if (totalBytes + size <= config.UPLOAD_MAX_TOTAL_BYTES) chunks.push(chunk);
        }
        // A browser sends an empty, nameless part for a file input left empty.
        if (part.filename === "" && size === 0) continue;
        fileCount += 1;
        const file = cleanFileName(part.filename);
        if (fileCount > config.UPLOAD_MAX_FILES) continue;
        if (part.file.truncated) {
          received.fileProblems.push({
            key: "contact-form.file.too_large",
            params: { file, limit: formatBytes(config.UPLOAD_MAX_FILE_BYTES) },
          });
          continue;
        }
        if (totalBytes + size > config.UPLOAD_MAX_TOTAL_BYTES) {
          received.fileProblems.push({
            key: "contact-form.file.total_too_large",
            params: { file, limit: formatBytes(config.UPLOAD_MAX_TOTAL_BYTES) },
          });
          continue;
        }
        totalBytes += size;
        const content = Buffer.concat(chunks);
        const sniffed = await sniffAttachment(
          { fileName: file, content },
          config.CONTACT_ALLOWED_TYPES,
        );
        if (!sniffed.accepted) {
          received.fileProblems.push({ key: "contact-form.file.type", params: { file } });
          continue;
        }
        received.attachments.push({ fileName: file, mediaType: sniffed.mediaType, content });
      }
    } catch (error) {
      if ((error as { code?: string }).code !== "FST_FILES_LIMIT") throw error;
      fileCount = config.UPLOAD_MAX_FILES + 1;
    }
    if (csrfPending) throw new AppError("csrf");
    if (fileCount > config.UPLOAD_MAX_FILES) {
      received.fileProblems.unshift({
        key: "contact-form.file.too_many",
        params: { max: config.UPLOAD_MAX_FILES },
      });
      received.attachments = [];
    }
    return received;
  };

  const store = (
    request: FastifyRequest,
    fields: ContactFields,
    attachments: ContactAttachmentInput[],
    locale: Locale,
    channel: "form" | "api",
  ) =>
    receiveContactRequest(deps, {
      name: fields.name,
      email: fields.email,
      phone: fields.phone,
      topic: fields.subject,
      message: fields.message,
      locale,
      ip: request.ip,
      channel,
      attachments,
    });

  typed.get("/contact", async (request, reply) => renderForm(request, reply, {}));

  typed.post(
    "/contact",
    { config: { multipartForm: true, rateLimit: postLimit } },
    async (request, reply) => {
      const received: ReceivedForm = request.isMultipart()
        ? await readContactForm(request, reply)
        : { fields: stringFields(request.body), attachments: [], fileProblems: [] };
      const values = received.fields;
      const bot = human.check(values);
      if (bot !== "ok") {
        request.log.info({ reason: bot }, "contact form refused as automated");
        return renderForm(request, reply, { values, formProblem: bot }, 400);
      }
      const parsed = parseContactFields(values);
      if (!parsed.ok || received.fileProblems.length > 0) {
        const problems = parsed.ok ? {} : parsed.problems;
        return renderForm(
          request,
          reply,
          { values, problems, fileProblems: received.fileProblems },
          400,
        );
      }
      const { reference, screening } = await store(
        request,
        parsed.fields,
        received.attachments,
        request.locale,
        "form",
      );
      return reply.redirect(`/contact/sent?${sentQuery(reference, screening)}`, 303);
    },
  );

  typed.get("/contact/sent", { schema: { querystring: sentQuerySchema } }, async (request, reply) =>
    sendContactSentPage(request, reply, request.query),
  );

  const corsHeaders = allowEmbedding(app, "/api/contact", config.CONTACT_CORS_ORIGINS);

  typed.post(
    "/api/contact",
    {
      config: { rateLimit: postLimit },
      schema: {
        tags: ["contact"],
        summary: "Send a contact request",
        description:
          "JSON, or multipart/form-data with the same fields and up to UPLOAD_MAX_FILES files (any field name). Errors come in the language of Accept-Language. Browsers may call it from the origins in CONTACT_CORS_ORIGINS.",
        // A multipart call has no parsed body (null); its fields are checked after reading.
        body: contactApiBody.nullish(),
        response: {
          201: z.object({
            reference: z.string(),
            removed: z
              .array(z.string())
              .describe("Kinds of data removed from the message before storing it."),
            quarantine: z
              .enum(["held", "deleted"])
              .nullable()
              .describe("held: only the privacy officer sees it until release or deletion."),
            notices: z.array(z.string()).describe("What to tell the person, in their language."),
          }),
        },
      },
      onSend: corsHeaders,
    },
    async (request, reply) => {
      const received: ReceivedForm = request.isMultipart()
        ? await readContactForm(request, reply)
        : { fields: stringFields(request.body), attachments: [], fileProblems: [] };
      const parsed = parseContactFields(received.fields);
      const t = request.t;
      const problems: FieldProblem[] = [
        ...(parsed.ok
          ? []
          : contactFieldNames.flatMap((field) => {
              const key = parsed.problems[field];
              return key ? [{ field, message: t(key) }] : [];
            })),
        ...received.fileProblems.map((problem) => ({
          field: "attachments",
          message: fileProblemText(t, problem),
        })),
      ];
      if (!parsed.ok || problems.length > 0) throw new AppError("validation", { fields: problems });
      const requested = received.fields.locale;
      const locale = isLocale(requested) ? requested : request.locale;
      const { reference, screening } = await store(
        request,
        parsed.fields,
        received.attachments,
        locale,
        "api",
      );
      return reply.code(201).send({
        reference,
        removed: screening.redacted,
        quarantine: screening.quarantine,
        notices: screeningNotices(translator(locale), screening),
      });
    },
  );
}

/** What the visitor typed, to show back; capped, so a megabyte name is not echoed whole. */
function keptValues(fields: Record<string, string>): Partial<Record<ContactField, string>> {
  const kept: Partial<Record<ContactField, string>> = {};
  for (const field of contactFieldNames) {
    const value = fields[field];
    if (value !== undefined) kept[field] = value.slice(0, field === "message" ? 20_000 : 1_000);
  }
  return kept;
}

function stringFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof body !== "object" || body === null) return fields;
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}

/** A file name as the staff will see it: no path, no control characters, not endless. */
function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = [...base]
    .filter((character) => character >= " " && character !== "\u007f")
    .join("")
    .trim()
    .slice(0, 200);
  return clean === "" ? "bijlage" : clean;
}

function fileProblemText(t: Translate, problem: FileProblem): string {
  return t(problem.key, problem.params);
}

function formatBytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} kB`;
}

function contactNotice(deps: ContactModuleDeps, locale: Locale) {
  const purpose = deps.policy().purposes.find((candidate) => candidate.id === "contact");
  if (!purpose) return undefined;
  return {
    data: purpose.dataCategories.map((category) => category.label[locale]).join(", "),
    retention: purpose.retention.text[locale],
  };
}
