import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { listAudit } from "../../audit/index.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { sendPage } from "../../core/http/index.ts";
import { AuditLogPage } from "./audit-log.pages.tsx";
import { backOfficeContext } from "./staff.routes.ts";
import { listStaff } from "./staff.service.ts";

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;
const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const optionalText = z.string().max(100).optional().transform(blankToUndefined);
const optionalDate = z
  .string()
  .optional()
  .transform(blankToUndefined)
  .pipe(z.iso.date().optional());

export function registerAuditLogRoutes(
  app: FastifyInstance,
  deps: { db: Db; config: Config },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/admin/audit",
    {
      config: { permission: "audit.read" },
      schema: {
        querystring: z.object({
          action: optionalText,
          actorId: optionalText,
          subjectId: optionalText,
          from: optionalDate,
          to: optionalDate,
          before: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { before, ...filters } = request.query;
      const page = await listAudit(deps.db, {
        limit: PAGE_SIZE,
        ...(filters.action ? { action: filters.action } : {}),
        ...(filters.actorId ? { actorId: filters.actorId } : {}),
        ...(filters.subjectId ? { subjectId: filters.subjectId } : {}),
        ...(filters.from ? { from: new Date(`${filters.from}T00:00:00Z`) } : {}),
        // "Up to and including" a day: the day after, exclusive.
        ...(filters.to
          ? { to: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS) }
          : {}),
        ...(before ? { beforeSeq: before } : {}),
      });
      const older = page.nextBeforeSeq
        ? `/admin/audit?${new URLSearchParams({
            ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value)),
            before: String(page.nextBeforeSeq),
          })}`
        : undefined;
      return sendPage(
        reply,
        h(AuditLogPage, {
          context: backOfficeContext(request, reply),
          entries: page.entries,
          filters,
          olderHref: older,
          staffNames: new Map(
            (await listStaff(deps.db)).map((account) => [account.id, account.displayName]),
          ),
          timeZone: deps.config.JOBS_TIMEZONE,
        }),
      );
    },
  );
}
