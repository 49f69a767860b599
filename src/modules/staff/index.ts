import type { FastifyInstance } from "fastify";
import { registerAuditLogRoutes } from "./audit-log.routes.ts";
import { registerBackOfficeGuard } from "./backoffice-guard.ts";
import { registerStaffRoutes, type StaffModuleDeps } from "./staff.routes.ts";

export {
  BACKOFFICE_PREFIX,
  isBackOffice,
  type RoutePermission,
  requireStaff,
  STAFF_COOKIE,
} from "./backoffice-guard.ts";
export { type Permission, permissions, roleCan, rolePermissions } from "./permissions.ts";
export { totpCodeAt } from "./second-factor.ts";
export {
  AdminLayout,
  type BackOfficeContext,
  backOfficeSections,
  CsrfField,
} from "./staff.pages.tsx";
export { backOfficeContext, type StaffModuleDeps } from "./staff.routes.ts";
export {
  activePrivacyOfficers,
  countStaff,
  createStaffAccount,
  issueSetupLink,
  listStaff,
  normaliseStaffEmail,
  type StaffSecrets,
} from "./staff.service.ts";
export { type StaffRole, staffRoles } from "./staff.tables.ts";

/** The back office: its guard over every /admin route, staff accounts, and the audit log page. */
export function registerStaffModule(app: FastifyInstance, deps: StaffModuleDeps): void {
  registerBackOfficeGuard(app, deps);
  registerStaffRoutes(app, deps);
  registerAuditLogRoutes(app, deps);
}
