import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { sendPage } from "../../core/http/index.ts";
import {
  activeLegalHolds,
  isoDay,
  planSweep,
  type SweepReport,
  sweepRetention,
} from "../../datamap/index.ts";
import { backOfficeContext, requireStaff } from "../staff/index.ts";
import { endOfDay, parseCalendarDay } from "./calendar-day.ts";
import { describeSweepReason } from "./describe-sweep-reason.ts";
import type { RecordsModuleDeps } from "./records-module-deps.ts";
import { type PlanLine, RetentionPage, type SweepResult } from "./retention.pages.tsx";

type Preview = { day: string; until: Date } | { error: "bad_date" | "past_date" };

/**
 * The retention preview and the button that sweeps now. The preview is the sweep's own dry run,
 * so what it lists is exactly what a sweep on that day would erase.
 */
export function registerRetentionRoutes(app: FastifyInstance, deps: RecordsModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "retention.manage" } as const;

  const labelOf = (request: FastifyRequest, id: string) =>
    deps.dataMap.get(id)?.label[request.locale] ?? id;

  const planLines = async (request: FastifyRequest, until: Date): Promise<PlanLine[]> =>
    (await planSweep(deps, until)).map((row) => ({
      recordType: row.recordType,
      label: labelOf(request, row.recordType),
      reason: describeSweepReason(request.t, row),
      due: row.due,
      held: row.held,
    }));

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { typed: string; preview: Preview; result?: SweepResult },
  ) => {
    const now = deps.clock.now();
    const today = isoDay(now);
    const { preview } = options;
    // A refused date still shows what a sweep now would erase, under the message.
    const shown = "error" in preview ? { day: today, until: now } : preview;
    return sendPage(
      reply,
      h(RetentionPage, {
        context: backOfficeContext(request, reply),
        day: shown.day,
        isToday: shown.day === today,
        today,
        typed: options.typed,
        error: "error" in preview ? request.t(`records.retention.${preview.error}`) : undefined,
        plan: await planLines(request, shown.until),
        activeHolds: (await activeLegalHolds(deps.db, now)).length,
        result: options.result,
      }),
      "error" in preview ? 400 : 200,
    );
  };

  typed.get(
    "/admin/retention",
    { config, schema: { querystring: z.object({ until: z.string().max(40).optional() }) } },
    async (request, reply) => {
      const typedDay = request.query.until?.trim() ?? "";
      return render(request, reply, {
        typed: typedDay || isoDay(deps.clock.now()),
        preview: previewFor(typedDay, deps.clock.now()),
      });
    },
  );

  typed.post(
    "/admin/retention/run",
    { config, schema: { body: z.object({ _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const report = await sweepRetention(deps, { actor: { type: "staff", id: staff.staffId } });
      const today = isoDay(deps.clock.now());
      // Shown, not redirected: the counts belong to this one run, and sending the form again
      // only runs another sweep, which finds nothing more to erase.
      return render(request, reply, {
        typed: today,
        preview: { day: today, until: deps.clock.now() },
        result: resultOf(request, report, labelOf),
      });
    },
  );
}

/** Today (or nothing typed) previews a sweep now; a later day previews its last moment. */
function previewFor(typedDay: string, now: Date): Preview {
  const today = isoDay(now);
  if (typedDay === "" || typedDay === today) return { day: today, until: now };
  const start = parseCalendarDay(typedDay);
  if (!start) return { error: "bad_date" };
  if (typedDay < today) return { error: "past_date" };
  return { day: typedDay, until: endOfDay(start) };
}

function resultOf(
  request: FastifyRequest,
  report: SweepReport,
  labelOf: (request: FastifyRequest, id: string) => string,
): SweepResult {
  return {
    held: report.held,
    lines: Object.entries(report.byType).map(([recordType, counts]) => ({
      recordType,
      label: labelOf(request, recordType),
      ...counts,
    })),
  };
}
