import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { recordStaffRead } from "../../audit/index.ts";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import { contactsOfCustomer, customerContactRecordType, findCustomer } from "../customers/index.ts";
import { backOfficeContext, listStaff, requireStaff } from "../staff/index.ts";
import { endSession, handOverByPhone, revealPassword, startSession } from "./support.service.ts";
import {
  NewSessionPage,
  SessionPage,
  type SessionPageProps,
  SupportListPage,
} from "./support-admin.pages.tsx";
import type { SessionCodeShelf } from "./support-admin-codes.ts";
import {
  openSessionsOf,
  readSupportSession,
  type SupportSessionView,
  teamviewerIdKept,
} from "./support-admin-sessions.ts";
import { formStrings, parseHandOverFields } from "./support-connect-fields.ts";
import type { SupportModuleDeps } from "./support-deps.ts";

const notices = {
  started: "support.done.started",
  connected: "support.done.connected",
  ended: "support.done.ended",
} as const satisfies Record<string, MessageKey>;
const done = doneNotices(notices);

const sessionParams = z.object({ id: z.string() });
const csrfOnly = z.object({ _csrf: z.string().optional() }).loose();

/**
 * The technician's side: open sessions, start one for a customer's person, read the code out,
 * take the details by phone, show the password (audited, in the response only), end the session.
 * The back-office guard checks support.manage and sends no-store on every page.
 */
