import { appendAudit } from "../../audit/index.ts";
import { defaultLocale, type Locale, translate } from "../../core/i18n/index.ts";
import { newShortReference } from "../../core/short-reference.ts";
import {
  type ContactDeps,
  type ReceivedContactRequest,
  receiveContactRequest,
} from "../contact/index.ts";
import { mailBreachOfficers } from "./breach-mails.ts";
import { breachRecordType } from "./breaches.service.ts";
import { breaches, registerReminders } from "./registers.tables.ts";

export interface MisuseReportInput {
  /** Optional: a report needs no name, only an address to answer. */
  name: string;
  email: string;
  message: string;
  locale: Locale;
  ip: string;
}

export interface ReceivedMisuseReport {
  contact: ReceivedContactRequest;
  breachId: string;
  breachReference: string;
}

/**
 * A misuse report from /security: the reporter's words go through the contact intake (encrypted,
 * screened, kept under the contact rule, confirmed by mail), and the register gets a `triage`
 * entry that points to it, in general terms only. One transaction (the intake's own becomes a
 * savepoint), so there is never a report without its register entry or the other way round. The
 * officers are mailed once, here; the reminder job mails again only if it waits a day.
 */
export async function receiveMisuseReport(
  deps: ContactDeps,
  input: MisuseReportInput,
): Promise<ReceivedMisuseReport> {
  return deps.db.transaction(async (tx) => {
    const contact = await receiveContactRequest(
      { ...deps, db: tx },
      {
        name: input.name,
        email: input.email,
        topic: translate(input.locale, "security.form.topic"),
        message: input.message,
        locale: input.locale,
        ip: input.ip,
        channel: "form",
        attachments: [],
      },
    );
    const now = deps.clock.now();
    const [breach] = await tx
      .insert(breaches)
      .values({
        reference: newShortReference("B"),
        status: "triage",
        source: "report",
        contactRequestId: contact.id,
        title: translate(defaultLocale, "breaches.report.title"),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: breaches.id, reference: breaches.reference });
    if (!breach) throw new Error("inserting a breach returned no row");
    await tx
      .insert(registerReminders)
      .values({ kind: "breach_clock", item: breach.id, stage: "reported", sentAt: now });
    await mailBreachOfficers(tx, deps, {
      purpose: "breaches.reported",
      subject: "breaches.mail.reported.subject",
      body: "breaches.mail.reported.body",
      breach,
    });
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor: { type: "subject", id: contact.subjectId },
        action: "breach.reported",
        subjectId: contact.subjectId,
        recordType: breachRecordType,
        recordId: breach.id,
        details: { contactRequestId: contact.id },
      },
    });
    return { contact, breachId: breach.id, breachReference: breach.reference };
  });
}
