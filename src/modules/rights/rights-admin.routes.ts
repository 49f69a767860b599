import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { recordStaffRead } from "../../audit/index.ts";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { decodeCursor, encodeCursor } from "../../core/keyset-cursor.ts";
import { backOfficeContext, listStaff, requireStaff } from "../staff/index.ts";
import { loadExecutionPanel } from "./execution-panel.ts";
import { readIdCopy } from "./id-copy-store.ts";
import { purposesOpenTo } from "./portal-purposes.ts";
import { extendRequest } from "./request-extension.ts";
import { formFields } from "./request-form-values.ts";
import { openRequestDetails, readRequest } from "./request-store.ts";
import { canLinkSubjects, changeSubjectLink, loadRequestSubjects } from "./request-subjects.ts";
import {
  idCopyOnFile,
  methodsFor,
  recordVerification,
  type VerificationProblem,
} from "./request-verification.ts";
import { rightsIdCopyRecordType, rightsRequestRecordType } from "./rights.records.ts";
import { type RequestStatus, verificationMethods } from "./rights.tables.ts";
import { type QueueSearch, RightsQueuePage } from "./rights-admin.pages.tsx";
import type { ExtensionForm } from "./rights-admin-deadline.tsx";
import { NewRequestPage } from "./rights-admin-entry.tsx";
import { RightsRequestPage } from "./rights-admin-request.tsx";
import type { RightsDeps } from "./rights-deps.ts";
import { listQueue, queueStatuses } from "./rights-queue.ts";
import {
  emptyStaffEntryForm,
  enterRequest,
  readStaffEntryForm,
  type StaffEntryForm,
  type StaffEntryProblems,
  staffEntryFormOf,
} from "./staff-entry.ts";

const text = (max: number) => z.string().max(max).optional().default("");

/** What a redirect after a successful form tells the request page to say. */
const notices = {
  created: "rights-admin.done.created",
  verified: "rights-admin.done.verified",
  refused: "rights-admin.done.refused",
  extended: "rights-admin.done.extended",
  linked: "rights-admin.done.linked",
  unlinked: "rights-admin.done.unlinked",
} as const;
const done = doneNotices(notices);

/** The execution part acts once identity is known; before that its section has nothing to do. */
const executionStatuses: readonly RequestStatus[] = ["verified", "in_progress", "answered"];

/** Types a browser shows as an image itself; anything else goes as bytes to download. */
const imageTypes = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

interface RenderOptions {
  notice?: string | undefined;
  error?: string | undefined;
  status?: number;
  refusalReason?: string;
  extension?: ExtensionForm;
}

/**
 * The privacy officer's side of rights requests: the queue by deadline, a request received by
 * e-mail, phone or post, and one request with its identity decision, extension and subjects.
 * Every page that shows a person's values audits the read before it is sent; the back-office
 * guard checks `rights.manage` and CSRF, and sends no-store.
 */
