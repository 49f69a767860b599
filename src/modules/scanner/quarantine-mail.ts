import type { Db } from "../../core/db/database.ts";
import { defaultLocale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { activePrivacyOfficers } from "../staff/index.ts";
import type { recordQuarantines } from "./scanner.tables.ts";
import type { ScannerDeps } from "./scanner-deps.ts";

/**
 * Tells each active privacy officer a record waits for them, with the link and the deadline. The
 * mail names the kinds of data, never the text: the text stays behind the back office's login.
 */
export async function mailQuarantineHeld(
  tx: Db,
  deps: Pick<ScannerDeps, "clock" | "config" | "vault">,
  held: typeof recordQuarantines.$inferSelect,
): Promise<number> {
  const officers = await activePrivacyOfficers(tx);
  const t = translator(defaultLocale);
  const types = held.types.map((type) => t(`scanner.type.${type}`)).join(", ");
  const deleteAfter = new Intl.DateTimeFormat("nl-BE", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Brussels",
  }).format(held.deleteAfter);
  const link = new URL(`/admin/quarantine/${held.id}`, deps.config.PUBLIC_URL).toString();
  for (const officer of officers) {
    await enqueueMail(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: {
        purpose: "scanner.quarantine",
        sealedUnder: "installation",
        locale: defaultLocale,
        to: officer.email,
        subject: t("scanner-admin.mail.subject", { types }),
        text: `${t("scanner-admin.mail.body", { types, deleteAfter, link })}\n`,
      },
    });
  }
  return officers.length;
}
