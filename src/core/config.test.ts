import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("runs with no variables at all: port 3000, embedded database in ./data", () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DATA_DIR, "./data");
    assert.equal(config.DATABASE_URL, undefined);
    assert.deepEqual(config.TRUST_PROXY, []);
    assert.ok(Object.isFrozen(config));
  });

  it("names the variable, its problem and a good example in one line", () => {
    assert.throws(
      () => loadConfig({ PORT: "eighty" }),
      (error: Error) =>
        error instanceof ConfigError &&
        /^Invalid configuration: PORT="eighty" .+ \(example: PORT=3000\)$/.test(error.message) &&
        !error.message.includes("\n"),
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: "mysql://x" }),
      /DATABASE_URL=\(hidden\) must be a URL starting with postgres:\/\//,
    );
    assert.throws(() => loadConfig({ LOG_LEVEL: "loud" }), /LOG_LEVEL="loud"/);
    assert.throws(
      () => loadConfig({ JOBS_TIMEZONE: "Brussels" }),
      /JOBS_TIMEZONE="Brussels" is not an IANA time zone \(example: JOBS_TIMEZONE=Europe\/Brussels\)/,
    );
  });

  it("never prints a secret or a URL with a password when refusing it", () => {
    try {
      loadConfig({ COOKIE_SECRET: "short-secret-value" });
      assert.fail("a short secret must be refused");
    } catch (error) {
      assert.doesNotMatch((error as Error).message, /short-secret-value/);
      assert.match((error as Error).message, /COOKIE_SECRET/);
    }
  });

  it("refuses a proxy list that is not addresses, and a sender that is not an address", () => {
    assert.throws(
      () => loadConfig({ TRUST_PROXY: "true" }),
      /TRUST_PROXY="true" must be IP addresses or CIDR ranges.*example: TRUST_PROXY=127\.0\.0\.1,10\.0\.0\.0\/8/,
    );
    assert.throws(() => loadConfig({ TRUST_PROXY: "10.0.0.0/33" }), /TRUST_PROXY/);
    assert.throws(() => loadConfig({ MAIL_FROM: "WITS" }), /MAIL_FROM="WITS" must be an e-mail/);
    assert.equal(
      loadConfig({ MAIL_FROM: "WITS <privacy@wits.be>" }).MAIL_FROM,
      "WITS <privacy@wits.be>",
    );
    assert.throws(() => loadConfig({ PUBLIC_URL: "ftp://x" }), /PUBLIC_URL="ftp:\/\/x"/);
  });

  it("reads the proxies whose X-Forwarded-For may be believed", () => {
    assert.deepEqual(
      loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8, ::1, loopback" }).TRUST_PROXY,
      ["127.0.0.1", "10.0.0.0/8", "::1", "loopback"],
    );
  });

  it("refuses a per-file upload limit above the total limit", () => {
    assert.throws(
      () => loadConfig({ UPLOAD_MAX_FILE_BYTES: "5000", UPLOAD_MAX_TOTAL_BYTES: "4000" }),
      ConfigError,
    );
  });
});
