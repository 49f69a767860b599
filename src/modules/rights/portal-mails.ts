import type { Locale } from "../../core/i18n/index.ts";
import { translator } from "../../core/i18n/index.ts";
import type { MailToSend } from "../../core/mail/index.ts";
import { isoDay } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import { describeRight } from "./portal-right-label.ts";
import type { RequestedRight } from "./rights.tables.ts";

interface MailContext {
  locale: Locale;
  to: string;
  /** The person the request is about: their rights key seals the mail. */
  subjectId: string;
  policy: Policy;
}

const listed = (rights: readonly RequestedRight[], context: MailContext) => {
  const t = translator(context.locale);
  return rights
    .map(
      (right) => `- ${describeRight(right, { t, locale: context.locale, policy: context.policy })}`,
    )
    .join("\n");
};

/**
 * The link that proves the person controls the address. Sent whether or not we hold anything
 * about it, so the form tells nobody what we know; a stranger's address only gets a link to ignore.
 */
export function confirmRequestMail(
  context: MailContext & { link: string; days: number; rights: readonly RequestedRight[] },
): MailToSend {
  const t = translator(context.locale);
  return {
    purpose: "rights.confirm",
    sealedUnder: { subjectId: context.subjectId, purpose: "rights" },
    locale: context.locale,
    to: context.to,
    subject: t("rights-portal.mail.confirm.subject"),
    text: t("rights-portal.mail.confirm.body", {
      rights: listed(context.rights, context),
      link: context.link,
      days: context.days,
      organisation: context.policy.organisation.name,
    }),
  };
}

/** Sent once the link is used: the request now counts as received and the deadline runs. */
export function requestReceivedMail(
  context: MailContext & {
    reference: string;
    deadlineAt: Date;
    statusLink: string;
    idCopyNeeded: boolean;
    rights: readonly RequestedRight[];
  },
): MailToSend {
  const t = translator(context.locale);
  return {
    purpose: "rights.received",
    sealedUnder: { subjectId: context.subjectId, purpose: "rights" },
    locale: context.locale,
    to: context.to,
    subject: t("rights-portal.mail.received.subject", { reference: context.reference }),
    text: t("rights-portal.mail.received.body", {
      reference: context.reference,
      rights: listed(context.rights, context),
      deadline: isoDay(context.deadlineAt),
      idCopy: context.idCopyNeeded ? `${t("rights-portal.mail.received.id_copy")}\n\n` : "",
      link: context.statusLink,
      organisation: context.policy.organisation.name,
    }),
  };
}
