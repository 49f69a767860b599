import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

// `src/cli/policy.ts` exercised through the real binary, as an operator or CI runs it.
const root = fileURLToPath(new URL("../../", import.meta.url));

function runCheck(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/wits-privacy.js", "policy", "check", ...args],
      { cwd: root },
      (error, stdout) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
      },
    );
  });
}

describe("wits-privacy policy check", () => {
  let directory = "";
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "wits-policy-"));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("accepts the default policy, printing the art. 60 warning and a summary", async () => {
    const { code, stdout } = await runCheck();
    assert.equal(code, 0, stdout);
    assert.match(
      stdout,
      /^policy\/wits\.policy\.yaml:\d+ purposes\[2\]\.retention\.rule: warning: Belgian VAT Code art\. 60 requires invoices to be kept 10 years; this policy keeps them 7 years$/m,
    );
    assert.match(stdout, /^policy is valid: 5 purposes, 6 cookies, 5 processors$/m);
  });

  it("rejects a broken file with file:line path: message and exit code 1", async () => {
    const source = await readFile(join(root, "policy/wits.policy.yaml"), "utf8");
    const file = join(directory, "broken.policy.yaml");
    await writeFile(file, source.replace("    legalBasis: consent", "    legalBasis: whim"));
    const line = source.split("\n").indexOf("    legalBasis: consent") + 1;
    const { code, stdout } = await runCheck(file);
    assert.equal(code, 1, stdout);
    assert.match(
      stdout,
      new RegExp(
        `^${file.replaceAll(".", "\\.")}:${line} purposes\\[1\\]\\.legalBasis: unknown legal basis "whim"; expected one of: `,
        "m",
      ),
    );
    assert.match(stdout, /^policy is invalid: 1 problem$/m);
  });
});
