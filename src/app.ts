import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Clock } from "./core/clock.ts";
import type { Config } from "./core/config.ts";
import type { Database } from "./core/db/database.ts";
import { detectLocale, translator } from "./core/i18n/index.ts";
import "./core/http/augment.ts";
import { apiDocsUiOptions } from "./core/http/api-docs-ui.ts";
import {
  AppError,
  codeForStatus,
  type RouteEntry,
  registerErrorHandling,
  registerHealth,
  registerLocale,
  registerSecurity,
  sendError,
} from "./core/http/index.ts";
import { registerMultipartDeadline } from "./core/http/multipart-deadline.ts";
import type { DataMap } from "./datamap/index.ts";
import { productModuleDeps } from "./module-deps.ts";
import { registerConsentModule } from "./modules/consent/index.ts";
import { registerContactModule } from "./modules/contact/index.ts";
import { registerCustomersModule } from "./modules/customers/index.ts";
import { registerNewsletterModule } from "./modules/newsletter/index.ts";
import { registerOrdersModule } from "./modules/orders/index.ts";
import { registerRecordsModule } from "./modules/records/index.ts";
import { registerRegistersModule } from "./modules/registers/index.ts";
import { registerRightsModule } from "./modules/rights/index.ts";
import { registerScannerModule } from "./modules/scanner/index.ts";
import { registerSecurityRoutes } from "./modules/security/index.ts";
import { registerSiteRoutes } from "./modules/site/index.ts";
import { registerStaffModule } from "./modules/staff/index.ts";
import {
  registerPolicyAdminRoutes,
  registerRecordRoutes,
  registerStatementRoutes,
} from "./modules/statement/index.ts";
import { type PasswordStore, registerSupportModule } from "./modules/support/index.ts";
import type { PolicyStore } from "./policy/index.ts";
import { createDataMap } from "./record-types.ts";
import type { Vault } from "./vault/index.ts";

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  log: Logger;
  vault: Vault;
  /** The policy in force; a new version can be activated while the server runs. */
  policies: PolicyStore;
  /** Defaults to every record type of the product; tests add their own. */
  dataMap?: DataMap;
  /** Where handed-over TeamViewer passwords wait; defaults to this process's memory. */
  passwords?: PasswordStore;
}

const publicDir = fileURLToPath(new URL("../public", import.meta.url));
const picoDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@picocss/pico/package.json")),
  "css",
);

/** Builds the whole app, core first, then every module by hand. Never listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const policy = () => deps.policies.current();
  const dataMap = deps.dataMap ?? createDataMap(policy);
  const secureCookies = new URL(config.PUBLIC_URL).protocol === "https:";
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    // An incoming X-Request-Id is not trusted: ids must be unique to find a log line.
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY : false,
    return503OnClosing: true,
    // A URL Fastify cannot even decode gets our error page in the visitor's language too.
    frameworkErrors: (error, request, reply) => {
      // Hooks have not run yet, so the request has no language of its own.
      request.locale = detectLocale({ acceptLanguage: request.headers["accept-language"] });
      request.t = translator(request.locale);
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      return sendError(request, reply, new AppError(codeForStatus(status), { cause: error }));
    },
  });
  // Every route with its config, so a test can prove each back-office route declares a permission.
  const routeCatalogue: RouteEntry[] = [];
  app.decorate("routeCatalogue", routeCatalogue);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routeCatalogue.push({ method, url: route.url, config: route.config ?? {} });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("site", {
    get organisationName() {
      return policy().organisation.name;
    },
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  registerErrorHandling(app);
  await registerSecurity(app, { config, secureCookies });
  registerLocale(app, { secureCookies });
  await app.register(fastifyFormbody, { bodyLimit: config.BODY_LIMIT_BYTES });
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: config.UPLOAD_MAX_FILE_BYTES,
      files: config.UPLOAD_MAX_FILES,
      fields: 50,
      parts: 100,
    },
  });
  registerMultipartDeadline(app);
  await app.register(fastifyStatic, { root: publicDir, prefix: "/assets/", maxAge: "1d" });
  await app.register(fastifyStatic, {
    root: picoDir,
    prefix: "/assets/pico/",
    decorateReply: false,
    maxAge: "7d",
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "WITS Privacy API",
        description: "Public and operational endpoints. Pages are not listed.",
        version: "0.1.0",
      },
    },
    hideUntagged: true,
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, apiDocsUiOptions);

  registerHealth(app, deps.database);
  registerSiteRoutes(app);
  registerStatementRoutes(app, {
    policy,
    policyHash: () => deps.policies.currentHash,
    db: deps.database.db,
  });
  registerRecordRoutes(app, { policy });
  registerPolicyAdminRoutes(app, {
    db: deps.database.db,
    clock: deps.clock,
    policies: deps.policies,
    publicUrl: config.PUBLIC_URL,
    dataMap,
  });
  registerStaffModule(app, {
    db: deps.database.db,
    clock: deps.clock,
    config,
    secrets: deps.vault,
  });
  const modules = productModuleDeps({
    db: deps.database.db,
    clock: deps.clock,
    vault: deps.vault,
    dataMap,
    config,
    policies: deps.policies,
    passwords: deps.passwords,
  });
  registerRecordsModule(app, modules.engines);
  registerRightsModule(app, modules.rights);
  registerScannerModule(app, modules.scanner);
  registerContactModule(app, modules.contact);
  registerNewsletterModule(app, modules.newsletter);
  registerOrdersModule(app, modules.orders);
  registerCustomersModule(app, modules.customers);
  registerConsentModule(app, modules.consent);
  registerSecurityRoutes(app, modules.security);
  registerRegistersModule(app, modules.registers);
  registerSupportModule(app, modules.support);
  return app;
}
