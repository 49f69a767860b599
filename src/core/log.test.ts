import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FastifyInstance } from "fastify";
import { createTestApp } from "../../test/helpers/app.ts";
import { databaseKinds } from "../../test/helpers/database.ts";
import { scrubText } from "./log.ts";

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
    const body = request.body as typeof personal;
    request.log.info(
      {
        subscriber: body,
        deep: { a: { b: { c: { emailAddress: body.email } } } },
        list: [{ p: { toAddress: body.email, phone_number: body.phone } }],
        "X-Forwarded-For": body.ip,
      },
      "received",
    );
    return { ok: true };
  });
  app.post("/api/log-probe/fail", async () => {
    throw Object.assign(new Error(`invalid input syntax for type uuid: "${personal.email}"`), {
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
      assert.match(
        written,
        /"reason":"invalid input syntax for type uuid: \[redacted\]".*"msg":"request failed"/,
        "an operator still sees what failed",
      );
      for (const [field, value] of Object.entries(personal)) {
        assert.equal(written.includes(value), false, `${field} leaked into the logs`);
      }
    } finally {
      await t.close();
    }
  });
});

describe("scrubbing error texts", () => {
  it("removes quoted values, e-mail addresses and long numbers, keeps the rest", () => {
    assert.equal(
      scrubText('invalid input syntax for type uuid: "an@example.be"'),
      "invalid input syntax for type uuid: [redacted]",
    );
    assert.equal(
      scrubText("Key (email)=(an@example.be) already exists"),
      "Key [redacted] already exists",
    );
    assert.equal(scrubText("mail to an@example.be failed"), "mail to [redacted] failed");
    assert.equal(scrubText("call +32 470 12 34 56 now"), "call [redacted] now");
    assert.equal(scrubText("connect ECONNREFUSED on port 25"), "connect ECONNREFUSED on port 25");
  });
});
