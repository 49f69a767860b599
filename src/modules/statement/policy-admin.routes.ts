import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { sendPage } from "../../core/http/index.ts";
import { applyPolicyRetention, type DataMap } from "../../datamap/index.ts";
import {
  activeVersionHash,
  contentHashOf,
  listPolicyVersions,
  type PolicyLoadResult,
  type PolicyProblem,
  type PolicyStore,
  parsePolicy,
  pendingPolicyNotices,
  queuePolicyNotice,
} from "../../policy/index.ts";
import { type BackOfficeContext, backOfficeContext, requireStaff } from "../staff/index.ts";
import { PolicyAdminPage, PolicyPreviewPage } from "./policy-admin.pages.tsx";
import { statementSections } from "./statement-sections.ts";
import { changedSections } from "./versions.pages.tsx";

export interface PolicyAdminDeps {
  db: Db;
  clock: Clock;
  policies: PolicyStore;
  publicUrl: string;
  /** A policy that would break a record type is refused like an invalid one. */
  dataMap: DataMap;
}

const sourceBody = z.object({ source: z.string().max(1_000_000), _csrf: z.string().optional() });

/** The policy file's own checks, then what it would break in the data map. */
function parseForDataMap(source: string, dataMap: DataMap): PolicyLoadResult {
  const parsed = parsePolicy(source);
  if ("problems" in parsed) return parsed;
  const problems = dataMap
    .problemsWith(parsed.policy)
    .map((message) => ({ path: "purposes", message }));
  return problems.length > 0 ? { problems } : parsed;
}

/** An invalid policy: its problems and the text to correct; the policy in force stays. */
function showProblems(
  reply: FastifyReply,
  context: BackOfficeContext,
  source: string,
  problems: PolicyProblem[],
): FastifyReply {
  return sendPage(
    reply,
    h(PolicyPreviewPage, { context, source, problems, warnings: [], changes: [] }),
    400,
  );
}

/** The confirmed policy, or the one in force, is not what the officer reviewed. */
function notWhatWasReviewed(reply: FastifyReply, context: BackOfficeContext): FastifyReply {
  return sendPage(
    reply,
    h(PolicyAdminPage, { context, current: undefined, notice: context.t("admin.policy.changed") }),
    409,
  );
}

/**
 * The privacy officer replaces the policy in three steps: paste, review (problems, or the
 * section-by-section changes), confirm. Nothing invalid, and nothing not reviewed, goes live.
 */
export function registerPolicyAdminRoutes(app: FastifyInstance, deps: PolicyAdminDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: "policy.manage" } as const;

  typed.get(
    "/admin/policy",
    { config, schema: { querystring: z.object({ done: z.literal("activated").optional() }) } },
    async (request, reply) => {
      const [current] = await listPolicyVersions(deps.db);
      const notices = await pendingPolicyNotices(deps.db);
      return sendPage(
        reply,
        h(PolicyAdminPage, {
          context: backOfficeContext(request, reply),
          current,
          notice: request.query.done ? request.t("admin.policy.activated") : undefined,
          pendingNotices: notices.length,
        }),
      );
    },
  );

  typed.post(
    "/admin/policy/preview",
    { config, schema: { body: sourceBody } },
    async (request, reply) => {
      const { source } = request.body;
      const parsed = parseForDataMap(source, deps.dataMap);
      const context = backOfficeContext(request, reply);
      if ("problems" in parsed) return showProblems(reply, context, source, parsed.problems);
      const changes = changedSections(
        statementSections(deps.policies.current(), context.locale, context.t),
        statementSections(parsed.policy, context.locale, context.t),
      );
      return sendPage(
        reply,
        h(PolicyPreviewPage, {
          context,
          source,
          problems: [],
          warnings: parsed.warnings,
          changes,
          hash: contentHashOf(parsed.policy),
          base: deps.policies.currentHash,
        }),
      );
    },
  );

  typed.post(
    "/admin/policy/activate",
    {
      config,
      schema: { body: sourceBody.extend({ hash: z.string().max(64), base: z.string().max(64) }) },
    },
    async (request, reply) => {
      const staff = requireStaff(request);
      const parsed = parseForDataMap(request.body.source, deps.dataMap);
      const context = backOfficeContext(request, reply);
      if ("problems" in parsed) {
        return showProblems(reply, context, request.body.source, parsed.problems);
      }
      if (contentHashOf(parsed.policy) !== request.body.hash) {
        return notWhatWasReviewed(reply, context);
      }
      const activated = await deps.db.transaction(async (tx) => {
        // The diff was made against `base`: if someone activated another version since, the
        // officer has not seen what they would replace.
        if ((await activeVersionHash(tx)) !== request.body.base) return false;
        const hash = await deps.policies.activate(tx, {
          clock: deps.clock,
          policy: parsed.policy,
          source: request.body.source,
          staffId: staff.staffId,
        });
        // Stored dates follow the new rules at once (a 7-year period becoming 10 must not let
        // the next sweep erase invoices by the old one), in the activation's transaction.
        await applyPolicyRetention({
          db: tx,
          dataMap: deps.dataMap.withPolicy(parsed.policy),
          clock: deps.clock,
        });
        if (parsed.policy.version.notify) {
          await queuePolicyNotice(tx, {
            clock: deps.clock,
            policy: parsed.policy,
            contentHash: hash,
            publicUrl: deps.publicUrl,
          });
        }
        await appendAudit(tx, {
          clock: deps.clock,
          entry: {
            actor: { type: "staff", id: staff.staffId },
            action: "policy.activated",
            recordType: "policy_version",
            recordId: hash,
            details: {
              effectiveDate: parsed.policy.version.effectiveDate,
              notify: parsed.policy.version.notify ?? false,
            },
          },
        });
        return true;
      });
      if (!activated) {
        return notWhatWasReviewed(reply, context);
      }
      await deps.policies.refresh(deps.db);
      return reply.redirect("/admin/policy?done=activated", 303);
    },
  );
}
