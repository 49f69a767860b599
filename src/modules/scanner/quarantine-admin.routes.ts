import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, doneNotices, sendPage, uuidParam } from "../../core/http/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import type { Quarantine } from "./quarantine.ts";
import { QuarantineDetailPage, QuarantineListPage } from "./quarantine-admin.pages.tsx";
import {
  type Decision,
  decideQuarantine,
  listForOfficer,
  staffEmails,
  viewQuarantine,
} from "./quarantine-admin.service.ts";
import type { ScannerDeps } from "./scanner-deps.ts";
import { latestStoredScan, requestStoredScan } from "./stored-scan.ts";
import { holdFromScan } from "./stored-scan-hold.ts";
import { storedScanReport } from "./stored-scan-report.ts";

const notices = {
  released: "scanner-admin.done.released",
  deleted: "scanner-admin.done.deleted",
  held: "scanner-admin.done.held",
  held_deleted: "scanner-admin.done.held_deleted",
  scan: "scanner-admin.done.scan",
  scan_running: "scanner-admin.done.scan_running",
} as const;
const done = doneNotices(notices);

const idParams = z.object({ id: z.string().max(100) });
const csrfOnly = z.object({ _csrf: z.string().optional() });

interface ListState {
  notice?: string | undefined;
  scanError?: string | undefined;
  refresh?: boolean;
  status?: number;
}

/**
 * The privacy officer's quarantine: the list, one record with today's findings (audited), the
 * release or delete decision, and "scan existing data" with its report. quarantine.manage only:
 * the text of a held record is what the statement says nobody else may see.
 */
export function registerQuarantineAdminRoutes(app: FastifyInstance, deps: ScannerDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "quarantine.manage" } as const;

  const naming = async (request: FastifyRequest) => {
    const emails = await staffEmails(deps.db);
    return {
      labelOf: (recordType: string) =>
        deps.dataMap.get(recordType)?.label[request.locale] ?? recordType,
      decidedBy: (quarantine: Quarantine) => {
        if (quarantine.decidedBy) return emails.get(quarantine.decidedBy) ?? quarantine.decidedBy;
        // Nobody decided: the policy allowed no hours (deleted at intake), or they ran out.
        const atOnce = quarantine.deleteAfter.getTime() <= quarantine.heldAt.getTime();
        return request.t(atOnce ? "scanner-admin.by.intake" : "scanner-admin.by.system");
      },
      now: deps.clock.now(),
    };
  };

  const fieldLabel = (request: FastifyRequest) => (recordType: string, column: string) =>
    deps.dataMap.get(recordType)?.fields.find((field) => field.column === column)?.label[
      request.locale
    ] ?? column;

  const renderList = async (request: FastifyRequest, reply: FastifyReply, state: ListState) => {
    const scan = await latestStoredScan(deps.db);
    const report = scan?.status === "done" ? await storedScanReport(deps, scan) : undefined;
    return sendPage(
      reply,
      h(QuarantineListPage, {
        context: backOfficeContext(request, reply),
        ...(await naming(request)),
        ...(await listForOfficer(deps.db)),
        notice: state.notice,
        scan: {
          scan,
          report,
          fieldLabelOf: fieldLabel(request),
          refresh: state.refresh ?? false,
          error: state.scanError,
        },
      }),
      state.status ?? 200,
    );
  };

  const renderDetail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    quarantineId: string,
    state: { error?: string; status?: number } = {},
  ) => {
    const staff = requireStaff(request);
    const view = await viewQuarantine(deps, { quarantineId, staffId: staff.staffId });
    if (!view) throw new AppError("not_found");
    return sendPage(
      reply,
      h(QuarantineDetailPage, {
        context: backOfficeContext(request, reply),
        ...(await naming(request)),
        view,
        error: state.error,
      }),
      state.status ?? 200,
    );
  };

  typed.get(
    "/admin/quarantine",
    {
      config,
      schema: { querystring: done.query.extend({ refresh: z.enum(["on", "off"]).optional() }) },
    },
    async (request, reply) =>
      renderList(request, reply, {
        notice: done.text(request.t, request.query.done),
        refresh: request.query.refresh === "on",
      }),
  );

  typed.get(
    "/admin/quarantine/:id",
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const quarantineId = uuidParam(request.params.id);
      if (!quarantineId) throw new AppError("not_found");
      return renderDetail(request, reply, quarantineId);
    },
  );

  const decide = (decision: Decision) =>
    async function decideRoute(
      request: FastifyRequest<{ Params: z.infer<typeof idParams> }>,
      reply: FastifyReply,
    ) {
      const staff = requireStaff(request);
      const quarantineId = uuidParam(request.params.id);
      if (!quarantineId) throw new AppError("not_found");
      const result = await decideQuarantine(deps, {
        quarantineId,
        staffId: staff.staffId,
        decision,
      });
      if (result.status === "not_found") throw new AppError("not_found");
      if (result.status === "not_held") {
        const status = request.t(`scanner-admin.status.${result.quarantine.status}`);
        return renderDetail(request, reply, quarantineId, {
          error: request.t("scanner-admin.error.decided", { status }),
          status: 409,
        });
      }
      const outcome = decision === "release" ? "released" : "deleted";
      return reply.redirect(`/admin/quarantine?done=${outcome}`, 303);
    };

  typed.post(
    "/admin/quarantine/:id/release",
    { config, schema: { params: idParams, body: csrfOnly } },
    decide("release"),
  );
  typed.post(
    "/admin/quarantine/:id/delete",
    { config, schema: { params: idParams, body: csrfOnly } },
    decide("delete"),
  );

  typed.post(
    "/admin/quarantine/scan",
    { config, schema: { body: csrfOnly } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const { created } = await requestStoredScan(deps, {
        actor: { type: "staff", id: staff.staffId },
      });
      return reply.redirect(
        `/admin/quarantine?done=${created ? "scan" : "scan_running"}#scan`,
        303,
      );
    },
  );

  typed.post(
    "/admin/quarantine/scan/hold",
    {
      config,
      schema: {
        body: z.object({
          recordType: z.string().max(100),
          recordId: z.string().max(100),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const recordId = uuidParam(request.body.recordId);
      const result = recordId
        ? await holdFromScan(deps, {
            recordType: request.body.recordType,
            recordId,
            staffId: staff.staffId,
          })
        : ({ status: "not_in_report" } as const);
      if (result.status === "held") {
        return reply.redirect(
          `/admin/quarantine?done=${result.deleted ? "held_deleted" : "held"}#scan`,
          303,
        );
      }
      return renderList(request, reply, {
        scanError: request.t(`scanner-admin.error.${result.status}`),
        status: result.status === "not_in_report" ? 404 : 409,
      });
    },
  );
}
