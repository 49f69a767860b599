import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, sendPage, uuidParam } from "../../core/http/index.ts";
import { decodeCursor, encodeCursor } from "../../core/keyset-cursor.ts";
import { isoDay } from "../../datamap/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import { loadCustomerPage } from "./customer-page-data.ts";
import {
  addContactPerson,
  createCustomer,
  endAgreement,
  findCustomer,
  startAgreement,
} from "./customers.service.ts";
import {
  CustomerListPage,
  CustomerPage,
  type CustomerSearch,
  type NewCustomerForm,
  NewCustomerPage,
} from "./customers-admin.pages.tsx";
import {
  type CustomerPageNotice,
  customerPageNotices,
  type FormRefusal,
  readNewCustomerForm,
  validDay,
  validEmail,
} from "./customers-admin-forms.ts";
import { auditContactReads, listCustomers, ticketOfCustomer } from "./customers-admin-queries.ts";
import type { CustomersModuleDeps } from "./customers-deps.ts";
import {
  addDossierItem,
  addTicketNote,
  eraseDossierEarly,
  NotACustomerContactError,
  openTicket,
  setTicketStatus,
} from "./dossier.service.ts";
import { dossierItemKinds, ticketStatuses } from "./dossier.tables.ts";

const searchText = (max: number) => z.string().max(max).optional().default("");
const text = (max: number) => z.string().max(max).optional().default("");

/**
 * Staff's customers: the list with exact searches, a new customer, and one customer with its
 * agreements, people, dossier, tickets, remote support sessions, orders, newsletter standing and
 * contact requests, each with why it is still held, and "erase the dossier now". Every person
 * shown is audited before the page is sent; the back-office guard sends no-store.
 */
