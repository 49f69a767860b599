import type { AuditActor } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { DisclosureProvider } from "../../datamap/export/index.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault } from "../../vault/index.ts";
import type { SensitiveDataHook } from "../scanner/index.ts";

/**
 * What a right does in another module, wired in app.ts: the rights module reaches other modules
 * only through these, never through their tables.
 */
export interface RightsEffects {
  /** Unsubscribes the person from every newsletter topic; false when they were not subscribed. */
  unsubscribeNewsletter(
    db: Db,
    input: { subjectId: string; via: "rights_request" | "objection"; actor: AuditActor },
  ): Promise<boolean>;
  /** The subjects of a customer's people, by customer number (K-XXXXXX); empty when unknown. */
  subjectsOfCustomer(db: Db, customerNumber: string): Promise<string[]>;
  /** Registers a portability package sent to an organisation as a disclosure to that recipient. */
  recordTransfer(
    db: Db,
    input: {
      recipient: string;
      requestReference: string;
      subjectIds: readonly string[];
      staffId: string;
      locale: Locale;
    },
  ): Promise<unknown>;
}

export interface RightsDeps {
  db: Db;
  clock: Clock;
  config: Config;
  dataMap: DataMap;
  vault: Vault;
  policy: () => Policy;
  effects: RightsEffects;
  disclosures?: DisclosureProvider | undefined;
  /**
   * The scanner's hook for the request's description: identifiers are redacted as everywhere,
   * but a request is never quarantined, since the duty to answer it outlives any suspicion.
   */
  sensitiveData?: SensitiveDataHook | undefined;
}
