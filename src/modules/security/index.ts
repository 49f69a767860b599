export { registerSecurityRoutes, type SecurityDeps } from "./security.routes.ts";
export { securityTxt } from "./security-txt.ts";
