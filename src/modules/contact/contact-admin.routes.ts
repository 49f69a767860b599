import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { appendAudit } from "../../audit/index.ts";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { decodeCursor, encodeCursor } from "../../core/keyset-cursor.ts";
import { activeLegalHolds, explainRetention, isoDay } from "../../datamap/index.ts";
import { backOfficeContext, listStaff, requireStaff } from "../staff/index.ts";
import { contactAttachmentRecordType, contactRequestRecordType } from "./contact.records.ts";
import { contactStatuses } from "./contact.tables.ts";
import { ContactInboxPage, ContactRequestPage, type InboxSearch } from "./contact-admin.pages.tsx";
import { registerContactCustomerRoutes } from "./contact-customer.routes.ts";
import { customerOfRequest } from "./contact-customer.ts";
import {
  assignContactRequest,
  auditInboxRead,
  changeContactStatus,
  type InboxFilter,
  listInbox,
  readAttachmentContent,
  readContactRequest,
} from "./contact-inbox.ts";
import type { ContactModuleDeps } from "./contact-module-deps.ts";
import { addContactNote, listContactNotes, replyToContactRequest } from "./contact-notes.ts";

const searchText = (max: number) => z.string().max(max).optional().default("");

/** Types a browser may render itself; everything else, HTML and SVG above all, goes as bytes. */
const renderableTypes = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
]);

const notices = {
  status: "contact-admin.done.status",
  assigned: "contact-admin.done.assigned",
  note: "contact-admin.done.note",
  reply: "contact-admin.done.reply",
  linked: "contact-customer.done.linked",
  created: "contact-customer.done.created",
  ended: "contact-customer.done.ended",
} as const;
const done = doneNotices(notices);

/**
 * The staff inbox: the list with its filters and exact searches, one request with its "why do we
 * still hold this?", status and assignment, and attachment downloads. Every read of a person's
 * data is audited before it is sent; the back-office guard sends no-store.
 */
