import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { AppError, sendPage, uuidParam } from "../../core/http/index.ts";
import {
  isoDay,
  type LegalHold,
  LegalHoldError,
  listLegalHolds,
  placeLegalHold,
  releaseLegalHold,
} from "../../datamap/index.ts";
import { backOfficeContext, listStaff, requireStaff, roleCan } from "../staff/index.ts";
import { emptyHoldForm, type HoldForm, readHoldForm } from "./hold-form.ts";
import { type HoldLine, type HoldStatus, HoldsPage } from "./holds.pages.tsx";
import type { RecordsModuleDeps } from "./records-module-deps.ts";

const formText = (max: number) => z.string().max(max).optional().default("");
const holdBody = z.object({
  recordType: formText(100),
  email: formText(320),
  reason: formText(500),
  endsOn: formText(40),
  _csrf: z.string().optional(),
});

const notices = { placed: "records.holds.placed", released: "records.holds.released" } as const;

/** Legal holds: list, place (on a record type and/or a person found by e-mail), release. */
export function registerHoldsRoutes(app: FastifyInstance, deps: RecordsModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "retention.manage" } as const;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { form?: HoldForm; error?: string; notice?: string; status?: number } = {},
  ) => {
    const now = deps.clock.now();
    const staffNames = new Map(
      (await listStaff(deps.db)).map((account) => [account.id, account.displayName]),
    );
    const staff = requireStaff(request);
    return sendPage(
      reply,
      h(HoldsPage, {
        context: backOfficeContext(request, reply),
        holds: (await listLegalHolds(deps.db)).map((hold) =>
          holdLine(
            hold,
            now,
            (id) => staffNames.get(id) ?? id,
            (type) => (type ? (deps.dataMap.get(type)?.label[request.locale] ?? type) : null),
          ),
        ),
        recordTypes: deps.dataMap.recordTypes.map((type) => ({
          id: type.id,
          label: type.label[request.locale],
        })),
        form: options.form ?? emptyHoldForm,
        today: isoDay(now),
        error: options.error,
        notice: options.notice,
        canReadSubjects: roleCan(staff.role, "subjects.read"),
      }),
      options.status,
    );
  };

  typed.get(
    "/admin/holds",
    {
      config,
      schema: { querystring: z.object({ done: z.enum(["placed", "released"]).optional() }) },
    },
    async (request, reply) =>
      render(request, reply, {
        notice: request.query.done ? request.t(notices[request.query.done]) : undefined,
      }),
  );

  typed.post("/admin/holds", { config, schema: { body: holdBody } }, async (request, reply) => {
    const staff = requireStaff(request);
    const { _csrf, ...form } = request.body;
    const read = await readHoldForm(deps, form, deps.clock.now());
    if ("error" in read) {
      return render(request, reply, { form, error: request.t(read.error), status: 400 });
    }
    try {
      await placeLegalHold(deps.db, deps.clock, { ...read.hold, placedBy: staff.staffId });
    } catch (error) {
      if (!(error instanceof LegalHoldError)) throw error;
      return render(request, reply, {
        form,
        error: request.t("records.holds.error.refused"),
        status: 400,
      });
    }
    return reply.redirect("/admin/holds?done=placed", 303);
  });

  typed.post(
    "/admin/holds/:id/release",
    {
      config,
      schema: {
        params: z.object({ id: z.string() }),
        body: z.object({ _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const holdId = uuidParam(request.params.id);
      if (!holdId) throw new AppError("not_found");
      try {
        await releaseLegalHold(deps.db, deps.clock, { holdId, releasedBy: staff.staffId });
      } catch (error) {
        if (!(error instanceof LegalHoldError)) throw error;
        return render(request, reply, {
          error: request.t("records.holds.error.not_active"),
          status: 409,
        });
      }
      return reply.redirect("/admin/holds?done=released", 303);
    },
  );
}

function holdLine(
  hold: LegalHold,
  now: Date,
  staffName: (id: string) => string,
  typeLabel: (id: string | null) => string | null,
): HoldLine {
  const status: HoldStatus = hold.releasedAt
    ? "released"
    : hold.endsAt && hold.endsAt <= now
      ? "ended"
      : "active";
  return {
    id: hold.id,
    subjectId: hold.subjectId,
    recordTypeLabel: typeLabel(hold.recordType),
    reason: hold.reason,
    placedBy: staffName(hold.placedBy),
    placedAt: hold.placedAt,
    endsAt: hold.endsAt,
    releasedAt: hold.releasedAt,
    releasedBy: hold.releasedBy ? staffName(hold.releasedBy) : null,
    status,
  };
}
