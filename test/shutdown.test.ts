import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadConfig } from "../src/core/config.ts";
import { createLogger } from "../src/core/log.ts";
import { startServer } from "../src/main.ts";

describe("graceful shutdown", () => {
  it("finishes a request in flight, refuses new connections, then closes the database", async () => {
    const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), "wits-stop-"));
    const config = loadConfig({ DATA_DIR, PORT: "0", HOST: "127.0.0.1", JOBS_ENABLED: "false" });
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const inHandler = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = await startServer({
      config,
      log: createLogger({ level: "silent" }),
      beforeListen: (app) => {
        app.get("/slow", async () => {
          arrived();
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return { finished: true };
        });
      },
    });
    const inFlight = fetch(`${server.url}/slow`).then((response) => response.json());
    await inHandler;
    const stopped = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await assert.rejects(fetch(`${server.url}/healthz`), "a new connection is refused");
    release();
    assert.deepEqual(await inFlight, { finished: true });
    await stopped;
    await assert.rejects(server.database.ping(), "the database is closed");
  });
});
