import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { createTestApp } from "../../test/helpers/app.ts";
import { databaseKinds } from "../../test/helpers/database.ts";

const personal = {
  email: "an.peeters@example.be",
  phone: "+32470123456",
  name: "An Peeters",
  password: "Zomer2026!geheim",
  token: "tok_5f1c9a7e2b",
  ip: "198.51.100.23",
  address: "Kerkstraat 12, 9000 Gent",
};

/** Module code logs what it handles, nested, the way a contact or newsletter route would. */
function addLoggingRoute(app: FastifyInstance): void {
  app.post("/api/log-probe", async (request) => {
    request.log.info({ subscriber: request.body, meta: { person: request.body } }, "received");
    return { ok: true };
  });
  app.post("/api/log-probe/fail", async () => {
    throw Object.assign(new Error("insert failed"), {
      detail: `Key (email)=(${personal.email}) already exists`,
    });
  });
}

describe("logging", () => {
  const kind = databaseKinds[0] ?? "pglite";

  it("logs none of the personal or secret values a request carries", async () => {
    const t = await createTestApp(kind, { extend: addLoggingRoute });
    try {
      const query = new URLSearchParams({ email: personal.email, token: personal.token });
      for (const url of ["/api/log-probe", "/api/log-probe/fail"]) {
        await t.app.inject({
          method: "POST",
          url: `${url}?${query}`,
          remoteAddress: personal.ip,
          headers: {
            cookie: `session=${personal.token}`,
            authorization: `Bearer ${personal.token}`,
            "x-forwarded-for": personal.ip,
          },
          payload: personal,
        });
      }
      const written = t.logs.join("");
      assert.match(written, /"msg":"received"/, "the probe route did log its object");
      assert.match(written, /\[redacted\]/);
      assert.match(written, /"path":"\/api\/log-probe"/, "the path is kept for operators");
      for (const [field, value] of Object.entries(personal)) {
        assert.equal(written.includes(value), false, `${field} leaked into the logs`);
      }
    } finally {
      await t.close();
    }
  });
});
