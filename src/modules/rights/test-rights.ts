import type { ProductTest } from "../../../test/helpers/product-test.ts";
import { type Config, loadConfig } from "../../core/config.ts";
import type { Policy } from "../../policy/index.ts";
import type { RightsDeps } from "./rights-deps.ts";

/**
 * Test-only: the rights module on a product test's database, with effects that touch no other
 * module (nobody is subscribed, no customer number is known). Tests of those effects wire their
 * own, as app.ts does.
 */
export function rightsTestDeps(
  product: ProductTest,
  policy: Policy,
  config: Config = loadConfig({}),
): RightsDeps {
  return {
    db: product.database.db,
    clock: product.clock,
    vault: product.vault,
    dataMap: product.dataMap,
    config,
    policy: () => policy,
    effects: {
      unsubscribeNewsletter: async () => false,
      subjectsOfCustomer: async () => [],
      recordTransfer: async () => undefined,
    },
  };
}