export function registerCustomersAdminRoutes(
  app: FastifyInstance,
  deps: CustomersModuleDeps,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "customers.manage" } as const;
  const idParams = z.object({ id: z.string() });

  typed.get(
    "/admin/customers",
    {
      config,
      schema: {
        querystring: z.object({
          number: searchText(40),
          email: searchText(320),
          name: searchText(200),
          after: searchText(80),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const search: CustomerSearch = {
        number: request.query.number.trim(),
        email: request.query.email.trim(),
        name: request.query.name.trim(),
      };
      const after = request.query.after ? decodeCursor(request.query.after) : undefined;
      if (request.query.after && !after) throw new AppError("bad_request");
      const page = await listCustomers(deps, {
        number: search.number || undefined,
        email: search.email || undefined,
        name: search.name || undefined,
        after,
      });
      // Only a person customer's name is decrypted and shown: those are the reads to record.
      await auditContactReads(
        deps,
        staff.staffId,
        page.lines.flatMap((line) =>
          line.companyName === null && line.contact ? [line.contact] : [],
        ),
      );
      const href = (cursor?: string) => {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
        if (cursor) query.set("after", cursor);
        const query_ = query.toString();
        return query_ ? `/admin/customers?${query_}` : "/admin/customers";
      };
      return sendPage(
        reply,
        h(CustomerListPage, {
          context: backOfficeContext(request, reply),
          search,
          lines: page.lines,
          olderHref: page.next ? href(encodeCursor(page.next)) : undefined,
          newestHref: after ? href() : undefined,
        }),
      );
    },
  );

  const newCustomerPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: NewCustomerForm,
    error?: FormRefusal,
  ) =>
    sendPage(
      reply,
      h(NewCustomerPage, {
        context: backOfficeContext(request, reply),
        form,
        error: error ? request.t(`customers-admin.error.${error}`) : undefined,
      }),
      error ? 400 : 200,
    );

  typed.get("/admin/customers/new", { config }, async (request, reply) => {
    requireStaff(request);
    return newCustomerPage(request, reply, {
      kind: "company",
      companyName: "",
      email: "",
      name: "",
      role: "",
      service: "",
      startsOn: isoDay(deps.clock.now()),
    });
  });

  typed.post(
    "/admin/customers/new",
    {
      config,
      schema: {
        body: z.object({
          kind: text(20),
          companyName: text(200),
          email: text(320),
          name: text(200),
          role: text(100),
          service: text(200),
          startsOn: text(20),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const form = request.body;
      const parsed = readNewCustomerForm(form);
      if (!parsed.ok) return newCustomerPage(request, reply, form, parsed.refusal);
      const input = parsed.value;
      const actor = { type: "staff" as const, id: staff.staffId };
      const created = await deps.db.transaction(async (tx) => {
        const scoped = { ...deps, db: tx };
        const { subjectId } = await deps.vault.ensureSubject(tx, {
          email: input.email,
          name: input.name,
        });
        const customer = await createCustomer(scoped, {
          kind: input.kind,
          companyName: input.companyName,
          contact: { subjectId, name: input.name, role: input.role },
          actor,
        });
        if (input.agreement) {
          await startAgreement(scoped, {
            customerId: customer.id,
            ...input.agreement,
            actor,
          });
        }
        return customer;
      });
      return reply.redirect(`/admin/customers/${created.id}?done=created`, 303);
    },
  );

  const renderCustomer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    customerId: string,
    options: { notice?: string | undefined; error?: string | undefined; status?: number } = {},
  ) => {
    const staff = requireStaff(request);
    // Audits one `subject.read` per contact person shown before it returns.
    const data = await loadCustomerPage(deps, customerId, staff.staffId, request.t, request.locale);
    if (!data) throw new AppError("not_found");
    return sendPage(
      reply,
      h(CustomerPage, {
        context: backOfficeContext(request, reply),
        data,
        today: isoDay(deps.clock.now()),
        notice: options.notice,
        error: options.error,
      }),
      options.status,
    );
  };

  /** A refused form on the customer's page: the page as it is now, with why, and a 4xx. */
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    customerId: string,
    refusal: FormRefusal,
    status = 400,
  ) =>
    renderCustomer(request, reply, customerId, {
      error: request.t(`customers-admin.error.${refusal}`),
      status,
    });

  const done = (reply: FastifyReply, customerId: string, notice: CustomerPageNotice) =>
    reply.redirect(`/admin/customers/${customerId}?done=${notice}`, 303);

  /** The customer of a posted form, or 404: no form writes into a customer that is not there. */
  const customerOf = async (request: { params: { id: string } }) => {
    const customerId = uuidParam(request.params.id);
    const customer = customerId ? await findCustomer(deps.db, { id: customerId }) : undefined;
    if (!customer) throw new AppError("not_found");
    return customer;
  };

  typed.get(
    "/admin/customers/:id",
    {
      config,
      schema: {
        params: idParams,
        querystring: z.object({
          done: z.enum(customerPageNotices).optional(),
        }),
      },
    },
    async (request, reply) => {
      const customerId = uuidParam(request.params.id);
      if (!customerId) throw new AppError("not_found");
      return renderCustomer(request, reply, customerId, {
        notice: request.query.done
          ? request.t(`customers-admin.done.${request.query.done}`)
          : undefined,
      });
    },
  );

  typed.post(
    "/admin/customers/:id/agreements",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({ service: text(200), startsOn: text(20), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const service = request.body.service.trim();
      if (!service) return refuse(request, reply, customer.id, "service");
      if (!validDay(request.body.startsOn)) return refuse(request, reply, customer.id, "date");
      await startAgreement(deps, {
        customerId: customer.id,
        service,
        startsOn: request.body.startsOn,
        actor: { type: "staff", id: staff.staffId },
      });
      return done(reply, customer.id, "agreement_started");
    },
  );

  typed.post(
    "/admin/customers/:id/agreements/end",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({ agreementId: text(40), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const agreement = customer.agreements.find(
        (candidate) => candidate.id === uuidParam(request.body.agreementId),
      );
      if (!agreement) throw new AppError("not_found");
      const result = await endAgreement(deps, {
        agreementId: agreement.id,
        actor: { type: "staff", id: staff.staffId },
      });
      if (!result.ended) return refuse(request, reply, customer.id, "agreement_ended", 409);
      return done(reply, customer.id, "agreement_ended");
    },
  );

  typed.post(
    "/admin/customers/:id/contacts",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          email: text(320),
          name: text(200),
          role: text(100),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      requireStaff(request);
      const customer = await customerOf(request);
      const email = request.body.email.trim();
      const name = request.body.name.trim();
      if (!validEmail(email)) return refuse(request, reply, customer.id, "email");
      if (!name) return refuse(request, reply, customer.id, "name");
      const added = await deps.db.transaction(async (tx) => {
        const { subjectId } = await deps.vault.ensureSubject(tx, { email, name });
        return addContactPerson(
          { ...deps, db: tx },
          { customerId: customer.id, subjectId, name, role: request.body.role.trim() || undefined },
        );
      });
      if (!added) return refuse(request, reply, customer.id, "already_contact", 409);
      return done(reply, customer.id, "contact_added");
    },
  );

  typed.post(
    "/admin/customers/:id/dossier",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          kind: text(40),
          subjectId: text(40),
          value: text(2000),
          note: text(5000),
          source: text(200),
          recordedOn: text(20),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const { body } = request;
      const kind = dossierItemKinds.find((candidate) => candidate === body.kind);
      const subjectId = uuidParam(body.subjectId);
      const value = body.value.trim();
      const source = body.source.trim();
      if (!kind) return refuse(request, reply, customer.id, "kind");
      if (!subjectId) return refuse(request, reply, customer.id, "person");
      if (!value) return refuse(request, reply, customer.id, "value");
      if (!source) return refuse(request, reply, customer.id, "source");
      if (!validDay(body.recordedOn)) return refuse(request, reply, customer.id, "date");
      try {
        await addDossierItem(deps, {
          customerId: customer.id,
          subjectId,
          kind,
          value,
          note: body.note.trim() || undefined,
          source,
          recordedOn: body.recordedOn,
          staffId: staff.staffId,
        });
      } catch (error) {
        if (!(error instanceof NotACustomerContactError)) throw error;
        return refuse(request, reply, customer.id, "person");
      }
      return done(reply, customer.id, "dossier_added");
    },
  );

  typed.post(
    "/admin/customers/:id/tickets",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({ title: text(300), subjectId: text(40), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const title = request.body.title.trim();
      const subjectId = uuidParam(request.body.subjectId);
      if (!title) return refuse(request, reply, customer.id, "title");
      if (!subjectId) return refuse(request, reply, customer.id, "person");
      try {
        await openTicket(deps, {
          customerId: customer.id,
          subjectId,
          title,
          staffId: staff.staffId,
          locale: request.locale,
        });
      } catch (error) {
        if (!(error instanceof NotACustomerContactError)) throw error;
        return refuse(request, reply, customer.id, "person");
      }
      return done(reply, customer.id, "ticket_opened");
    },
  );

  typed.post(
    "/admin/customers/:id/tickets/note",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({ ticketId: text(40), text: text(20_000), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const ticketId = uuidParam(request.body.ticketId);
      if (!ticketId || !(await ticketOfCustomer(deps.db, customer.id, ticketId))) {
        throw new AppError("not_found");
      }
      const body = request.body.text.trim();
      if (!body) return refuse(request, reply, customer.id, "empty_text");
      const written = await addTicketNote(deps, {
        ticketId,
        body,
        staffId: staff.staffId,
        locale: request.locale,
      });
      if (!written) return refuse(request, reply, customer.id, "erased", 409);
      return done(reply, customer.id, "ticket_note");
    },
  );

  typed.post(
    "/admin/customers/:id/tickets/status",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({
          ticketId: text(40),
          status: z.enum(ticketStatuses),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const ticketId = uuidParam(request.body.ticketId);
      if (!ticketId || !(await ticketOfCustomer(deps.db, customer.id, ticketId))) {
        throw new AppError("not_found");
      }
      await setTicketStatus(deps, {
        ticketId,
        status: request.body.status,
        staffId: staff.staffId,
      });
      return done(
        reply,
        customer.id,
        request.body.status === "closed" ? "ticket_closed" : "ticket_reopened",
      );
    },
  );

  typed.post(
    "/admin/customers/:id/erase",
    { config, schema: { params: idParams, body: z.object({ _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const customer = await customerOf(request);
      const results = await eraseDossierEarly(deps, {
        customerId: customer.id,
        actor: { type: "staff", id: staff.staffId },
      });
      // "Indien je geen lopende overeenkomst hebt ... kan je ook een verzoek indienen deze
      // gegevens eerder te wissen": while one runs, nothing goes and the page says why.
      const blocked = results.some((result) => result.keptBecause?.kind === "running_agreement");
      if (blocked) return refuse(request, reply, customer.id, "agreement_runs", 409);
      return done(reply, customer.id, "erased");
    },
  );
}
