import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import { defaultLocale, type MessageKey, translator } from "../../core/i18n/index.ts";
import { enqueueMail, type MailSealer } from "../../core/mail/index.ts";
import { activePrivacyOfficers } from "../staff/index.ts";

export interface OfficerMailDeps {
  clock: Clock;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
  vault: MailSealer;
}

/**
 * Tells every active privacy officer about a breach, in Dutch (the back office's first
 * language), by its reference and link: what happened stays behind the back office's login.
 */
export async function mailBreachOfficers(
  tx: Db,
  deps: OfficerMailDeps,
  mail: {
    purpose: string;
    subject: MessageKey;
    body: MessageKey;
    breach: { id: string; reference: string };
    params?: Record<string, string | number>;
  },
): Promise<number> {
  const officers = await activePrivacyOfficers(tx);
  const t = translator(defaultLocale);
  const params = {
    ...mail.params,
    reference: mail.breach.reference,
    link: new URL(`/admin/breaches/${mail.breach.id}`, deps.config.PUBLIC_URL).toString(),
  };
  for (const officer of officers) {
    await enqueueMail(tx, {
      clock: deps.clock,
      config: deps.config,
      vault: deps.vault,
      mail: {
        purpose: mail.purpose,
        sealedUnder: "installation",
        locale: defaultLocale,
        to: officer.email,
        subject: t(mail.subject, params),
        text: `${t(mail.body, params)}\n`,
      },
    });
  }
  return officers.length;
}