export function registerContactAdminRoutes(app: FastifyInstance, deps: ContactModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "contact.manage" } as const;

  typed.get(
    "/admin/contact",
    {
      config,
      schema: {
        querystring: z.object({
          status: z
            .enum(["", ...contactStatuses])
            .optional()
            .default(""),
          email: searchText(320),
          reference: searchText(40),
          name: searchText(200),
          after: searchText(80),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const search: InboxSearch = {
        status: request.query.status,
        email: request.query.email.trim(),
        reference: request.query.reference.trim(),
        name: request.query.name.trim(),
      };
      const after = request.query.after ? decodeCursor(request.query.after) : undefined;
      if (request.query.after && !after) throw new AppError("bad_request");
      const filter: InboxFilter = {
        status: search.status || undefined,
        email: search.email || undefined,
        reference: search.reference || undefined,
        name: search.name || undefined,
        after,
      };
      const page = await listInbox(deps, filter);
      // One `subject.read` per request shown, in one transaction, before the page is sent.
      await auditInboxRead(
        deps,
        staff.staffId,
        page.lines.map((line) => ({ requestId: line.id, subjectId: line.subjectId })),
      );
      const href = (cursor?: string) => {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
        if (cursor) query.set("after", cursor);
        const text = query.toString();
        return text ? `/admin/contact?${text}` : "/admin/contact";
      };
      return sendPage(
        reply,
        h(ContactInboxPage, {
          context: backOfficeContext(request, reply),
          search,
          lines: page.lines,
          staffNames: await staffNames(deps),
          olderHref: page.next ? href(encodeCursor(page.next)) : undefined,
          newestHref: after ? href() : undefined,
        }),
      );
    },
  );

  const renderRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    requestId: string,
    options: { notice?: string; error?: string; status?: number } = {},
  ) => {
    const staff = requireStaff(request);
    const view = await readContactRequest(deps, requestId);
    if (!view) throw new AppError("not_found");
    const holds = view.subjectId
      ? await activeLegalHolds(deps.db, deps.clock.now(), {
          subjectId: view.subjectId,
          recordType: contactRequestRecordType.id,
        })
      : [];
    const explanation = explainRetention(deps.dataMap, request.t, {
      recordType: contactRequestRecordType,
      retainUntil: view.retainUntil,
      retentionReason: view.retentionReason,
      holds,
    });
    await auditInboxRead(deps, staff.staffId, [
      {
        requestId: view.id,
        subjectId: view.subjectId,
        attachmentIds: view.attachments.map((file) => file.id),
      },
    ]);
    const accounts = await listStaff(deps.db);
    const notes = await listContactNotes(deps, view.id);
    const customer = await customerOfRequest(deps, view.customerId);
    return sendPage(
      reply,
      h(ContactRequestPage, {
        context: backOfficeContext(request, reply),
        request: view,
        notes,
        explanation,
        customer,
        today: isoDay(deps.clock.now()),
        staff: accounts
          .filter((account) => !account.disabledAt)
          .map((account) => ({ id: account.id, displayName: account.displayName })),
        staffNames: new Map(accounts.map((account) => [account.id, account.displayName])),
        notice: options.notice,
        error: options.error,
      }),
      options.status,
    );
  };

  registerContactCustomerRoutes(app, deps, renderRequest);

  typed.get(
    "/admin/contact/:id",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
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

  typed.post(
    "/admin/contact/:id/status",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        body: z.object({ status: z.enum(contactStatuses), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      const result = await changeContactStatus(deps, {
        requestId,
        staffId: staff.staffId,
        status: request.body.status,
      });
      if (result === "not_found") throw new AppError("not_found");
      if (result === "closed") {
        return renderRequest(request, reply, requestId, {
          error: request.t("contact-admin.error.closed"),
          status: 409,
        });
      }
      return reply.redirect(`/admin/contact/${requestId}?done=status`, 303);
    },
  );

  typed.post(
    "/admin/contact/:id/assign",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        body: z.object({ assignee: z.string().max(40), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      if (!requestId) throw new AppError("not_found");
      let assignee: string | null = null;
      if (request.body.assignee !== "") {
        const wanted = uuidParam(request.body.assignee);
        const account = (await listStaff(deps.db)).find(
          (candidate) => candidate.id === wanted && !candidate.disabledAt,
        );
        if (!account) {
          return renderRequest(request, reply, requestId, {
            error: request.t("contact-admin.error.assignee"),
            status: 400,
          });
        }
        assignee = account.id;
      }
      const assigned = await assignContactRequest(deps, {
        requestId,
        staffId: staff.staffId,
        assignee,
      });
      if (!assigned) throw new AppError("not_found");
      return reply.redirect(`/admin/contact/${requestId}?done=assigned`, 303);
    },
  );

  for (const [path, write, done] of [
    ["notes", addContactNote, "note"],
    ["reply", replyToContactRequest, "reply"],
  ] as const) {
    typed.post(
      `/admin/contact/:id/${path}`,
      {
        config,
        schema: {
          params: z.object({ id: z.string() }),
          body: z.object({ text: z.string().max(20_000), _csrf: z.string().optional() }),
        },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const requestId = uuidParam(request.params.id);
        if (!requestId) throw new AppError("not_found");
        const text = request.body.text.trim();
        if (text === "") {
          return renderRequest(request, reply, requestId, {
            error: request.t("contact-admin.error.empty_text"),
            status: 400,
          });
        }
        let written: string | undefined;
        try {
          written = await write(deps, { requestId, staffId: staff.staffId, text });
        } catch (error) {
          // The scanner refused special-category data: stay on the page and say why.
          const refusal =
            error instanceof AppError ? error.options.fields?.[0]?.message : undefined;
          if (!refusal) throw error;
          return renderRequest(request, reply, requestId, { error: refusal, status: 400 });
        }
        if (!written) throw new AppError("not_found");
        return reply.redirect(`/admin/contact/${requestId}?done=${done}`, 303);
      },
    );
  }

  typed.get(
    "/admin/contact/:id/attachments/:attachmentId",
    { config, schema: { params: z.object({ id: z.string(), attachmentId: z.string() }) } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = uuidParam(request.params.id);
      const attachmentId = uuidParam(request.params.attachmentId);
      if (!requestId || !attachmentId) throw new AppError("not_found");
      const file = await readAttachmentContent(deps, { requestId, attachmentId });
      if (!file) throw new AppError("not_found");
      // Audited before a byte is sent: a download that cannot be logged does not happen.
      await appendAudit(deps.db, {
        clock: deps.clock,
        entry: {
          actor: { type: "staff", id: staff.staffId },
          action: "contact.attachment_downloaded",
          subjectId: file.subjectId,
          recordType: contactAttachmentRecordType.id,
          recordId: attachmentId,
          purpose: "contact",
          details: { requestId, bytes: file.content.length },
        },
      });
      const mediaType = renderableTypes.has(file.mediaType)
        ? file.mediaType
        : "application/octet-stream";
      return reply
        .header("content-type", mediaType)
        .header("content-disposition", contentDisposition(file.fileName ?? "attachment"))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .send(file.content);
    },
  );
}

async function staffNames(deps: ContactModuleDeps): Promise<Map<string, string>> {
  return new Map((await listStaff(deps.db)).map((account) => [account.id, account.displayName]));
}

/**
 * Always `attachment`, never inline: an ASCII fallback with anything outside a safe set replaced
 * (no quotes, slashes, control characters or leading dots), and the real name in RFC 5987 form.
 */
export function contentDisposition(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? "";
  const ascii =
    base
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9._ -]/g, "_")
      .replace(/^[.\s]+/, "")
      .slice(0, 120)
      .trim() || "attachment";
  const encoded = encodeURIComponent(base.slice(0, 200) || ascii).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