export function registerSupportAdminRoutes(
  app: FastifyInstance,
  deps: SupportModuleDeps,
  codes: SessionCodeShelf,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "support.manage" } as const;
  const format = { timeZone: deps.config.JOBS_TIMEZONE };
  const connectUrl = new URL("/support/connect", deps.config.PUBLIC_URL).toString();

  const customerNumbers = async (ids: readonly string[]) => {
    const numbers = new Map<string, string>();
    for (const id of new Set(ids)) {
      const customer = await findCustomer(deps.db, { id });
      if (customer) numbers.set(id, customer.number);
    }
    return numbers;
  };

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { customer?: string; error?: string; status?: number } = {},
  ) => {
    const staff = requireStaff(request);
    const sessions = await openSessionsOf(deps.db, staff.staffId);
    return sendPage(
      reply,
      h(SupportListPage, {
        context: backOfficeContext(request, reply),
        sessions,
        customerNumbers: await customerNumbers(sessions.map((session) => session.customerId)),
        format,
        customer: options.customer,
        error: options.error,
      }),
      options.status,
    );
  };

  typed.get("/admin/support", { config }, async (request, reply) => renderList(request, reply));

  /** A customer by id (links from the customer's page) or by number (typed by the technician). */
  const customerOf = (value: string) => {
    const id = uuidParam(value);
    return findCustomer(deps.db, id ? { id } : { number: value });
  };

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    customer: { id: string; number: string },
    options: { error?: string; status?: number } = {},
  ) => {
    const staff = requireStaff(request);
    const contacts = await contactsOfCustomer(deps, customer.id);
    // The names are shown to choose from: one staff read per person, before the page is sent.
    await deps.db.transaction(async (tx) => {
      for (const contact of contacts) {
        await recordStaffRead(tx, deps.clock, {
          staffId: staff.staffId,
          subjectId: contact.subjectId,
          recordType: customerContactRecordType.id,
          recordId: contact.id,
          purpose: "customer_dossier",
        });
      }
    });
    return sendPage(
      reply,
      h(NewSessionPage, {
        context: backOfficeContext(request, reply),
        customer: { id: customer.id, number: customer.number },
        contacts,
        error: options.error,
      }),
      options.status,
    );
  };

  typed.get(
    "/admin/support/new",
    {
      config,
      schema: { querystring: z.object({ customer: z.string().max(80).optional().default("") }) },
    },
    async (request, reply) => {
      const wanted = request.query.customer.trim();
      // No customer chosen yet: the list, with its customer-number form.
      if (wanted === "") return renderList(request, reply);
      const customer = await customerOf(wanted);
      if (!customer) {
        return renderList(request, reply, {
          customer: wanted,
          error: request.t("support.error.customer"),
          status: 404,
        });
      }
      return renderNew(request, reply, customer);
    },
  );

  typed.post(
    "/admin/support/sessions",
    {
      config,
      schema: {
        body: z.object({
          customer: z.string().max(80),
          subject: z.string().max(80).optional().default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customerId = uuidParam(request.body.customer);
      const customer = customerId ? await findCustomer(deps.db, { id: customerId }) : undefined;
      if (!customer) throw new AppError("not_found");
      const subjectId = uuidParam(request.body.subject);
      const contacts = await contactsOfCustomer(deps, customer.id);
      if (!subjectId || !contacts.some((contact) => contact.subjectId === subjectId)) {
        return renderNew(request, reply, customer, {
          error: request.t("support.new.error.person"),
          status: 400,
        });
      }
      const started = await startSession(deps, {
        customerId: customer.id,
        subjectId,
        technicianId: staff.staffId,
      });
      const session = await readSupportSession(deps.db, started.sessionId);
      if (session) codes.keep(session.id, started.code, session.codeExpiresAt);
      return reply.redirect(`/admin/support/sessions/${started.sessionId}?done=started`, 303);
    },
  );

  const sessionOf = async (id: string): Promise<SupportSessionView> => {
    const sessionId = uuidParam(id);
    const session = sessionId ? await readSupportSession(deps.db, sessionId) : undefined;
    if (!session) throw new AppError("not_found");
    return session;
  };

  const renderSession = async (
    request: FastifyRequest,
    reply: FastifyReply,
    session: SupportSessionView,
    options: Partial<Pick<SessionPageProps, "revealed" | "revealNone" | "notice" | "error">> & {
      status?: number;
    } = {},
  ) => {
    const staff = requireStaff(request);
    const technician = (await listStaff(deps.db)).find(
      (account) => account.id === session.technicianId,
    );
    const numbers = await customerNumbers([session.customerId]);
    const mine = session.technicianId === staff.staffId;
    return sendPage(
      reply,
      h(SessionPage, {
        context: backOfficeContext(request, reply),
        session,
        customerNumber: numbers.get(session.customerId),
        technicianName: technician?.displayName ?? session.technicianId.slice(0, 8),
        mine,
        code: mine && session.status === "waiting" ? codes.find(session.id) : undefined,
        connectUrl,
        idKept:
          session.status === "ended" && session.subjectId
            ? await teamviewerIdKept(deps.db, session.subjectId)
            : undefined,
        format,
        revealed: options.revealed,
        revealNone: options.revealNone ?? false,
        notice: options.notice,
        error: options.error,
      }),
      options.status,
    );
  };

  typed.get(
    "/admin/support/sessions/:id",
    {
      config,
      schema: {
        params: sessionParams,
        querystring: done.query,
      },
    },
    async (request, reply) => {
      const session = await sessionOf(request.params.id);
      return renderSession(request, reply, session, {
        notice: done.text(request.t, request.query.done),
      });
    },
  );

  /** Only the session's technician acts on it; anyone else with the permission only looks. */
  const refuseOthers = (
    request: FastifyRequest,
    reply: FastifyReply,
    session: SupportSessionView,
  ) =>
    renderSession(request, reply, session, {
      error: request.t("support.error.not_yours"),
      status: 403,
    });

  typed.post(
    "/admin/support/sessions/:id/phone",
    // No body schema: a refused value must never be echoed by a validation message.
    { config, schema: { params: sessionParams } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const session = await sessionOf(request.params.id);
      if (session.technicianId !== staff.staffId) return refuseOthers(request, reply, session);
      const parsed = parseHandOverFields(formStrings(request.body));
      if (!parsed.ok) {
        const problems = Object.values(parsed.problems).map((key) => request.t(key));
        return renderSession(request, reply, session, { error: problems.join(" "), status: 400 });
      }
      const handed = await handOverByPhone(deps, {
        sessionId: session.id,
        technicianId: staff.staffId,
        ...parsed.fields,
      });
      if (!handed) {
        return renderSession(request, reply, session, {
          error: request.t("support.error.not_waiting"),
          status: 409,
        });
      }
      codes.forget(session.id);
      return reply.redirect(`/admin/support/sessions/${session.id}?done=connected`, 303);
    },
  );

  typed.post(
    "/admin/support/sessions/:id/reveal",
    { config, schema: { params: sessionParams, body: csrfOnly } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const session = await sessionOf(request.params.id);
      // The password is in this response only: never cached, never in a URL or a redirect.
      reply.header("cache-control", "no-store");
      if (session.technicianId !== staff.staffId) return refuseOthers(request, reply, session);
      const revealed = await revealPassword(deps, {
        sessionId: session.id,
        technicianId: staff.staffId,
      });
      if (!revealed)
        return renderSession(request, reply, session, { revealNone: true, status: 404 });
      return renderSession(request, reply, session, { revealed });
    },
  );

  typed.post(
    "/admin/support/sessions/:id/end",
    {
      config,
      schema: {
        params: sessionParams,
        body: z.object({
          summary: z.string().max(5_000).optional().default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const session = await sessionOf(request.params.id);
      if (session.technicianId !== staff.staffId) return refuseOthers(request, reply, session);
      const ended = await endSession(deps, {
        sessionId: session.id,
        technicianId: staff.staffId,
        summary: request.body.summary,
        locale: request.locale,
      });
      codes.forget(session.id);
      if (!ended.ended) {
        return renderSession(request, reply, session, {
          error: request.t("support.error.ended"),
          status: 409,
        });
      }
      return reply.redirect(`/admin/support/sessions/${session.id}?done=ended`, 303);
    },
  );
}
