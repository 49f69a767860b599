import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import type { Db } from "../../core/db/database.ts";
import {
  defaultLocale,
  isLocale,
  type Locale,
  type Translate,
  translator,
} from "../../core/i18n/index.ts";
import { enqueueMail, type MailSealer } from "../../core/mail/index.ts";
import type { DeadlineState } from "./request-deadline.ts";
import { statusUrl } from "./request-token.ts";
import type { RightsDeps } from "./rights-deps.ts";

type PersonMailDeps = Pick<RightsDeps, "clock" | "config" | "vault" | "policy">;

/** Who the mail is for: the request as the person knows it, and where it goes. */
export interface MailedRequest {
  requestId: string;
  reference: string;
  /** The request's stored language; an unknown one falls back to Dutch. */
  locale: string;
  email: string;
  /** The person the request is about: their rights key seals the mail. */
  subjectId: string;
}

/** A date as the person reads it, in their language and in Belgian time (9 februari 2026). */
export function mailDay(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(`${locale}-BE`, {
    dateStyle: "long",
    timeZone: "Europe/Brussels",
  }).format(at);
}

export function requestLocale(locale: string): Locale {
  return isLocale(locale) ? locale : defaultLocale;
}

function personMail(
  deps: PersonMailDeps,
  request: MailedRequest,
  paragraphs: (t: Translate, locale: Locale) => string[],
) {
  const locale = requestLocale(request.locale);
  const t = translator(locale);
  const organisation = deps.policy().organisation.name;
  const text = [
    t("rights-admin.mail.greeting"),
    ...paragraphs(t, locale),
    t("rights-admin.mail.signature", { organisation }),
  ].join("\n\n");
  return { locale, t, text: `${text}\n` };
}

/** "We received your request": the reference, the deadline and the status link. */
export function mailRequestReceived(
  tx: Db,
  deps: PersonMailDeps,
  request: MailedRequest & { deadlineAt: Date; idCopyRequired: boolean },
): Promise<string | null> {
  const link = statusUrl(deps.config.PUBLIC_URL, deps.vault, request.requestId);
  const { locale, t, text } = personMail(deps, request, (t, locale) => {
    const paragraphs = [
      t("rights-admin.mail.received.body", {
        reference: request.reference,
        deadline: mailDay(request.deadlineAt, locale),
      }),
      t("rights-admin.mail.status_link", { link }),
    ];
    if (request.idCopyRequired) {
      paragraphs.push(
        t("rights-admin.mail.received.id_copy", {
          instructions: deps.policy().rights.idCopyInstructions[locale],
        }),
      );
    }
    return paragraphs;
  });
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "rights.received",
      sealedUnder: { subjectId: request.subjectId, purpose: "rights" },
      locale,
      to: request.email,
      subject: t("rights-admin.mail.received.subject", { reference: request.reference }),
      text,
    },
  });
}

/** The refusal, its reason, and where to complain: GDPR Art. 12(4). */
export function mailIdentityRefused(
  tx: Db,
  deps: PersonMailDeps,
  request: MailedRequest & { reason: string },
): Promise<string | null> {
  const authority = deps.policy().organisation.supervisoryAuthority;
  const { locale, t, text } = personMail(deps, request, (t, locale) => [
    t("rights-admin.mail.refused.body", { reference: request.reference }),
    request.reason,
    t("rights-admin.mail.refused.complaint"),
    [authority.name[locale], authority.address, authority.url, authority.email]
      .filter((line): line is string => Boolean(line))
      .join("\n"),
  ]);
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "rights.refused",
      sealedUnder: { subjectId: request.subjectId, purpose: "rights" },
      locale,
      to: request.email,
      subject: t("rights-admin.mail.refused.subject", { reference: request.reference }),
      text,
    },
  });
}

/** The extension, told to the person with its reason and new date: GDPR Art. 12(3). */
export function mailDeadlineExtended(
  tx: Db,
  deps: PersonMailDeps,
  request: MailedRequest & { until: Date; reason: string },
): Promise<string | null> {
  const link = statusUrl(deps.config.PUBLIC_URL, deps.vault, request.requestId);
  const { locale, t, text } = personMail(deps, request, (t, locale) => [
    t("rights-admin.mail.extended.body", {
      reference: request.reference,
      until: mailDay(request.until, locale),
    }),
    t("rights-admin.mail.extended.reason"),
    request.reason,
    t("rights-admin.mail.extended.law"),
    t("rights-admin.mail.status_link", { link }),
  ]);
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "rights.extended",
      sealedUnder: { subjectId: request.subjectId, purpose: "rights" },
      locale,
      to: request.email,
      subject: t("rights-admin.mail.extended.subject", { reference: request.reference }),
      text,
    },
  });
}

export interface ReminderLine {
  requestId: string;
  reference: string;
  deadline: Date;
  state: Extract<DeadlineState, "overdue" | "due_soon">;
}

/**
 * A reminder to one privacy officer: references, deadlines and links only, since a mailbox is
 * no place for the person's data. Staff accounts carry no language, so it is in Dutch, the
 * organisation's first language.
 */
export function mailStaffReminder(
  tx: Db,
  deps: { clock: Clock; config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">; vault: MailSealer },
  input: { to: string; lines: readonly ReminderLine[] },
): Promise<string | null> {
  const locale = defaultLocale;
  const t = translator(locale);
  const base = deps.config.PUBLIC_URL.replace(/\/+$/, "");
  const count = (state: ReminderLine["state"]) =>
    input.lines.filter((line) => line.state === state).length;
  const lines = input.lines.map((line) =>
    t("rights-admin.mail.reminder.line", {
      reference: line.reference,
      deadline: line.deadline.toISOString().slice(0, 10),
      state: t(`rights-admin.state.${line.state}`),
      link: `${base}/admin/rights/${line.requestId}`,
    }),
  );
  const text = [
    t("rights-admin.mail.reminder.body"),
    ...lines,
    t("rights-admin.mail.reminder.queue", { link: `${base}/admin/rights` }),
  ].join("\n\n");
  return enqueueMail(tx, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "rights.reminder",
      sealedUnder: "installation",
      locale,
      to: input.to,
      subject: t("rights-admin.mail.reminder.subject", {
        overdue: count("overdue"),
        dueSoon: count("due_soon"),
      }),
      text: `${text}\n`,
    },
  });
}
