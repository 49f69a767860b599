import { and, eq, isNull, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { appendAudit } from "../../audit/index.ts";
import type { Clock } from "../../core/clock.ts";
import type { Config } from "../../core/config.ts";
import { type Db, queryRows } from "../../core/db/database.ts";
import { defaultLocale, isLocale, type Locale, locales, translate } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import type { DataMap, RecordType } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { Vault, VaultPurpose } from "../../vault/index.ts";
import { type Breach, breachRecordType } from "./breaches.service.ts";
import { breaches, breachSubjects } from "./registers.tables.ts";

export interface NoticeText {
  subject: string;
  text: string;
}
export type NoticeTexts = Record<Locale, NoticeText>;

export interface NoticeDeps {
  db: Db;
  clock: Clock;
  vault: Vault;
  dataMap: DataMap;
  config: Pick<Config, "MAIL_FROM" | "PUBLIC_URL">;
}

/**
 * The Art. 34(2) notice as a first draft, in every language: the nature of the breach, whom to
 * contact, the likely consequences, the measures and what the person can do. The officer's texts
 * are filled in as written; the officer translates them before queueing.
 */
export function draftNotice(policy: Policy, breach: Breach): NoticeTexts {
  const params = {
    organisation: policy.organisation.name,
    reference: breach.reference,
    title: breach.title,
    nature: breach.nature || breach.title,
    consequences: breach.consequences || "—",
    measures: breach.measures || "—",
    // Usually one address serves both: name it once.
    contact: [...new Set([policy.security.contactEmail, policy.organisation.privacyEmail])].join(
      ", ",
    ),
    authority: "",
  };
  const texts = {} as NoticeTexts;
  for (const locale of locales) {
    const authority = policy.organisation.supervisoryAuthority.name[locale];
    texts[locale] = {
      subject: translate(locale, "breaches.notice.mail.subject", params),
      text: translate(locale, "breaches.notice.mail.body", { ...params, authority }),
    };
  }
  return texts;
}

export interface NoticeRecipient {
  subjectId: string;
  email: string | undefined;
  locale: Locale;
  /** The purpose of the record the address came from: its key seals the notice. */
  purpose: VaultPurpose;
  queuedAt: Date | null;
}

/** The record types that hold an encrypted e-mail address: where a person can be reached. */
function mailableTypes(dataMap: DataMap): { type: RecordType; hasLocale: boolean }[] {
  return dataMap.recordTypes.flatMap((type) => {
    const email = type.fields.find(
      (field) => field.column === "email_ciphertext" && field.kind === "encrypted",
    );
    if (!email) return [];
    const columns = getTableConfig(type.table).columns.map((column) => column.name);
    return [{ type, hasLocale: columns.includes("locale") }];
  });
}

/**
 * Where and in which language to tell one person: an e-mail address from their own records
 * (through the data map, so any module's records count), preferring a record that also says which
 * language they chose (a subscription, a request). Dutch when none does.
 */
async function reachOf(
  deps: NoticeDeps,
  subjectId: string,
): Promise<{ email: string | undefined; locale: Locale; purpose: VaultPurpose }> {
  // The notice is sealed under the key of the record its address came from.
  let fallback: { email: string; purpose: VaultPurpose } | undefined;
  for (const { type, hasLocale } of mailableTypes(deps.dataMap)) {
    const rows = await queryRows<{ id: string; email: string; locale: string | null }>(
      deps.db,
      sql`select id::text as id, email_ciphertext as email,
                 ${hasLocale ? sql.identifier("locale") : sql`null`} as locale
          from ${sql.identifier(type.tableName)}
          where subject_id = ${subjectId} and email_ciphertext is not null`,
    );
    for (const row of rows) {
      const email = await deps.vault.decryptField(deps.db, {
        subjectId,
        purpose: type.purpose,
        table: type.tableName,
        column: "email_ciphertext",
        recordId: row.id,
        ciphertext: row.email,
      });
      if (typeof email !== "string" || !email.includes("@")) continue;
      if (isLocale(row.locale)) return { email, locale: row.locale, purpose: type.purpose };
      fallback ??= { email, purpose: type.purpose };
    }
  }
  return { email: fallback?.email, locale: defaultLocale, purpose: fallback?.purpose ?? "rights" };
}

export async function noticeRecipients(
  deps: NoticeDeps,
  breachId: string,
): Promise<NoticeRecipient[]> {
  const people = await deps.db
    .select()
    .from(breachSubjects)
    .where(eq(breachSubjects.breachId, breachId));
  const recipients: NoticeRecipient[] = [];
  for (const person of people) {
    const reach = await reachOf(deps, person.subjectId);
    recipients.push({ subjectId: person.subjectId, ...reach, queuedAt: person.noticeQueuedAt });
  }
  return recipients;
}

export interface QueuedNotice {
  queued: number;
  /** Linked people without an e-mail address: the officer tells them another way. */
  unreachable: number;
  alreadySent: number;
}

/**
 * Queues the notice in the outbox to every affected person not sent it yet, in their language,
 * and records when the people were first told. Per person the queueing time is set in the same
 * transaction as the mail, so pressing the button twice mails nobody twice.
 */
export async function queueBreachNotice(
  deps: NoticeDeps,
  input: { staffId: string; breach: Breach; texts: NoticeTexts },
): Promise<QueuedNotice> {
  const recipients = await noticeRecipients(deps, input.breach.id);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const result: QueuedNotice = { queued: 0, unreachable: 0, alreadySent: 0 };
    for (const person of recipients) {
      if (!person.email) {
        result.unreachable += 1;
        continue;
      }
      const personInBreach = and(
        eq(breachSubjects.breachId, input.breach.id),
        eq(breachSubjects.subjectId, person.subjectId),
      );
      const claimed = await tx
        .update(breachSubjects)
        .set({ noticeQueuedAt: now })
        .where(and(personInBreach, isNull(breachSubjects.noticeQueuedAt)))
        .returning({ subjectId: breachSubjects.subjectId });
      if (claimed.length === 0) {
        result.alreadySent += 1;
        continue;
      }
      const text = input.texts[person.locale];
      const queued = await enqueueMail(tx, {
        clock: deps.clock,
        config: deps.config,
        vault: deps.vault,
        mail: {
          purpose: "breaches.notice",
          sealedUnder: { subjectId: person.subjectId, purpose: person.purpose },
          locale: person.locale,
          to: person.email,
          subject: text.subject,
          text: text.text.endsWith("\n") ? text.text : `${text.text}\n`,
        },
      });
      if (!queued) {
        // Erased since their address was read: the register must not say they were told.
        await tx.update(breachSubjects).set({ noticeQueuedAt: null }).where(personInBreach);
        result.unreachable += 1;
        continue;
      }
      result.queued += 1;
    }
    if (result.queued > 0) {
      await tx
        .update(breaches)
        .set({ peopleNotifiedAt: input.breach.peopleNotifiedAt ?? now, updatedAt: now })
        .where(eq(breaches.id, input.breach.id));
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor: { type: "staff", id: input.staffId },
          action: "breach.notice_queued",
          recordType: breachRecordType,
          recordId: input.breach.id,
          details: { ...result },
        },
      });
    }
    return result;
  });
}
