import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { cookiesOf, createTestApp, type TestApp } from "../../../test/helpers/app.ts";
import { databaseKinds } from "../../../test/helpers/database.ts";
import type { Config } from "../config.ts";
import type { DatabaseKind } from "../db/database.ts";
import { csrfToken, readMultipartForm } from "./index.ts";

const configs = new WeakMap<FastifyInstance, Config>();
const loadedConfig = (app: FastifyInstance): Config => {
  const config = configs.get(app);
  assert.ok(config);
  return config;
};

interface Part {
  name: string;
  value: string;
  filename?: string;
}

/** A multipart body as a browser sends it, parts in the order given. */
function multipart(parts: Part[]): { headers: Record<string, string>; payload: string } {
  const boundary = "----wits-test-boundary";
  const body = parts
    .map((part) => {
      const file = part.filename ? `; filename="${part.filename}"\r\nContent-Type: text/plain` : "";
      return `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n\r\n${part.value}\r\n`;
    })
    .join("");
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: `${body}--${boundary}--\r\n`,
  };
}

/** Routes that exercise the core the way module routes will: a form page, an API, a failure. */
function addProbeRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get("/probe/form", async (_request, reply) => ({ csrf: csrfToken(reply) }));
  typed.post(
    "/probe/form",
    {
      schema: { body: z.object({ name: z.string().min(2), email: z.email(), _csrf: z.string() }) },
    },
    async (request) => ({ hello: request.body.name }),
  );
  typed.post(
    "/api/probe",
    {
      schema: {
        tags: ["probe"],
        body: z.object({ email: z.email(), count: z.number().int().max(10) }),
      },
    },
    async (request, reply) => reply.code(201).send({ count: request.body.count }),
  );
  const upload = async (request: FastifyRequest, reply: FastifyReply) => {
    const form = await readMultipartForm(request, reply, {
      maxTotalBytes: loadedConfig(app).UPLOAD_MAX_TOTAL_BYTES,
    });
    return { files: form.files.length, fields: form.fields };
  };
  typed.post("/api/probe/upload", upload);
  typed.post("/probe/upload", { config: { multipartForm: true } }, upload);
  typed.get("/probe/boom", async () => {
    throw new Error("duplicate key: Key (email)=(jan@example.be) already exists");
  });
  typed.get("/probe/ip", async (request) => ({ ip: request.ip }));
}

async function createProbeApp(kind: DatabaseKind, env: Record<string, string> = {}) {
  let built: FastifyInstance | undefined;
  const t = await createTestApp(kind, {
    env,
    extend: (app) => {
      built = app;
      addProbeRoutes(app);
    },
  });
  if (built) configs.set(built, t.config);
  return t;
}

