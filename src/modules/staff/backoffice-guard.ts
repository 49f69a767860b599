import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { AppError } from "../../core/http/index.ts";
import { type Permission, roleCan } from "./permissions.ts";
import { type ActiveSession, resolveSession, type SessionPolicy } from "./sessions.ts";

export const STAFF_COOKIE = "wits_staff";
export const BACKOFFICE_PREFIX = "/admin";

/**
 * What a back-office route requires: a permission, "session" (signed in with the password, the
 * second factor may still be due: enrolment and the code page), or "public" (login, setup link).
 */
export type RoutePermission = Permission | "session" | "public";

declare module "fastify" {
  interface FastifyContextConfig {
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    staff: ActiveSession | null;
  }
}

export function sessionPolicyOf(config: Config): SessionPolicy {
  return {
    idleMs: config.STAFF_SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.STAFF_SESSION_ABSOLUTE_HOURS * 3_600_000,
  };
}

export function isBackOffice(url: string): boolean {
  return url === BACKOFFICE_PREFIX || url.startsWith(`${BACKOFFICE_PREFIX}/`);
}

/**
 * Guards every /admin route, wherever it is registered: no permission declared means no access
 * (deny by default), no session means the login page, a missing second factor means its page.
 */
export function registerBackOfficeGuard(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; config: Config },
): void {
  const policy = sessionPolicyOf(deps.config);
  app.decorateRequest("staff", null);
  // Setup links, recovery codes and colleagues' details must not stay in a browser's cache.
  app.addHook("onSend", async (request, reply) => {
    const route = request.routeOptions.url;
    if (route !== undefined && isBackOffice(route)) reply.header("cache-control", "no-store");
  });
  app.addHook("onRequest", async (request, reply) => {
    // The matched route's pattern, not the raw URL: "/%61dmin/staff" is routed to /admin/staff.
    const route = request.routeOptions.url;
    if (request.is404 || route === undefined || !isBackOffice(route)) return;
    const permission = request.routeOptions.config.permission;
    if (!permission) {
      request.log.error(
        { route: request.routeOptions.url },
        "back-office route without permission",
      );
      throw new AppError("forbidden");
    }
    const token = request.cookies[STAFF_COOKIE];
    request.staff = token
      ? ((await resolveSession(deps.db, { token, now: deps.clock.now(), policy })) ?? null)
      : null;
    if (permission === "public") return;
    const staff = request.staff;
    if (!staff) return redirectToLogin(request, reply);
    if (permission === "session") return;
    if (staff.pendingSecondFactor) {
      return reply.redirect(
        staff.secondFactorEnrolled
          ? `${BACKOFFICE_PREFIX}/login/code`
          : `${BACKOFFICE_PREFIX}/enrol`,
        303,
      );
    }
    if (!roleCan(staff.role, permission)) throw new AppError("forbidden");
  });
}

function redirectToLogin(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const next = request.method === "GET" ? request.url : BACKOFFICE_PREFIX;
  return reply.redirect(`${BACKOFFICE_PREFIX}/login?next=${encodeURIComponent(next)}`, 303);
}

/** Only a back-office path may follow a login: never another site. */
/** The signed-in staff member of a route that required a permission; the guard made sure. */
export function requireStaff(request: FastifyRequest): ActiveSession {
  if (!request.staff) throw new AppError("unauthorized");
  return request.staff;
}

export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !isBackOffice(next) || /[\\]|\/\//.test(next)) {
    return BACKOFFICE_PREFIX;
  }
  return next;
}
