import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, type ErrorCode, sendError, uuidParam } from "../../core/http/index.ts";
import { rightKinds } from "../../policy/index.ts";
import { vaultPurposes } from "../../vault/index.ts";
import { requireStaff } from "../staff/index.ts";
import { answerRequest, openAnsweredLetter } from "./answer-request.ts";
import { executeRight } from "./execute-right.ts";
import { ExecutionError, type ExecutionProblem, type RightStep, stepKey } from "./execute-steps.ts";
import { rectifyRequest } from "./rectification.ts";
import type { RightsDeps } from "./rights-deps.ts";

const params = z.object({ id: z.string() });

const executeBody = z.object({
  right: z.enum(rightKinds),
  purpose: z
    .enum(["", ...vaultPurposes])
    .optional()
    .default(""),
  to: z.enum(["", "self", "organisation"]).optional().default(""),
  _csrf: z.string().optional(),
});

/** Every field of the correction form: `rectify|<type>|<id>|<column>` and the CSRF token. */
const rectifyBody = z.record(z.string().max(300), z.string().max(10_000));

const answerBody = z.object({ _csrf: z.string().optional() });

/** What staff are told when a step or the answer is refused. */
const refusals: Record<ExecutionProblem, ErrorCode> = {
  not_found: "not_found",
  wrong_status: "conflict",
  already_done: "conflict",
  steps_pending: "conflict",
  no_email: "conflict",
  no_recipient: "conflict",
  not_asked: "bad_request",
  bad_field: "bad_request",
};

/**
 * Executing a verified request, one POST per step, the correction form, sending the answer,
 * and the person's download of the answered letter. The back-office guard checks the
 * permission and the security hook the CSRF token before any of these runs.
 */
export function registerExecutionRoutes(app: FastifyInstance, deps: RightsDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "rights.manage" } as const;

  typed.post(
    "/admin/rights/:id/execute",
    { config, schema: { params, body: executeBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = requestIdOf(request.params.id);
      const { right, purpose, to } = request.body;
      const step: RightStep = {
        kind: right,
        purpose: purpose === "" ? undefined : purpose,
        to: right === "portability" ? (to === "" ? "self" : to) : undefined,
      };
      await refused(executeRight(deps, { requestId, step, staffId: staff.staffId }));
      return backToPanel(reply, requestId, `step-${stepKey(step).replaceAll(":", "-")}`);
    },
  );

  typed.post(
    "/admin/rights/:id/rectify",
    { config, schema: { params, body: rectifyBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = requestIdOf(request.params.id);
      await refused(
        rectifyRequest(deps, { requestId, staffId: staff.staffId, values: request.body }),
      );
      return backToPanel(reply, requestId, "step-rectification");
    },
  );

  typed.post(
    "/admin/rights/:id/answer",
    { config, schema: { params, body: answerBody } },
    async (request, reply) => {
      const staff = requireStaff(request);
      const requestId = requestIdOf(request.params.id);
      await refused(answerRequest(deps, { requestId, staffId: staff.staffId }));
      return backToPanel(reply, requestId, "execution-letter");
    },
  );

  typed.get(
    "/privacy/request/:id/letter.pdf",
    // A HEAD is no reason to decrypt and render a letter.
    {
      schema: { params, querystring: z.object({ token: z.string().optional() }).loose() },
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      keepPrivate(reply);
      const requestId = uuidParam(request.params.id);
      const letter = requestId
        ? await openAnsweredLetter(deps, { requestId, token: request.query.token })
        : undefined;
      if (!letter) return notFound(request, reply);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${letter.filename}"`)
        .send(letter.pdf);
    },
  );
}

function requestIdOf(id: string): string {
  const requestId = uuidParam(id);
  if (!requestId) throw new AppError("not_found");
  return requestId;
}

async function refused<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ExecutionError) throw new AppError(refusals[error.problem]);
    throw error;
  }
}

/** Back to the request page (the queue part's), at the section that changed. */
function backToPanel(reply: FastifyReply, requestId: string, anchor: string): FastifyReply {
  return reply.redirect(`/admin/rights/${requestId}#${anchor}`, 303);
}

/** The link carries the token: no cache keeps the letter, no Referer leaks the link. */
function keepPrivate(reply: FastifyReply): void {
  reply
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .header("x-robots-tag", "noindex, nofollow");
}

function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(request, reply, new AppError("not_found"));
}
