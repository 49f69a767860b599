import { eq } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import { isLocale, type Locale, translator } from "../../core/i18n/index.ts";
import { enqueueMail } from "../../core/mail/index.ts";
import { addPeriod, type Period } from "../../datamap/index.ts";
import { isErased } from "../../vault/index.ts";
import { ExecutionError, lockOpenRequest, outcomesOf, stepsOf } from "./execute-steps.ts";
import { destroyIdCopies } from "./id-copy-store.ts";
import { renderReplyLetterPdf } from "./reply-letter.pdf.ts";
import { composeReplyLetter, gatherLetterFacts } from "./reply-letter.ts";
import {
  openRequestDetails,
  type RightsRequestRow,
  readRequest,
  sealedColumns,
  sealRequestField,
} from "./request-store.ts";
import { isStatusTokenFor, statusUrl } from "./request-token.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

export interface AnsweredRequest {
  answeredAt: Date;
  retainUntil: Date;
  letter: string;
}

/**
 * Sends the answer once every step was executed: the letter, generated from the outcomes in the
 * person's language, is stored encrypted and mailed with its PDF and the status link; the request
 * keeps only its proof (rights, dates, outcome, letter, the e-mail it was sent to) for the
 * policy's proof retention, and any ID copy is destroyed. All in one transaction.
 */
export async function answerRequest(
  deps: RightsDeps,
  input: { requestId: string; staffId: string },
): Promise<AnsweredRequest> {
  return deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const request = await lockOpenRequest(tx, input.requestId);
    const pending = stepsOf(request.rights).filter(
      (step) => outcomesOf(request.outcome, step).length === 0,
    );
    if (pending.length > 0) throw new ExecutionError("steps_pending");
    const subjectId = request.subjectId;
    if (!subjectId) throw new ExecutionError("not_found");
    const { email } = await openRequestDetails(tx, deps.vault, request);
    if (!email) throw new ExecutionError("no_email");

    const answeredAt = deps.clock.now();
    const policy = deps.policy();
    const facts = await gatherLetterFacts(txDeps, request, answeredAt);
    const letter = composeReplyLetter(facts, { policy, dataMap: deps.dataMap });
    const pdf = await renderReplyLetterPdf({
      text: letter,
      locale: facts.locale,
      reference: request.reference,
      organisation: policy.organisation,
      answeredAt,
    });
    const { years, months, days } = policy.rights.proofRetention;
    const period: Period = { years, months, days };
    const retainUntil = addPeriod(answeredAt, period);
    await tx
      .update(rightsRequests)
      .set({
        status: "answered",
        answeredAt,
        answeredBy: input.staffId,
        letterCiphertext: await sealRequestField(tx, deps.vault, {
          subjectId,
          requestId: request.id,
          field: "letter",
          value: letter,
        }),
        // Minimised to the proof: what was asked, when, what we did and what we wrote.
        phoneCiphertext: null,
        customerNumberCiphertext: null,
        vatCiphertext: null,
        descriptionCiphertext: null,
        recipientCiphertext: null,
        confirmTokenHash: null,
        retainUntil,
        retentionReason: {
          code: "after_event",
          event: "request.closed",
          at: answeredAt.toISOString(),
          period,
        },
        updatedAt: answeredAt,
      })
      .where(eq(rightsRequests.id, request.id));
    const actor: AuditActor = { type: "staff", id: input.staffId };
    const destroyed = await destroyIdCopies(
      { db: tx, clock: deps.clock },
      { requestId: request.id, actor, why: "request_closed" },
    );
    await appendAudit(tx, {
      clock: deps.clock,
      entry: {
        actor,
        action: "rights.request_answered",
        subjectId,
        recordType: rightsRequestRecordType.id,
        recordId: request.id,
        purpose: "rights",
        details: {
          steps: stepsOf(request.rights).length,
          idCopiesDestroyed: destroyed,
          retainUntil: retainUntil.toISOString(),
        },
      },
    });
    await enqueueAnswerMail(txDeps, {
      request,
      subjectId,
      to: email,
      locale: facts.locale,
      letter,
      pdf,
    });
    return { answeredAt, retainUntil, letter };
  });
}

async function enqueueAnswerMail(
  deps: RightsDeps,
  input: {
    request: RightsRequestRow;
    subjectId: string;
    to: string;
    locale: Locale;
    letter: string;
    pdf: Buffer;
  },
): Promise<void> {
  const t = translator(input.locale);
  const reference = input.request.reference;
  await enqueueMail(deps.db, {
    clock: deps.clock,
    config: deps.config,
    vault: deps.vault,
    mail: {
      purpose: "rights.answer",
      sealedUnder: { subjectId: input.subjectId, purpose: "rights" },
      locale: input.locale,
      to: input.to,
      subject: t("rights-letter.mail.answer.subject", { reference }),
      text: t("rights-letter.mail.answer.body", {
        letter: input.letter.trimEnd(),
        statusUrl: statusUrl(deps.config.PUBLIC_URL, deps.vault, input.request.id),
      }),
      attachments: [
        {
          filename: t("rights-letter.pdf.filename", { reference }),
          contentType: "application/pdf",
          contentBase64: input.pdf.toString("base64"),
        },
      ],
    },
  });
}

export interface AnsweredLetter {
  pdf: Buffer;
  filename: string;
}

/**
 * The stored letter of an answered request as a PDF, for the person's status link. Anything
 * wrong (unknown id, wrong token, not answered, letter erased) is the same undefined.
 */
export async function openAnsweredLetter(
  deps: Pick<RightsDeps, "db" | "vault" | "policy">,
  input: { requestId: string; token: unknown },
): Promise<AnsweredLetter | undefined> {
  if (!isStatusTokenFor(deps.vault, input.requestId, input.token)) return undefined;
  const request = await readRequest(deps.db, input.requestId);
  if (request?.status !== "answered" || !request.subjectId || !request.letterCiphertext) {
    return undefined;
  }
  const text = await deps.vault.decryptField(deps.db, {
    subjectId: request.subjectId,
    purpose: "rights",
    table: rightsRequestRecordType.tableName,
    column: sealedColumns.letter,
    recordId: request.id,
    ciphertext: request.letterCiphertext,
  });
  if (isErased(text)) return undefined;
  const locale: Locale = isLocale(request.locale) ? request.locale : "nl";
  const pdf = await renderReplyLetterPdf({
    text,
    locale,
    reference: request.reference,
    organisation: deps.policy().organisation,
    answeredAt: request.answeredAt ?? request.updatedAt,
  });
  return {
    pdf,
    filename: translator(locale)("rights-letter.pdf.filename", { reference: request.reference }),
  };
}
