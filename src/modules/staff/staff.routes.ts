import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { h } from "preact";
import { z } from "zod";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { csrfToken, pageContext, sendPage } from "../../core/http/index.ts";
import type { MessageKey } from "../../core/i18n/index.ts";
import {
  BACKOFFICE_PREFIX,
  type RoutePermission,
  requireStaff,
  STAFF_COOKIE,
  safeNext,
  sessionPolicyOf,
} from "./backoffice-guard.ts";
import { endSession, startSession } from "./sessions.ts";
import {
  AccountPage,
  type BackOfficeContext,
  DashboardPage,
  EnrolPage,
  LoginPage,
  RecoveryCodesPage,
  SecondFactorPage,
  SetupPage,
  StaffListPage,
} from "./staff.pages.tsx";
import {
  beginEnrolment,
  changePassword,
  changeRole,
  checkPassword,
  checkSecondFactor,
  completeSetup,
  confirmEnrolment,
  createStaffAccount,
  findBySetupToken,
  findStaff,
  issueSetupLink,
  listStaff,
  pendingProvisioning,
  regenerateRecoveryCodes,
  type StaffSecrets,
  setDisabled,
  signOutEverywhere,
} from "./staff.service.ts";
import { staffRoles } from "./staff.tables.ts";

export interface StaffModuleDeps {
  db: Db;
  clock: Clock;
  config: Config;
  secrets: StaffSecrets;
}

const text = (max: number) => z.string().trim().max(max);
/** PostgreSQL text cannot hold NUL: an address with one matches nobody and is refused here. */
const loginEmail = text(320).refine((value) => !value.includes("\u0000"));
const loginLimit = { max: 10, timeWindow: 60_000 };
const routeConfig = (permission: RoutePermission, limited = false) => ({
  permission,
  ...(limited ? { rateLimit: loginLimit } : {}),
});

export function backOfficeContext(request: FastifyRequest, reply: FastifyReply): BackOfficeContext {
  return { ...pageContext(request, reply), csrf: csrfToken(reply), staff: request.staff };
}

