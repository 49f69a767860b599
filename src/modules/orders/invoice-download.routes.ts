import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { appendAudit } from "../../audit/index.ts";
import { AppError, uuidParam } from "../../core/http/index.ts";
import { requireStaff } from "../staff/index.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";
import { renderInvoiceUbl } from "./invoice-ubl.ts";
import { readInvoice } from "./invoice-view.ts";
import { invoiceRecordType } from "./orders.records.ts";
import { invoices } from "./orders.tables.ts";
import type { OrdersModuleDeps } from "./orders-deps.ts";

const formats = {
  pdf: { mediaType: "application/pdf" },
  xml: { mediaType: "application/xml; charset=utf-8" },
} as const;

/**
 * An invoice or credit note as PDF or as UBL (Peppol BIS 3.0) XML, always as an attachment. Each
 * download is audited before a byte is sent; the entry holds the number's record, not its data.
 */
export function registerInvoiceDownloadRoutes(app: FastifyInstance, deps: OrdersModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "orders.manage" } as const;

  for (const format of Object.keys(formats) as (keyof typeof formats)[]) {
    typed.get(
      `/admin/invoices/:id.${format}`,
      { config, schema: { params: z.object({ id: z.string() }) } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const invoiceId = uuidParam(request.params.id);
        if (!invoiceId) throw new AppError("not_found");
        const invoice = await readInvoice(deps, invoiceId);
        if (!invoice) throw new AppError("not_found");
        const [owner] = await deps.db
          .select({ subjectId: invoices.subjectId })
          .from(invoices)
          .where(eq(invoices.id, invoiceId));
        const policy = deps.policy();
        const content =
          format === "pdf"
            ? await renderInvoicePdf(invoice, policy)
            : Buffer.from(renderInvoiceUbl(invoice, policy), "utf8");
        await appendAudit(deps.db, {
          clock: deps.clock,
          entry: {
            actor: { type: "staff", id: staff.staffId },
            action: "orders.invoice_downloaded",
            ...(owner?.subjectId ? { subjectId: owner.subjectId } : {}),
            recordType: invoiceRecordType.id,
            recordId: invoice.id,
            purpose: "orders",
            details: { format, kind: invoice.kind, bytes: content.length },
          },
        });
        // Numbers are digits, dashes and "CN": safe as they are in a file name.
        const fileName = `${invoice.number.replace(/[^A-Za-z0-9-]/g, "_")}.${format}`;
        return reply
          .header("content-type", formats[format].mediaType)
          .header("content-disposition", `attachment; filename="${fileName}"`)
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "default-src 'none'; sandbox")
          .send(content);
      },
    );
  }
}
