export { registerRecordRoutes } from "./record.routes.ts";
export { registerStatementRoutes, type StatementDeps } from "./statement.routes.ts";
