export { registerRecordRoutes } from "./record.routes.ts";
export { policyHashOf, registerStatementRoutes } from "./statement.routes.ts";
