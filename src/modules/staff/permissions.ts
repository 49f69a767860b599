import type { StaffRole } from "./staff.tables.ts";

/** Everything a back-office route can require (see RoutePermission for the pages before it). */
export const permissions = [
  "backoffice.view",
  "account.manage",
  "staff.manage",
  "audit.read",
  "subjects.read",
  "contact.manage",
  "newsletter.manage",
  "orders.manage",
  "customers.manage",
  "support.manage",
  "rights.manage",
  "quarantine.manage",
  "retention.manage",
  "registers.manage",
  "policy.manage",
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Permission[] = ["backoffice.view", "account.manage"];

/** The one place that says who may do what. */
export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  admin: permissions,
  privacy: [
    ...everyone,
    "audit.read",
    "subjects.read",
    "contact.manage",
    "newsletter.manage",
    "customers.manage",
    "support.manage",
    "rights.manage",
    // Quarantined records may hold health data or a child's words: the privacy role decides.
    "quarantine.manage",
    "retention.manage",
    "registers.manage",
    "policy.manage",
  ],
  support: [...everyone, "subjects.read", "contact.manage", "customers.manage", "support.manage"],
  billing: [...everyone, "subjects.read", "orders.manage", "customers.manage"],
};

export function roleCan(role: StaffRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
