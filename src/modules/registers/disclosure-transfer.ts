import type { Clock } from "../../core/clock.ts";
import type { Db } from "../../core/db/database.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { type DisclosureRow, recordDisclosure } from "./disclosures.service.ts";

/**
 * A portability package sent, at the person's request, to an organisation they named (Art.
 * 20(2)). That organisation is a recipient of their data like any other (Art. 15(1)(c)), so the
 * transfer goes in the disclosure log and in their later access reports; the person asked for
 * it, so it is never confidential. Written in the request's language, the person's own.
 */
export async function recordPortabilityTransfer(
  deps: { db: Db; clock: Clock },
  input: {
    /** The organisation's name as the person gave it; never its mailbox. */
    recipient: string;
    /** The rights request's reference (R-…), which both sides can quote. */
    requestReference: string;
    subjectIds: readonly string[];
    staffId: string;
    locale: Locale;
  },
): Promise<DisclosureRow | undefined> {
  if (input.subjectIds.length === 0) return undefined;
  const t = translator(input.locale);
  return recordDisclosure(deps, {
    staffId: input.staffId,
    disclosure: {
      disclosedOn: isoDay(deps.clock.now()),
      authority: input.recipient.trim() || t("disclosures.portability.recipient_unnamed"),
      legalBasis: t("disclosures.portability.legal_basis"),
      authorityReference: input.requestReference,
      dataGiven: t("disclosures.portability.data_given"),
      subjectIds: [...input.subjectIds],
      subjectMayBeTold: true,
    },
  });
}
