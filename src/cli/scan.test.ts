import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { runCli } from "../../test/helpers/cli-process.ts";

/** The CLI as an operator runs it, optionally with text on standard input. */
const scan = (args: string[], stdin?: string, env: Record<string, string> = {}) =>
  runCli(["scan", ...args], { env, stdin: stdin ?? "" });

function nationalNumber(first9: string): string {
  return first9 + String(97 - (Number(first9) % 97)).padStart(2, "0");
}

describe("wits-privacy scan (statement: sensitive data is found and removed)", () => {
  it("reports where, what and the policy's action for a file, and never prints the value", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "wits-scan-"));
    const file = path.join(dir, "ticket.txt");
    const value = nationalNumber("900215123");
    await writeFile(file, `Goedemorgen,\nMijn INSZ is ${value}, PIN: 4821.\n`);
    const result = await scan([file]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /2:\d+\s+national_number\s+\d+%\s+redact/);
    assert.match(result.stdout, /credential\s+\d+%\s+redact/);
    assert.ok(!result.stdout.includes(value) && !result.stdout.includes("4821"));
  });

  it("reads standard input and prints JSON with an explanation in the chosen language", async () => {
    const result = await scan(["-", "--json", "--lang", "en"], "Card 4111 1111 1111 1111 please");
    assert.equal(result.code, 1, result.stderr);
    const [finding] = JSON.parse(result.stdout).findings;
    assert.equal(finding.type, "payment_card");
    assert.equal(finding.action, "redact");
    assert.equal(finding.line, 1);
    assert.ok(finding.explanation.length > 10);
  });

  it("exits 0 on a clean text and 2 with the fix for a missing file", async () => {
    const clean = await scan([], "Factuur 2026-0042, BTW BE0403019261, bel 0470 12 34 56.");
    assert.equal(clean.code, 0, clean.stdout);
    assert.match(clean.stdout, /No sensitive data found/);
    const missing = await scan(["/nonexistent/ticket.txt"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does not exist: give a text file, or - to read standard input/);
  });

  it("scans stored records with --stored and says how many it read", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-scan-stored-"));
    const result = await scan(["--stored"], undefined, { DATA_DIR: dataDir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Scanned 0 records: no sensitive data found/);
    assert.match(result.stderr, /scanned 0 of 0 stored records/);
  });
});
