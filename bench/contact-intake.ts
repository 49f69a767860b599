import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { z } from "zod";
import type { Database, DatabaseKind } from "../src/core/db/database.ts";
import { buildBenchApp } from "./bench-app.ts";
import { driveRequests, type RoundTrip } from "./drive-requests.ts";
import { sampled } from "./peak-rss.ts";
import { openScratchDatabase } from "./scratch-database.ts";

const concurrency = 32;

const body = z.object({
  name: z.string().min(1).max(200),
  email: z.email(),
  subject: z.string().min(1).max(200),
  message: z.string().min(1).max(10_000),
});

/** The baseline: a bare Fastify JSON route doing the same parse, check and one plain insert. */
async function bareServer(database: Database): Promise<FastifyInstance> {
  const app = Fastify();
  app.post("/api/contact", async (request, reply) => {
    const parsed = body.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ ok: false });
    const { name, email, message } = parsed.data;
    await database.db.execute(
      sql`insert into bench_submission (name, email, message) values (${name}, ${email}, ${message})`,
    );
    return reply.code(201).send({ reference: "C-BENCH0" });
  });
  return app;
}

/** Posts `total` requests, `concurrency` at a time, each from a different person. */
function drive(url: string, total: number): Promise<RoundTrip> {
  const run = performance.now();
  return driveRequests({
    url,
    total,
    concurrency,
    expected: 201,
    init: (i) => ({
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "nl" },
      body: JSON.stringify({
        name: `Bezoeker ${i}`,
        email: `bezoeker${i}.${run}@example.be`,
        subject: "Offerte",
        message: "Ik had graag een offerte voor een nieuwe laptop en een printer.",
      }),
    }),
  });
}

async function measure(server: FastifyInstance, total: number): Promise<RoundTrip> {
  const address = await server.listen({ port: 0, host: "127.0.0.1" });
  await drive(`${address}/api/contact`, Math.min(200, total)); // warm-up
  const result = await drive(`${address}/api/contact`, total);
  await server.close();
  return result;
}

/**
 * POST /api/contact without attachments: find or create the person, encrypt six fields under
 * their contact key, insert, audit and queue the confirmation mail, in one transaction; against
 * a bare route that parses and inserts once. Alternated, best of two each.
 */
export async function contactIntake(kind: DatabaseKind, total: number) {
  const database = await openScratchDatabase(kind);
  await database.db.execute(
    sql`create table bench_submission (id bigserial primary key, name text, email text, message text)`,
  );
  try {
    const bare1 = await measure(await bareServer(database), total);
    const app1 = await measure(await buildBenchApp(database), total);
    const bare2 = await measure(await bareServer(database), total);
    const app2 = await measure(await buildBenchApp(database), total);
    const bare = bare1.perSecond > bare2.perSecond ? bare1 : bare2;
    const app = app1.perSecond > app2.perSecond ? app1 : app2;
    return { kind, bare, app, ratio: app.perSecond / bare.perSecond };
  } finally {
    await database.close();
  }
}

/** One 10 MB PDF through POST /api/contact (multipart): time and this process's peak RSS. */
export async function largeUpload(kind: DatabaseKind) {
  const database = await openScratchDatabase(kind);
  const app = await buildBenchApp(database);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const pdf = Buffer.alloc(10 * 1024 * 1024 - 64 * 1024, 0x20);
    pdf.write("%PDF-1.7\n", 0, "latin1");
    const post = async () => {
      const form = new FormData();
      form.set("name", "An Peeters");
      form.set("email", `an.${Date.now()}@example.be`);
      form.set("subject", "Plan");
      form.set("message", "Het plan van de serverruimte.");
      form.set("attachments", new Blob([pdf], { type: "application/pdf" }), "plan.pdf");
      const response = await fetch(`${address}/api/contact`, { method: "POST", body: form });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`status ${response.status}`);
    };
    await post(); // warm-up: the first upload loads the parsers
    global.gc?.();
    const baselineRss = process.memoryUsage.rss() / 2 ** 20;
    const run = await sampled(post);
    return {
      kind,
      ms: run.ms,
      peakRssMiB: run.peakRssMiB,
      baselineRssMiB: baselineRss,
      fileMiB: pdf.length / 2 ** 20,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

export async function printContactBenchmarks(kinds: readonly DatabaseKind[], total: number) {
  const fixed = (n: number, digits = 0) => n.toFixed(digits);
  process.stdout.write(
    `\nPOST /api/contact without attachments, ${concurrency} concurrent clients, against a bare parse-and-insert route\n| database | bare req/s | app req/s | app / bare | app p50 ms | app p99 ms |\n|---|---|---|---|---|---|\n`,
  );
  for (const kind of kinds) {
    const r = await contactIntake(kind, total);
    process.stdout.write(
      `| ${kind} | ${fixed(r.bare.perSecond)} | ${fixed(r.app.perSecond)} | ${fixed(r.ratio, 2)} | ${fixed(r.app.p50Ms, 1)} | ${fixed(r.app.p99Ms, 1)} |\n`,
    );
  }
  process.stdout.write(
    "\none 10 MB PDF through POST /api/contact (multipart), this process\n| database | ms | RSS before MiB | peak RSS MiB |\n|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const r = await largeUpload(kind);
    process.stdout.write(
      `| ${kind} | ${fixed(r.ms)} | ${fixed(r.baselineRssMiB)} | ${fixed(r.peakRssMiB)} |\n`,
    );
  }
}
