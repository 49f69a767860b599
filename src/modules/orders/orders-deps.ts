import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";

export interface OrdersDeps {
  db: Db;
  vault: Vault;
  dataMap: DataMap;
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  /** The organisation on the invoice comes from the policy in force. */
  policy: () => Policy;
  /**
   * Attach the invoice PDF to the invoice mail (the default). Off when invoices reach customers
   * another way (Peppol, accounting software), so the mail only announces them.
   */
  attachInvoicePdf?: boolean | undefined;
}

export interface OrdersModuleDeps extends OrdersDeps {
  config: Config;
}
