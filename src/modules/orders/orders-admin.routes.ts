import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { decodeCursor, encodeCursor } from "../../core/keyset-cursor.ts";
import { activeLegalHolds, explainRetention } from "../../datamap/index.ts";
import { findCustomer } from "../customers/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import { completeOrder, issueCreditNote } from "./invoicing.ts";
import { computeTotals, type VatRate } from "./money.ts";
import { orderRecordType } from "./orders.records.ts";
import { changeOrderStatus, createOrder, OrderInputError, readOrder } from "./orders.service.ts";
import { orderStatuses } from "./orders.tables.ts";
import {
  OrderEntryPage,
  OrderListPage,
  OrderPage,
  type OrderSearch,
} from "./orders-admin.pages.tsx";
import { type EntryForm, entryRows, parseEntryForm, readEntryForm } from "./orders-admin-entry.ts";
import {
  type OrderFieldProblem,
  problemsFromOrderError,
  problemText,
} from "./orders-admin-problems.ts";
import {
  auditOrderReads,
  invoicesOfOrder,
  listOrders,
  orderRetentionReason,
} from "./orders-admin-queries.ts";
import type { OrdersModuleDeps } from "./orders-deps.ts";

const searchText = (max: number) => z.string().max(max).optional().default("");

const notices = {
  created: "orders-admin.done.created",
  confirmed: "orders-admin.done.confirmed",
  completed: "orders-admin.done.completed",
  cancelled: "orders-admin.done.cancelled",
  credited: "orders-admin.done.credited",
} as const;
const done = doneNotices(notices);
type Notice = keyof typeof notices;

/**
 * Staff's orders: the list, a phone or counter order, one order with its life cycle, invoices
 * and credit notes, and why it is still held. Every page showing billing data is audited before
 * it is sent; the back-office guard sends no-store.
 */
