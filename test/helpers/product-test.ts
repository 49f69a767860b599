import type { FakeClock } from "../../src/core/clock.ts";
import type { Database, DatabaseKind } from "../../src/core/db/database.ts";
import type { DataMap } from "../../src/datamap/index.ts";
import { loadActivePolicy } from "../../src/policy/index.ts";
import { createDataMap } from "../../src/record-types.ts";
import type { Vault } from "../../src/vault/index.ts";
import { openTestVault } from "../../src/vault/test-vault.ts";
import { createTestDatabase } from "./database.ts";

export interface ProductTest {
  database: Database;
  vault: Vault;
  clock: FakeClock;
  dataMap: DataMap;
}

/** A module's service test: a fresh database, a vault on a fake clock, the product's data map. */
export async function openProductTest(kind: DatabaseKind): Promise<ProductTest> {
  const database = await createTestDatabase(kind);
  const { vault, clock } = await openTestVault(database.db);
  const { policy } = await loadActivePolicy(undefined);
  return { database, vault, clock, dataMap: createDataMap(() => policy) };
}
