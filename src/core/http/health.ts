import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Database } from "../db/database.ts";

const healthResponse = z.object({ status: z.enum(["ok", "ready", "unavailable"]) });

/** Liveness says the process answers; readiness says it can reach its database. */
export function registerHealth(app: FastifyInstance, database: Database): void {
  const common = { config: { rateLimit: false }, logLevel: "warn" } as const;
  app.get(
    "/healthz",
    {
      ...common,
      schema: { tags: ["operations"], summary: "Liveness", response: { 200: healthResponse } },
    },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    {
      ...common,
      schema: {
        tags: ["operations"],
        summary: "Readiness: the database answers",
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      try {
        await database.ping();
        return { status: "ready" as const };
      } catch {
        return reply.code(503).send({ status: "unavailable" as const });
      }
    },
  );
}
