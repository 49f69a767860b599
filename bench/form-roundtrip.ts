import fastifyFormbody from "@fastify/formbody";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database, DatabaseKind } from "../src/core/db/database.ts";
import { csrfToken } from "../src/core/http/index.ts";
import { buildBenchApp } from "./bench-app.ts";
import { driveRequests, type RoundTrip } from "./drive-requests.ts";
import { openScratchDatabase } from "./scratch-database.ts";

const submission = z.object({
  name: z.string().min(1).max(200),
  email: z.email(),
  message: z.string().min(1).max(5000),
  _csrf: z.string().optional(),
});

const insert = (database: Database, body: z.infer<typeof submission>) =>
  database.db.execute(
    sql`insert into bench_submission (name, email, message) values (${body.name}, ${body.email}, ${body.message})`,
  );

/** The product's stack: helmet, rate limit, cookies, CSRF, locale, zod, error handling. */
async function appServer(database: Database): Promise<FastifyInstance> {
  const app = await buildBenchApp(database);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get("/bench/form", async (_request, reply) => ({ csrf: csrfToken(reply) }));
  typed.post("/bench/form", { schema: { body: submission } }, async (request) => {
    await insert(database, request.body);
    return { ok: true };
  });
  return app;
}

/** The baseline: a bare Fastify route doing the same parse, check and insert. */
async function bareServer(database: Database): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyFormbody);
  app.post("/bench/form", async (request, reply) => {
    const parsed = submission.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ ok: false });
    await insert(database, parsed.data);
    return { ok: true };
  });
  return app;
}

function drive(url: string, headers: Record<string, string>, total: number): Promise<RoundTrip> {
  return driveRequests({
    url,
    total,
    concurrency: 8,
    expected: 200,
    init: (i) => ({
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        name: `Bench ${i}`,
        email: `bench${i}@example.be`,
        message: "Ik had graag een offerte voor een nieuwe laptop.",
        _csrf: headers["x-csrf-token"] ?? "",
      }),
    }),
  });
}

async function measure(
  server: FastifyInstance,
  withCsrf: boolean,
  total: number,
): Promise<RoundTrip> {
  const address = await server.listen({ port: 0, host: "127.0.0.1" });
  const headers: Record<string, string> = {};
  if (withCsrf) {
    const form = await fetch(`${address}/bench/form`);
    headers.cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    headers["x-csrf-token"] = ((await form.json()) as { csrf: string }).csrf;
  }
  await drive(`${address}/bench/form`, headers, Math.min(300, total)); // warm-up
  const result = await drive(`${address}/bench/form`, headers, total);
  await server.close();
  return result;
}

async function openBenchDatabase(kind: DatabaseKind): Promise<Database> {
  const database = await openScratchDatabase(kind);
  await database.db.execute(
    sql`create table bench_submission (id bigserial primary key, name text, email text, message text)`,
  );
  return database;
}

export async function formRoundTrip(kind: DatabaseKind, total: number) {
  const database = await openBenchDatabase(kind);
  try {
    // Alternate so neither side always runs on a warmer machine.
    const bare1 = await measure(await bareServer(database), false, total);
    const app1 = await measure(await appServer(database), true, total);
    const bare2 = await measure(await bareServer(database), false, total);
    const app2 = await measure(await appServer(database), true, total);
    const bare = bare1.perSecond > bare2.perSecond ? bare1 : bare2;
    const app = app1.perSecond > app2.perSecond ? app1 : app2;
    return { kind, bare, app, ratio: app.perSecond / bare.perSecond };
  } finally {
    await database.close();
  }
}