export function registerRightsAdminRoutes(app: FastifyInstance, deps: RightsDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "rights.manage" } as const;
  const idParams = z.object({ id: z.string() });

  typed.get(
    "/admin/rights",
    {
      config,
      schema: {
        querystring: z.object({
          status: z
            .enum(["", ...queueStatuses])
            .optional()
            .default(""),
          reference: text(40),
          after: text(80),
        }),
      },
    },
    async (request, reply) => {
      requireStaff(request);
      const search: QueueSearch = {
        status: request.query.status,
        reference: request.query.reference.trim(),
      };
      const after = request.query.after ? decodeCursor(request.query.after) : undefined;
      if (request.query.after && !after) throw new AppError("bad_request");
      const page = await listQueue(deps, {
        status: search.status || undefined,
        reference: search.reference || undefined,
        after,
      });
      const href = (cursor?: string) => {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
        if (cursor) query.set("after", cursor);
        const rest = query.toString();
        return rest ? `/admin/rights?${rest}` : "/admin/rights";
      };
      return sendPage(
        reply,
        h(RightsQueuePage, {
          context: backOfficeContext(request, reply),
          search,
          lines: page.lines,
          truncated: page.truncated,
          olderHref: page.next ? href(encodeCursor(page.next)) : undefined,
          newestHref: after ? href() : undefined,
        }),
      );
    },
  );

  const newRequestPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: StaffEntryForm,
    problems: StaffEntryProblems = {},
  ) => {
    const policy = deps.policy();
    const shown: Record<string, string> = {};
    for (const [field, key] of Object.entries(problems)) if (key) shown[field] = request.t(key);
    return sendPage(
      reply,
      h(NewRequestPage, {
        context: backOfficeContext(request, reply),
        form,
        purposes: {
          objection: purposesOpenTo(policy, "objection", request.locale),
          withdraw: purposesOpenTo(policy, "withdraw_consent", request.locale),
        },
        problems: shown,
      }),
      Object.keys(shown).length > 0 ? 400 : 200,
    );
  };

  typed.get("/admin/rights/new", { config }, async (request, reply) => {
    requireStaff(request);
    return newRequestPage(request, reply, emptyStaffEntryForm(request.locale));
  });

  typed.post("/admin/rights/new", { config }, async (request, reply) => {
    const staff = requireStaff(request);
    const fields = formFields(request.body);
    const parsed = readStaffEntryForm(deps.policy(), fields);
    if (!parsed.ok) {
      return newRequestPage(request, reply, staffEntryFormOf(fields), parsed.problems);
    }
    const created = await enterRequest(deps, { entry: parsed.value, staffId: staff.staffId });
    return reply.redirect(`/admin/rights/${created.requestId}?done=created`, 303);
  });

  const renderRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    options: RenderOptions = {},
  ) => {
    const staff = requireStaff(request);
    const row = await readRequest(deps.db, requestId);
    if (!row || row.status === "unconfirmed") throw new AppError("not_found");
    const details = await openRequestDetails(deps.db, deps.vault, row);
    if (row.subjectId) {
      // Audited before the page is sent: a read that cannot be logged is not shown.
      await recordStaffRead(deps.db, deps.clock, {
        staffId: staff.staffId,
        subjectId: row.subjectId,
        recordType: rightsRequestRecordType.id,
        recordId: row.id,
        purpose: "rights",
      });
    }
    const idCopy = row.status === "received" ? await idCopyOnFile(deps, row.id) : undefined;
    const policy = deps.policy();
    const execution = executionStatuses.includes(row.status)
      ? await loadExecutionPanel(deps, { request: row, locale: request.locale, t: request.t })
      : undefined;
    return sendPage(
      reply,
      h(RightsRequestPage, {
        context: backOfficeContext(request, reply),
        request: row,
        details,
        purposeNames: new Map(
          policy.purposes.map((purpose) => [purpose.id, purpose.name[request.locale]]),
        ),
        staffNames: new Map(
          (await listStaff(deps.db)).map((account) => [account.id, account.displayName]),
        ),
        now: deps.clock.now(),
        answerDays: policy.rights.answerDays,
        idCopy,
        methods: methodsFor(row, idCopy !== undefined),
        subjects: await loadRequestSubjects(deps, row, details),
        linkable: canLinkSubjects(row),
        execution,
        forms: {
          refusalReason: options.refusalReason ?? "",
          extension: options.extension ?? { months: "1", reason: "" },
        },
        notice: options.notice,
        error: options.error,
      }),
      options.status,
    );
  };

  typed.get(
    "/admin/rights/:id",
    {
      config,
      schema: {
        params: idParams,
        querystring: done.query,
      },
    },
    async (request, reply) => {
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      return renderRequest(request, reply, requestId, {
        notice: done.text(request.t, request.query.done),
      });
    },
  );

  typed.get(
    "/admin/rights/:id/id-copy",
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const row = await readRequest(deps.db, requestId);
      if (!row?.subjectId || row.status === "unconfirmed") throw new AppError("not_found");
      const copy = await readIdCopy(deps, requestId);
      if (!copy) throw new AppError("not_found");
      // Audited before a byte is sent: an ID copy seen by nobody on record is not shown.
      await recordStaffRead(deps.db, deps.clock, {
        staffId: staff.staffId,
        subjectId: row.subjectId,
        recordType: rightsIdCopyRecordType.id,
        recordId: copy.id,
        purpose: "rights",
      });
      const image = imageTypes.has(copy.mediaType);
      return reply
        .header("content-type", image ? copy.mediaType : "application/octet-stream")
        .header("content-disposition", image ? "inline" : "attachment")
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'")
        .send(copy.bytes);
    },
  );

  typed.post(
    "/admin/rights/:id/verification",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          decision: z.enum(["verified", "refused"]),
          method: text(40),
          reason: text(4000),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const { decision, reason } = request.body;
      const method = verificationMethods.find((candidate) => candidate === request.body.method);
      const refuse = (key: "method" | Exclude<VerificationProblem, "not_found">, status: number) =>
        renderRequest(request, reply, requestId, {
          error: request.t(`rights-admin.error.verification.${key}`),
          status,
          refusalReason: reason,
        });
      if (decision === "verified" && !method) return refuse("method", 400);
      const outcome = await recordVerification(deps, {
        requestId,
        staffId: staff.staffId,
        decision:
          decision === "verified" && method
            ? { decision, method }
            : { decision: "refused", reason },
      });
      if ("problem" in outcome) {
        if (outcome.problem === "not_found") throw new AppError("not_found");
        return refuse(outcome.problem, outcome.problem === "already_decided" ? 409 : 400);
      }
      return reply.redirect(`/admin/rights/${requestId}?done=${outcome.done}`, 303);
    },
  );

  typed.post(
    "/admin/rights/:id/extension",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          months: text(4),
          reason: text(4000),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const { months, reason } = request.body;
      const outcome = await extendRequest(deps, {
        requestId,
        staffId: staff.staffId,
        months: /^\d{1,2}$/.test(months) ? Number(months) : Number.NaN,
        reason,
      });
      if ("problem" in outcome) {
        if (outcome.problem === "not_found") throw new AppError("not_found");
        const badInput = ["months_out_of_range", "no_reason"].includes(outcome.problem);
        return renderRequest(request, reply, requestId, {
          error: request.t(`rights-admin.error.extension.${outcome.problem}`),
          status: badInput ? 400 : 409,
          extension: { months, reason },
        });
      }
      return reply.redirect(`/admin/rights/${requestId}?done=extended`, 303);
    },
  );

  typed.post(
    "/admin/rights/:id/subjects",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          subjectId: text(40),
          action: z.enum(["link", "unlink"]),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const subjectId = uuidParam(request.body.subjectId);
      const outcome = subjectId
        ? await changeSubjectLink(deps, {
            requestId,
            staffId: staff.staffId,
            subjectId,
            action: request.body.action,
          })
        : "not_suggested";
      if (outcome === "not_found") throw new AppError("not_found");
      if (outcome === "linked" || outcome === "unlinked") {
        return reply.redirect(`/admin/rights/${requestId}?done=${outcome}`, 303);
      }
      return renderRequest(request, reply, requestId, {
        error: request.t(`rights-admin.error.subjects.${outcome}`),
        status: outcome === "not_linkable" ? 409 : 400,
      });
    },
  );
}
