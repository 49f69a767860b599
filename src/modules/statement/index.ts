export { policyHashOf, registerStatementRoutes } from "./statement.routes.ts";
