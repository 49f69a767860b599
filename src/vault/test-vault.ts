import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type FakeClock, fakeClock } from "../core/clock.ts";
import { type Config, loadConfig } from "../core/config.ts";
import type { Db } from "../core/db/database.ts";
import { openVault, type Vault } from "./vault.ts";

/** Test-only: a vault on a test database, with its own data dir, ledger and master key. */
export interface TestVault {
  vault: Vault;
  config: Config;
  clock: FakeClock;
  dataDir: string;
}

export const randomMasterKey = (): string => randomBytes(32).toString("base64");

export async function openTestVault(db: Db, env: Record<string, string> = {}): Promise<TestVault> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wits-vault-"));
  const config = loadConfig({ DATA_DIR: dataDir, WITS_MASTER_KEY: randomMasterKey(), ...env });
  const clock = fakeClock();
  const vault = await openVault({ db, config, clock });
  return { vault, config, clock, dataDir };
}

/** A unique, realistic person, so tests never depend on each other's subjects. */
export function uniquePerson() {
  const tag = randomBytes(6).toString("hex");
  return { email: `an.peeters+${tag}@example.be`, name: `An Peeters ${tag.replace(/\d/g, "")}` };
}
