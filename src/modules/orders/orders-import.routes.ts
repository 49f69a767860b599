import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { readMultipartForm, sendPage } from "../../core/http/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import type { OrdersModuleDeps } from "./orders-deps.ts";
import { type OrderImportDone, OrderImportPage } from "./orders-import.pages.tsx";
import { importOrders, type OrderImportProblem } from "./orders-import.ts";

/** 5,000 lines of an order export are well under 2 MB; anything much bigger is something else. */
const maxImportBytes = 4 * 1024 * 1024;

/** Staff: orders from a CSV file (a shop's export, a fair's order sheet), all or nothing. */
export function registerOrdersImportRoutes(app: FastifyInstance, deps: OrdersModuleDeps): void {
  const config = { permission: "orders.manage" } as const;

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      done?: OrderImportDone;
      problems?: readonly OrderImportProblem[];
      error?: string;
    } = {},
    status?: number,
  ) =>
    sendPage(
      reply,
      h(OrderImportPage, { context: backOfficeContext(request, reply), ...extra }),
      status,
    );

  app.get("/admin/orders/import", { config }, async (request, reply) => {
    requireStaff(request);
    return page(request, reply);
  });

  app.post(
    "/admin/orders/import",
    { config: { ...config, multipartForm: true } },
    async (request, reply) => {
      const staff = requireStaff(request);
      if (!request.isMultipart()) {
        return page(request, reply, { error: request.t("orders-admin.import.no_file") }, 400);
      }
      const form = await readMultipartForm(request, reply, { maxTotalBytes: maxImportBytes });
      const file = form.files.find((candidate) => candidate.field === "file");
      if (!file || file.content.length === 0) {
        return page(request, reply, { error: request.t("orders-admin.import.no_file") }, 400);
      }
      const result = await importOrders(deps, { csv: file.content, staffId: staff.staffId });
      if (result.status === "refused") {
        return page(request, reply, { problems: result.problems }, 400);
      }
      return page(request, reply, { done: result });
    },
  );
}