export function registerStaffRoutes(app: FastifyInstance, deps: StaffModuleDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const policy = sessionPolicyOf(deps.config);
  const secure = new URL(deps.config.PUBLIC_URL).protocol === "https:";
  const page = (request: FastifyRequest, reply: FastifyReply) => backOfficeContext(request, reply);
  const notice = (request: FastifyRequest, key: MessageKey | undefined) =>
    key ? request.t(key) : undefined;

  const signIn = async (reply: FastifyReply, staffId: string, secondFactorDone: boolean) => {
    const { token } = await startSession(deps.db, {
      staffId,
      now: deps.clock.now(),
      policy,
      secondFactorDone,
    });
    reply.setCookie(STAFF_COOKIE, token, {
      path: BACKOFFICE_PREFIX,
      httpOnly: true,
      sameSite: "lax",
      secure,
      maxAge: Math.floor(policy.absoluteMs / 1000),
    });
  };
  /** A new session id once the second factor passed, so a session id seen before is worthless. */
  const completeSignIn = async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = request.staff;
    if (!staff) return;
    await endSession(deps.db, staff.id, deps.clock.now());
    await signIn(reply, staff.staffId, true);
  };

  typed.get(
    "/admin/login",
    {
      config: routeConfig("public"),
      schema: { querystring: z.object({ next: z.string().optional() }) },
    },
    async (request, reply) => {
      if (request.staff && !request.staff.pendingSecondFactor) {
        return reply.redirect(safeNext(request.query.next), 303);
      }
      return sendPage(
        reply,
        h(LoginPage, { context: page(request, reply), next: safeNext(request.query.next) }),
      );
    },
  );

  typed.post(
    "/admin/login",
    {
      config: routeConfig("public", true),
      schema: {
        body: z.object({
          email: loginEmail,
          password: z.string().max(1024),
          next: z.string().optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const result = await checkPassword(
        { db: deps.db, clock: deps.clock, secrets: deps.secrets },
        { email: request.body.email, password: request.body.password, ip: request.ip },
      );
      if (result.outcome === "refused") {
        const error = result.lockedUntil
          ? request.t("admin.login.locked")
          : request.t("admin.login.refused");
        return sendPage(
          reply,
          h(LoginPage, {
            context: page(request, reply),
            next: safeNext(request.body.next),
            error,
            email: request.body.email,
          }),
          401,
        );
      }
      await signIn(reply, result.staffId, false);
      const account = await findStaff(deps.db, result.staffId);
      const next = encodeURIComponent(safeNext(request.body.next));
      const target = account?.totpEnabledAt ? `/admin/login/code?next=${next}` : "/admin/enrol";
      return reply.redirect(target, 303);
    },
  );

  typed.get(
    "/admin/login/code",
    {
      config: routeConfig("session"),
      schema: { querystring: z.object({ next: z.string().optional() }) },
    },
    async (request, reply) => {
      if (!request.staff?.pendingSecondFactor) return reply.redirect(BACKOFFICE_PREFIX, 303);
      if (!request.staff.secondFactorEnrolled) return reply.redirect("/admin/enrol", 303);
      return sendPage(
        reply,
        h(SecondFactorPage, { context: page(request, reply), next: safeNext(request.query.next) }),
      );
    },
  );

  typed.post(
    "/admin/login/code",
    {
      config: routeConfig("session", true),
      schema: {
        body: z.object({
          code: text(40),
          next: z.string().optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff?.pendingSecondFactor) return reply.redirect(BACKOFFICE_PREFIX, 303);
      const next = safeNext(request.body.next);
      const outcome = await checkSecondFactor(
        { db: deps.db, clock: deps.clock, secrets: deps.secrets },
        { staffId: staff.staffId, code: request.body.code },
      );
      if (outcome === "locked") {
        await endSession(deps.db, staff.id, deps.clock.now());
        return sendPage(
          reply,
          h(LoginPage, {
            context: page(request, reply),
            next: BACKOFFICE_PREFIX,
            error: request.t("admin.login.locked"),
          }),
          401,
        );
      }
      if (outcome === "wrong") {
        return sendPage(
          reply,
          h(SecondFactorPage, {
            context: page(request, reply),
            next,
            error: request.t("admin.code.wrong"),
          }),
          401,
        );
      }
      await completeSignIn(request, reply);
      return reply.redirect(next, 303);
    },
  );

  typed.get(
    "/admin/setup/:token",
    { config: routeConfig("public"), schema: { params: z.object({ token: text(100) }) } },
    async (request, reply) => {
      const account = await findBySetupToken(deps, request.params.token);
      if (!account)
        return sendPage(
          reply,
          h(LoginPage, {
            context: page(request, reply),
            next: BACKOFFICE_PREFIX,
            error: request.t("admin.setup.expired"),
          }),
          404,
        );
      return sendPage(
        reply,
        h(SetupPage, {
          context: page(request, reply),
          token: request.params.token,
          email: account.email,
        }),
      );
    },
  );

  typed.post(
    "/admin/setup/:token",
    {
      config: routeConfig("public", true),
      schema: {
        params: z.object({ token: text(100) }),
        body: z.object({
          password: z.string().max(1024),
          repeat: z.string().max(1024),
          username: z.string().optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const account = await findBySetupToken(deps, token);
      const again = (error: string, status: number) =>
        sendPage(
          reply,
          h(SetupPage, {
            context: page(request, reply),
            token,
            email: account?.email ?? "",
            error,
          }),
          status,
        );
      if (!account) return again(request.t("admin.setup.expired"), 404);
      if (request.body.password !== request.body.repeat) {
        return again(request.t("admin.password.mismatch"), 400);
      }
      const result = await completeSetup(deps, { token, password: request.body.password });
      if ("problem" in result) {
        return result.problem === "expired"
          ? again(request.t("admin.setup.expired"), 404)
          : again(request.t(`admin.password.${result.problem}`), 400);
      }
      await signIn(reply, result.staffId, false);
      return reply.redirect("/admin/enrol", 303);
    },
  );

  typed.get("/admin/enrol", { config: routeConfig("session") }, async (request, reply) => {
    const staff = request.staff;
    if (!staff || staff.secondFactorEnrolled) return reply.redirect(BACKOFFICE_PREFIX, 303);
    const secretDeps = { db: deps.db, clock: deps.clock, secrets: deps.secrets };
    const provisioning =
      (await pendingProvisioning(secretDeps, { staffId: staff.staffId })) ??
      (await beginEnrolment(secretDeps, { staffId: staff.staffId }));
    return sendPage(reply, h(EnrolPage, { context: page(request, reply), ...provisioning }));
  });

  typed.post(
    "/admin/enrol",
    {
      config: routeConfig("session", true),
      schema: { body: z.object({ code: text(40), _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff || staff.secondFactorEnrolled) return reply.redirect(BACKOFFICE_PREFIX, 303);
      const secretDeps = { db: deps.db, clock: deps.clock, secrets: deps.secrets };
      const codes = await confirmEnrolment(secretDeps, {
        staffId: staff.staffId,
        code: request.body.code,
      });
      if (!codes) {
        const provisioning = await pendingProvisioning(secretDeps, { staffId: staff.staffId });
        if (!provisioning) return reply.redirect("/admin/enrol", 303);
        return sendPage(
          reply,
          h(EnrolPage, {
            context: page(request, reply),
            ...provisioning,
            error: request.t("admin.code.wrong"),
          }),
          400,
        );
      }
      await completeSignIn(request, reply);
      return sendPage(reply, h(RecoveryCodesPage, { context: page(request, reply), codes }));
    },
  );

  typed.post("/admin/logout", { config: routeConfig("session") }, async (request, reply) => {
    if (request.staff) await endSession(deps.db, request.staff.id, deps.clock.now());
    reply.clearCookie(STAFF_COOKIE, { path: BACKOFFICE_PREFIX });
    return reply.redirect("/admin/login", 303);
  });

  typed.get("/admin", { config: routeConfig("backoffice.view") }, async (request, reply) =>
    sendPage(reply, h(DashboardPage, { context: page(request, reply) })),
  );

  registerStaffManagement(typed, deps, { page, notice });
  registerAccountRoutes(typed, deps, { page, notice });
}

type Typed = ReturnType<FastifyInstance["withTypeProvider"]>;
interface PageHelpers {
  page: (request: FastifyRequest, reply: FastifyReply) => BackOfficeContext;
  notice: (request: FastifyRequest, key: MessageKey | undefined) => string | undefined;
}

const staffNotices = {
  role_changed: "admin.staff.notice.role_changed",
  disabled: "admin.staff.notice.disabled",
  enabled: "admin.staff.notice.enabled",
} as const satisfies Record<string, MessageKey>;

function registerStaffManagement(
  typed: Typed,
  deps: StaffModuleDeps,
  { page, notice }: PageHelpers,
) {
  const app = typed.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: z.uuid() });
  const setupUrl = (token: string) =>
    new URL(`/admin/setup/${token}`, deps.config.PUBLIC_URL).toString();
  const showList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; setupLink?: string } = {},
  ) =>
    sendPage(
      reply,
      h(StaffListPage, {
        context: page(request, reply),
        accounts: await listStaff(deps.db),
        ...extra,
      }),
    );

  app.get(
    "/admin/staff",
    {
      config: routeConfig("staff.manage"),
      schema: {
        querystring: z.object({ done: z.enum(["role_changed", "disabled", "enabled"]).optional() }),
      },
    },
    async (request, reply) =>
      showList(request, reply, {
        notice: notice(request, request.query.done ? staffNotices[request.query.done] : undefined),
      }),
  );

  app.post(
    "/admin/staff",
    {
      config: routeConfig("staff.manage"),
      schema: {
        body: z.object({
          email: z.email().max(320),
          displayName: text(120).min(1),
          role: z.enum(staffRoles),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { setupToken } = await createStaffAccount(deps, {
        ...request.body,
        actorId: requireStaff(request).staffId,
      });
      return showList(request, reply, {
        notice: request.t("admin.staff.notice.invited"),
        setupLink: setupUrl(setupToken),
      });
    },
  );

  app.post(
    "/admin/staff/:id/role",
    {
      config: routeConfig("staff.manage"),
      schema: {
        params: idParams,
        body: z.object({ role: z.enum(staffRoles), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      await changeRole(deps, {
        staffId: request.params.id,
        role: request.body.role,
        actorId: requireStaff(request).staffId,
      });
      return reply.redirect("/admin/staff?done=role_changed", 303);
    },
  );

  app.post(
    "/admin/staff/:id/disabled",
    {
      config: routeConfig("staff.manage"),
      schema: {
        params: idParams,
        body: z.object({ disabled: z.enum(["true", "false"]), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const disabled = request.body.disabled === "true";
      await setDisabled(deps, {
        staffId: request.params.id,
        disabled,
        actorId: requireStaff(request).staffId,
      });
      return reply.redirect(`/admin/staff?done=${disabled ? "disabled" : "enabled"}`, 303);
    },
  );

  app.post(
    "/admin/staff/:id/setup-link",
    {
      config: routeConfig("staff.manage"),
      schema: { params: idParams, body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const token = await issueSetupLink(deps, {
        staffId: request.params.id,
        actorId: requireStaff(request).staffId,
      });
      return showList(request, reply, {
        notice: request.t("admin.staff.notice.link"),
        setupLink: setupUrl(token),
      });
    },
  );
}

function registerAccountRoutes(typed: Typed, deps: StaffModuleDeps, { page, notice }: PageHelpers) {
  const app = typed.withTypeProvider<ZodTypeProvider>();
  const accountNotices = {
    password_changed: "admin.account.notice.password_changed",
    signed_out: "admin.account.notice.signed_out",
  } as const satisfies Record<string, MessageKey>;
  const showAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string | undefined; error?: string } = {},
    status = 200,
  ) => {
    const account = await findStaff(deps.db, requireStaff(request).staffId);
    return sendPage(
      reply,
      h(AccountPage, {
        context: page(request, reply),
        recoveryCodesLeft: account?.recoveryCodes.length ?? 0,
        ...extra,
      }),
      status,
    );
  };

  app.get(
    "/admin/account",
    {
      config: routeConfig("account.manage"),
      schema: {
        querystring: z.object({ done: z.enum(["password_changed", "signed_out"]).optional() }),
      },
    },
    async (request, reply) =>
      showAccount(request, reply, {
        notice: notice(
          request,
          request.query.done ? accountNotices[request.query.done] : undefined,
        ),
      }),
  );

  app.post(
    "/admin/account/password",
    {
      config: routeConfig("account.manage", true),
      schema: {
        body: z.object({
          currentPassword: z.string().max(1024),
          newPassword: z.string().max(1024),
          username: z.string().optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff) return reply.redirect("/admin/login", 303);
      const problem = await changePassword(deps, {
        staffId: staff.staffId,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        keepSessionId: staff.id,
      });
      if (problem)
        return showAccount(request, reply, { error: request.t(`admin.password.${problem}`) }, 400);
      return reply.redirect("/admin/account?done=password_changed", 303);
    },
  );

  app.post(
    "/admin/account/recovery-codes",
    {
      config: routeConfig("account.manage"),
      schema: { body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const codes = await regenerateRecoveryCodes(deps, { staffId: requireStaff(request).staffId });
      return sendPage(reply, h(RecoveryCodesPage, { context: page(request, reply), codes }));
    },
  );

  app.post(
    "/admin/account/sign-out-everywhere",
    {
      config: routeConfig("account.manage"),
      schema: { body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      await signOutEverywhere(deps, { staffId: requireStaff(request).staffId });
      reply.clearCookie(STAFF_COOKIE, { path: BACKOFFICE_PREFIX });
      return reply.redirect("/admin/login", 303);
    },
  );
}
