import { type AuditActor, appendAudit } from "../../audit/index.ts";
import { isLocale, type Locale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { type ExportResult, exportSubject } from "../../datamap/export/index.ts";
import { ExecutionError, type StepContext } from "./execute-steps.ts";
import { formatLetterDate } from "./reply-letter.ts";
import { openRequestDetails } from "./request-store.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import type { StepOutcome, StepResult } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { countHeldRecords } from "./rights-plan.ts";

/**
 * Access (Art. 15) and portability (Art. 20): a package per subject of the request, in the
 * person's language, and one mail with the download links, queued in the same transaction. The
 * links' tokens live only in that mail: the outcome keeps the package ids and expiry dates.
 * Portability to an organisation mails the links to the organisation the person named instead,
 * and records the transfer, in the disclosure log too (the organisation is a recipient).
 */
export async function executeExport(
  deps: RightsDeps,
  context: StepContext,
): Promise<StepOutcome[]> {
  const { request, step, staffId, executedAt } = context;
  const toOrganisation = step.kind === "portability" && step.to === "organisation";
  const details = await openRequestDetails(deps.db, deps.vault, request);
  const to = toOrganisation ? details.recipient?.email : details.email;
  if (!to) throw new ExecutionError(toOrganisation ? "no_recipient" : "no_email");
  const mailKey = { subjectId: request.subjectId ?? "", purpose: "rights" as const };
  // The address opened under the person's key, so an anonymised request never gets here.
  if (!mailKey.subjectId) throw new ExecutionError("no_email");
  const locale: Locale = isLocale(request.locale) ? request.locale : "nl";
  const actor: AuditActor = { type: "staff", id: staffId };
  const kind = step.kind === "access" ? "access" : "portability";

  const outcomes: StepOutcome[] = [];
  const packages: ExportResult[] = [];
  const exported: string[] = [];
  for (const subjectId of context.subjectIds) {
    const results: StepResult[] = (await countHeldRecords(deps, [subjectId])).map((held) => ({
      recordType: held.recordType.id,
      action: "exported",
      count: held.count,
    }));
    // A linked subject an earlier erasure emptied is forgotten by the vault: nothing to export.
    if (results.length === 0 && subjectId !== request.subjectId) continue;
    const made = await exportSubject(
      {
        db: deps.db,
        dataMap: deps.dataMap,
        vault: deps.vault,
        clock: deps.clock,
        publicUrl: deps.config.PUBLIC_URL,
        disclosures: deps.disclosures,
      },
      { subjectId, locale, kind, actor },
    );
    packages.push(made);
    exported.push(subjectId);
    outcomes.push({
      right: step.kind,
      purpose: step.purpose,
      executedAt: executedAt.toISOString(),
      staffId,
      results,
      packageId: made.packageId,
      packageExpiresAt: made.expiresAt.toISOString(),
      transferredAt: toOrganisation ? executedAt.toISOString() : undefined,
    });
  }

  const t = translator(locale);
  const policy = deps.policy();
  const params = {
    reference: request.reference,
    organisation: policy.organisation.name,
    privacyEmail: policy.organisation.privacyEmail,
    right: t(`rights-portal.right.${step.kind}`),
    recipient: details.recipient?.name ?? "",
    links: packages.map((made) => made.downloadUrl).join("\n\n"),
    expiry: formatLetterDate(latestExpiry(packages), locale),
  };
  await enqueueMail(deps.db, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: toOrganisation ? "rights.portability_transfer" : "rights.export_ready",
      sealedUnder: mailKey,
      locale,
      to,
      subject: t(
        toOrganisation
          ? "rights-letter.mail.transfer.subject"
          : "rights-letter.mail.export.subject",
        params,
      ),
      text: t(
        toOrganisation ? "rights-letter.mail.transfer.body" : "rights-letter.mail.export.body",
        params,
      ),
    },
  });
  if (toOrganisation) {
    // The organisation is now a recipient of the person's data: their next access report says so.
    await deps.effects.recordTransfer(deps.db, {
      recipient: details.recipient?.name ?? "",
      requestReference: request.reference,
      subjectIds: exported,
      staffId,
      locale,
    });
    await appendAudit(deps.db, {
      clock: deps.clock,
      entry: {
        actor,
        action: "rights.portability_transferred",
        ...(request.subjectId ? { subjectId: request.subjectId } : {}),
        recordType: rightsRequestRecordType.id,
        recordId: request.id,
        purpose: "rights",
        details: { packages: packages.length },
      },
    });
  }
  return outcomes;
}

function latestExpiry(packages: readonly ExportResult[]): Date {
  return new Date(Math.max(...packages.map((made) => made.expiresAt.getTime())));
}
