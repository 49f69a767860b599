export { visitorActions } from "./site.pages.tsx";
export { registerSiteRoutes } from "./site.routes.ts";