for (const kind of databaseKinds) {
  describe(`HTTP core on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createProbeApp(kind);
    });
    after(() => t.close());

    it("serves the home page in Dutch by default, listing what a visitor can do", async () => {
      const response = await t.app.inject({ method: "GET", url: "/" });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers["content-type"]), /text\/html/);
      assert.match(response.body, /<html lang="nl"/);
      assert.match(response.body, /Je gegevens inzien, aanpassen of laten verwijderen/);
      for (const href of ["/contact", "/newsletter", "/privacy", "/cookies", "/privacy/request"]) {
        assert.match(response.body, new RegExp(`href="${href}"`));
      }
      assert.doesNotMatch(response.body, /<script/, "the page needs no JavaScript");
    });

    it("switches language with ?lang= and remembers it in a cookie", async () => {
      const switched = await t.app.inject({ method: "GET", url: "/?lang=fr" });
      assert.match(switched.body, /<html lang="fr"/);
      assert.match(switched.body, /Consulter, corriger ou effacer vos données/);
      const cookie = cookiesOf(switched.headers["set-cookie"]);
      assert.match(cookie, /lang=fr/);
      const next = await t.app.inject({ method: "GET", url: "/", headers: { cookie } });
      assert.match(next.body, /<html lang="fr"/);
    });

    it("follows the browser's Accept-Language when nothing was chosen", async () => {
      const response = await t.app.inject({
        method: "GET",
        url: "/",
        headers: { "accept-language": "de-DE, en;q=0.8, nl;q=0.5" },
      });
      assert.match(response.body, /<html lang="en"/);
    });

    it("sends a strict Content-Security-Policy with nonces and no inline script", async () => {
      const response = await t.app.inject({ method: "GET", url: "/" });
      const csp = String(response.headers["content-security-policy"]);
      assert.match(csp, /script-src 'self' 'nonce-[0-9a-f]{32}'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers["x-content-type-options"], "nosniff");
      assert.match(String(response.headers["x-request-id"]), /^[0-9a-f-]{36}$/);
    });

    it("shows a 404 page to browsers and a JSON error to API clients", async () => {
      const page = await t.app.inject({
        method: "GET",
        url: "/nowhere",
        headers: { "accept-language": "en" },
      });
      assert.equal(page.statusCode, 404);
      assert.match(page.body, /This page does not exist/);
      const api = await t.app.inject({ method: "GET", url: "/api/nowhere" });
      assert.equal(api.statusCode, 404);
      assert.equal(api.json().error.code, "not_found");
      assert.equal(api.json().error.message, "Deze pagina bestaat niet (meer).");
    });

    it("never points the language switcher at another site", async () => {
      for (const url of ["//evil.example", "/\\evil.example/x", "/%2F%2Fevil.example"]) {
        const response = await t.app.inject({ method: "GET", url });
        assert.doesNotMatch(response.body, /href="[^"]*evil\.example/, url);
        assert.match(response.body, /href="\/\?lang=en"/, url);
      }
    });

    it("answers liveness and readiness", async () => {
      assert.deepEqual((await t.app.inject({ url: "/healthz" })).json(), { status: "ok" });
      const ready = await t.app.inject({ url: "/readyz" });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: "ready" });
    });

    it("publishes OpenAPI at /docs from the zod schemas, without the pages", async () => {
      const spec = (await t.app.inject({ url: "/docs/json" })).json();
      assert.ok(spec.paths["/healthz"]);
      assert.ok(spec.paths["/api/probe"].post.requestBody);
      assert.equal(spec.paths["/"], undefined);
      assert.equal((await t.app.inject({ url: "/docs" })).statusCode < 400, true);
    });

    it("refuses invalid API input with 400 and field messages in the visitor's language", async () => {
      const dutch = await t.app.inject({
        method: "POST",
        url: "/api/probe",
        payload: { email: "not-an-address", count: 2 },
      });
      assert.equal(dutch.statusCode, 400);
      const error = dutch.json().error;
      assert.equal(error.code, "validation");
      assert.equal(error.message, "Sommige gegevens kloppen niet. Verbeter ze en probeer opnieuw.");
      assert.equal(error.fields[0].field, "email");
      assert.match(error.fields[0].message, /^e-mailadres: Ongeldig/);
      const french = await t.app.inject({
        method: "POST",
        url: "/api/probe",
        headers: { "accept-language": "fr-BE" },
        payload: { email: "jan@example.be", count: 99 },
      });
      assert.equal(french.statusCode, 400);
      assert.match(french.json().error.message, /Certaines données ne sont pas correctes/);
      assert.equal(french.json().error.fields[0].field, "count");
    });

    it("answers malformed JSON, a wrong content type and a huge body with 4xx, never 500", async () => {
      const cases = [
        { payload: "{not json", type: "application/json", status: 400, code: "bad_request" },
        { payload: "<x/>", type: "application/xml", status: 415, code: "unsupported_media_type" },
        {
          payload: JSON.stringify({ email: "a@b.be", count: 1, pad: "x".repeat(2_000_000) }),
          type: "application/json",
          status: 413,
          code: "too_large",
        },
      ];
      for (const { payload, type, status, code } of cases) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/probe",
          headers: { "content-type": type },
          payload,
        });
        assert.equal(response.statusCode, status, `${type}: ${response.body.slice(0, 200)}`);
        assert.equal(response.json().error.code, code);
      }
    });

    it("refuses a form post without its CSRF token, and accepts it with one", async () => {
      const missing = await t.app.inject({
        method: "POST",
        url: "/probe/form",
        payload: { name: "Jan", email: "jan@example.be", _csrf: "forged" },
      });
      assert.equal(missing.statusCode, 403);
      assert.match(missing.body, /Dit formulier is verlopen of kwam niet van onze website/);

      const form = await t.app.inject({ method: "GET", url: "/probe/form" });
      const cookie = cookiesOf(form.headers["set-cookie"]);
      const { csrf } = form.json();
      const accepted = await t.app.inject({
        method: "POST",
        url: "/probe/form",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          name: "Jan",
          email: "jan@example.be",
          _csrf: csrf,
        }).toString(),
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.deepEqual(accepted.json(), { hello: "Jan" });
    });

    it("shows form validation errors as a page in the visitor's language", async () => {
      const form = await t.app.inject({ method: "GET", url: "/probe/form?lang=en" });
      const cookie = cookiesOf(form.headers["set-cookie"]);
      const response = await t.app.inject({
        method: "POST",
        url: "/probe/form",
        headers: {
          cookie,
          accept: "text/html",
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: new URLSearchParams({
          name: "J",
          email: "nope",
          _csrf: form.json().csrf,
        }).toString(),
      });
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers["content-type"]), /text\/html/);
      assert.match(response.body, /Some of the data is not right/);
      assert.match(response.body, /e-mail address: /);
      assert.match(response.body, /<html lang="en"/);
    });

    it("hides the message and stack of an unexpected failure, and gives a reference", async () => {
      const response = await t.app.inject({ method: "GET", url: "/probe/boom" });
      assert.equal(response.statusCode, 500);
      assert.doesNotMatch(response.body, /duplicate key|jan@example|at .*\.ts/);
      assert.match(response.body, /Niets van wat je eerder bewaarde is verloren/);
      assert.match(response.body, new RegExp(String(response.headers["x-request-id"])));
    });

    it("accepts a multipart page form whose first part is its CSRF token", async () => {
      const form = await t.app.inject({ method: "GET", url: "/probe/form" });
      const cookie = cookiesOf(form.headers["set-cookie"]);
      const { csrf } = form.json();
      const body = multipart([
        { name: "_csrf", value: csrf },
        { name: "subject", value: "Offerte" },
        { name: "attachment", value: "hello", filename: "a.txt" },
      ]);
      const accepted = await t.app.inject({
        method: "POST",
        url: "/probe/upload",
        headers: { ...body.headers, cookie },
        payload: body.payload,
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.deepEqual(accepted.json(), { files: 1, fields: { subject: "Offerte" } });

      const refusals = [
        { why: "no token", parts: [{ name: "attachment", value: "x", filename: "a.txt" }] },
        {
          why: "token after a file",
          parts: [
            { name: "attachment", value: "x", filename: "a.txt" },
            { name: "_csrf", value: csrf },
          ],
        },
        { why: "forged token", parts: [{ name: "_csrf", value: `${csrf}x` }] },
      ];
      for (const { why, parts } of refusals) {
        const forged = multipart(parts);
        const response = await t.app.inject({
          method: "POST",
          url: "/probe/upload",
          headers: { ...forged.headers, cookie },
          payload: forged.payload,
        });
        assert.equal(response.statusCode, 403, why);
      }
    });

    it("refuses multipart on a page route that does not read it with its token check", async () => {
      const body = multipart([{ name: "name", value: "Jan" }]);
      const response = await t.app.inject({ method: "POST", url: "/probe/form", ...body });
      assert.equal(response.statusCode, 403);
    });

    it("answers a POST to an unknown page with 404, not a CSRF refusal", async () => {
      const response = await t.app.inject({ method: "POST", url: "/nowhere", payload: {} });
      assert.equal(response.statusCode, 404);
    });

    it("answers a URL that cannot be decoded with its own 400 page", async () => {
      const response = await t.app.inject({ method: "GET", url: "/%E0%A4%A" });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Je verzoek kon niet gelezen worden/);
    });

    it("answers a broken multipart body with 400, never 500", async () => {
      const broken = [
        { type: "multipart/form-data", payload: "no boundary at all" },
        {
          type: "multipart/form-data; boundary=xx",
          payload:
            '--xx\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\ncut off',
        },
      ];
      for (const { type, payload } of broken) {
        const response = await t.app.inject({
          method: "POST",
          url: "/api/probe/upload",
          headers: { "content-type": type },
          payload,
        });
        assert.equal(response.statusCode, 400, `${type}: ${response.body}`);
        assert.equal(response.json().error.code, "bad_request");
      }
    });

    it("refuses an upload over the size limit with 413", async () => {
      const boundary = "----probe";
      const big = "x".repeat(t.config.UPLOAD_MAX_FILE_BYTES + 10);
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${big}\r\n--${boundary}--\r\n`;
      const response = await t.app.inject({
        method: "POST",
        url: "/api/probe/upload",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload,
      });
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().error.code, "too_large");
    });

    it("takes the visitor's IP from the socket and ignores an unchecked X-Forwarded-For", async () => {
      const response = await t.app.inject({
        method: "GET",
        url: "/probe/ip",
        remoteAddress: "203.0.113.7",
        headers: { "x-forwarded-for": "198.51.100.1" },
      });
      assert.equal(response.json().ip, "203.0.113.7");
    });

    it("reports not ready when the database is gone", async () => {
      const other = await createTestApp(kind);
      await other.database.close();
      const ready = await other.app.inject({ url: "/readyz" });
      assert.equal(ready.statusCode, 503);
      await other.app.close();
    });
  });
}

