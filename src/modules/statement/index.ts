export { type PolicyAdminDeps, registerPolicyAdminRoutes } from "./policy-admin.routes.ts";
export { registerRecordRoutes } from "./record.routes.ts";
export { registerStatementRoutes, type StatementDeps } from "./statement.routes.ts";