export function registerOrdersAdminRoutes(app: FastifyInstance, deps: OrdersModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "orders.manage" } as const;
  const idParams = z.object({ id: z.string() });
  const csrfBody = z.object({ _csrf: z.string().optional() });

  typed.get(
    "/admin/orders",
    {
      config,
      schema: {
        querystring: z.object({
          status: z
            .enum(["", ...orderStatuses])
            .optional()
            .default(""),
          email: searchText(320),
          number: searchText(40),
          after: searchText(80),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const search: OrderSearch = {
        status: request.query.status,
        email: request.query.email.trim(),
        number: request.query.number.trim(),
      };
      const after = request.query.after ? decodeCursor(request.query.after) : undefined;
      if (request.query.after && !after) throw new AppError("bad_request");
      const page = await listOrders(deps, {
        status: search.status || undefined,
        email: search.email || undefined,
        number: search.number || undefined,
        after,
      });
      await auditOrderReads(deps, staff.staffId, page.lines);
      const href = (cursor?: string) => {
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(search)) if (value) query.set(key, value);
        if (cursor) query.set("after", cursor);
        const text = query.toString();
        return text ? `/admin/orders?${text}` : "/admin/orders";
      };
      return sendPage(
        reply,
        h(OrderListPage, {
          context: backOfficeContext(request, reply),
          search,
          lines: page.lines,
          olderHref: page.next ? href(encodeCursor(page.next)) : undefined,
          newestHref: after ? href() : undefined,
        }),
      );
    },
  );

  const entryPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: EntryForm,
    problems: readonly OrderFieldProblem[] = [],
    status?: number,
  ) => {
    const messages: Record<string, string> = {};
    for (const problem of problems) {
      const name = problem.path.join(".");
      messages[name] ??= problemText(request.t, problem);
    }
    return sendPage(
      reply,
      h(OrderEntryPage, { context: backOfficeContext(request, reply), form, problems: messages }),
      status,
    );
  };

  typed.get("/admin/orders/new", { config }, async (request, reply) => {
    requireStaff(request);
    // Most phone and counter customers are Belgian; the field stays editable.
    const values = { "billing.address.country": "BE", locale: "nl" };
    return entryPage(request, reply, { values, rows: entryRows.initial });
  });

  typed.post(
    "/admin/orders/new",
    { config, schema: { body: z.record(z.string(), z.unknown()) } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const form = readEntryForm(request.body);
      if (form.values.more) {
        // "More rows": the same form, everything typed kept, nothing stored.
        const rows = Math.min(form.rows + entryRows.step, entryRows.max);
        return entryPage(request, reply, { values: form.values, rows });
      }
      const parsed = parseEntryForm(form, request.locale);
      if (!parsed.ok) return entryPage(request, reply, form, parsed.problems, 400);
      try {
        const created = await createOrder(deps, {
          channel: "backoffice",
          request: parsed.request,
          locale: parsed.locale,
          actor: { type: "staff", id: staff.staffId },
        });
        return reply.redirect(`/admin/orders/${created.id}?done=created`, 303);
      } catch (error) {
        if (!(error instanceof OrderInputError)) throw error;
        return entryPage(request, reply, form, problemsFromOrderError(error.problems), 400);
      }
    },
  );

  const renderOrder = async (
    request: FastifyRequest,
    reply: FastifyReply,
    orderId: string,
    options: { notice?: string | undefined; error?: string; status?: number } = {},
  ) => {
    const staff = requireStaff(request);
    const order = await readOrder(deps, orderId);
    if (!order) throw new AppError("not_found");
    const reason = await orderRetentionReason(deps.db, orderId);
    if (!reason) throw new AppError("not_found");
    const holds = order.subjectId
      ? await activeLegalHolds(deps.db, deps.clock.now(), {
          subjectId: order.subjectId,
          recordType: orderRecordType.id,
        })
      : [];
    const explanation = explainRetention(deps.dataMap, request.t, {
      recordType: orderRecordType,
      retainUntil: order.retainUntil,
      retentionReason: reason,
      holds,
    });
    const totals = computeTotals(
      order.lines.map((line) => ({ ...line, vatRate: line.vatRate as VatRate })),
      order.vatTreatment === "reverse_charge",
    );
    const customer = order.customerId
      ? await findCustomer(deps.db, { id: order.customerId })
      : undefined;
    await auditOrderReads(deps, staff.staffId, [order]);
    return sendPage(
      reply,
      h(OrderPage, {
        context: backOfficeContext(request, reply),
        order,
        vat: totals.vat,
        customerNumber: customer?.number,
        invoices: await invoicesOfOrder(deps.db, orderId),
        explanation,
        notice: options.notice,
        error: options.error,
      }),
      options.status,
    );
  };

  typed.get(
    "/admin/orders/:id",
    {
      config,
      schema: {
        params: idParams,
        querystring: done.query,
      },
    },
    async (request, reply) => {
      const orderId = uuidParam(request.params.id);
      if (!orderId) throw new AppError("not_found");
      return renderOrder(request, reply, orderId, {
        notice: done.text(request.t, request.query.done),
      });
    },
  );

  /** A refused step: the order as it is now, with why, and 409 (or 404 if there is none). */
  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    orderId: string,
    reason: "wrong_status" | "erased" | "already_credited" | "not_an_invoice",
  ) =>
    renderOrder(request, reply, orderId, {
      error: request.t(`orders-admin.error.${reason}`),
      status: 409,
    });

  for (const change of ["confirm", "cancel"] as const) {
    typed.post(
      `/admin/orders/:id/${change}`,
      { config, schema: { params: idParams, body: csrfBody } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const orderId = uuidParam(request.params.id);
        if (!orderId) throw new AppError("not_found");
        const changed = await changeOrderStatus(deps, {
          orderId,
          change,
          actor: { type: "staff", id: staff.staffId },
        });
        if (!changed) return refuse(request, reply, orderId, "wrong_status");
        const done: Notice = change === "confirm" ? "confirmed" : "cancelled";
        return reply.redirect(`/admin/orders/${orderId}?done=${done}`, 303);
      },
    );
  }

  typed.post(
    "/admin/orders/:id/complete",
    { config, schema: { params: idParams, body: csrfBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const orderId = uuidParam(request.params.id);
      if (!orderId) throw new AppError("not_found");
      const outcome = await completeOrder(deps, {
        orderId,
        actor: { type: "staff", id: staff.staffId },
      });
      if (outcome.status === "not_found") throw new AppError("not_found");
      if (outcome.status !== "completed") return refuse(request, reply, orderId, outcome.status);
      return reply.redirect(`/admin/orders/${orderId}?done=completed`, 303);
    },
  );

  typed.post(
    "/admin/orders/:id/credit-notes",
    {
      config,
      schema: {
        params: idParams,
        body: z.object({ invoiceId: z.string().max(40).optional(), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const orderId = uuidParam(request.params.id);
      if (!orderId) throw new AppError("not_found");
      const invoiceId = uuidParam(request.body.invoiceId ?? "");
      const invoice = (await invoicesOfOrder(deps.db, orderId)).find(
        (candidate) => candidate.id === invoiceId,
      );
      if (!invoice) throw new AppError("not_found");
      const outcome = await issueCreditNote(deps, {
        invoiceId: invoice.id,
        actor: { type: "staff", id: staff.staffId },
      });
      if (outcome.status === "not_found") throw new AppError("not_found");
      if (outcome.status !== "issued") return refuse(request, reply, orderId, outcome.status);
      return reply.redirect(`/admin/orders/${orderId}?done=credited`, 303);
    },
  );
}