describe("HTTP core with configured limits", () => {
  const kind = databaseKinds[0] ?? "pglite";

  it("rate limits a client with a message saying how long to wait", async () => {
    const t = await createTestApp(kind, { env: { RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const statuses: number[] = [];
      let last = await t.app.inject({ url: "/" });
      for (let i = 0; i < 4; i++) {
        last = await t.app.inject({ url: "/", headers: { "accept-language": "en" } });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [200, 200, 429, 429]);
      assert.match(last.body, /Wait \d+ seconds and try again/);
      assert.equal((await t.app.inject({ url: "/healthz" })).statusCode, 200);
    } finally {
      await t.close();
    }
  });

  it("refuses attachments that together pass UPLOAD_MAX_TOTAL_BYTES", async () => {
    const t = await createProbeApp(kind, {
      UPLOAD_MAX_FILE_BYTES: "2048",
      UPLOAD_MAX_TOTAL_BYTES: "4096",
    });
    try {
      const file = (n: number) => ({
        name: `f${n}`,
        value: "x".repeat(1500),
        filename: `${n}.txt`,
      });
      const two = multipart([file(1), file(2)]);
      const fits = await t.app.inject({ method: "POST", url: "/api/probe/upload", ...two });
      assert.equal(fits.statusCode, 200, fits.body);
      const three = multipart([file(1), file(2), file(3)]);
      const tooMuch = await t.app.inject({ method: "POST", url: "/api/probe/upload", ...three });
      assert.equal(tooMuch.statusCode, 413);
      assert.equal(tooMuch.json().error.code, "too_large");
    } finally {
      await t.close();
    }
  });

  it("believes X-Forwarded-For only from a proxy named in TRUST_PROXY", async () => {
    const t = await createProbeApp(kind, { TRUST_PROXY: "10.0.0.1" });
    try {
      const viaProxy = await t.app.inject({
        url: "/probe/ip",
        remoteAddress: "10.0.0.1",
        headers: { "x-forwarded-for": "198.51.100.1" },
      });
      assert.equal(viaProxy.json().ip, "198.51.100.1");
      const spoofed = await t.app.inject({
        url: "/probe/ip",
        remoteAddress: "203.0.113.7",
        headers: { "x-forwarded-for": "198.51.100.1" },
      });
      assert.equal(spoofed.json().ip, "203.0.113.7");
    } finally {
      await t.close();
    }
  });
});
