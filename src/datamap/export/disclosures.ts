import type { Db } from "../../core/db/database.ts";

/** A disclosure of the person's data to a third party, as the access report words it. */
export interface Disclosure {
  disclosedAt: Date;
  /** Who received it, as the register names them (an authority, never a private person). */
  recipient: string;
  /** Why the law obliged us, e.g. "art. 46bis Wetboek van strafvordering". */
  legalBasis: string;
  /** The recipient's own case or order number, so the person can ask them about it. */
  reference: string;
  /** The kinds of data given, in words ("naam, e-mailadres"), never the data itself. */
  dataGiven: string;
}

/**
 * Where the report finds disclosures (GDPR Art. 15(1)(c)). The disclosures register provides it
 * once it exists; until then nothing is registered, and the report says so.
 */
export type DisclosureProvider = (db: Db, subjectId: string) => Promise<readonly Disclosure[]>;

export const noDisclosures: DisclosureProvider = async () => [];
