import { randomUUID } from "node:crypto";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { newShortReference } from "../../core/short-reference.ts";
import { addPeriod, type RetentionReason } from "../../datamap/index.ts";
import type { RightKind } from "../../policy/index.ts";
import { answerDeadline } from "./request-deadline.ts";
import {
  type PortabilityRecipient,
  type RightsRequestRow,
  type SealedField,
  sealRequestField,
} from "./request-store.ts";
import { confirmTokenHash, newConfirmToken } from "./request-token.ts";
import { rightsRequestRecordType } from "./rights.records.ts";
import { type RequestChannel, type RequestedRight, rightsRequests } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** A portal request nobody confirms goes after this: it is about someone we could not reach. */
export const unconfirmedLifetimeDays = 7;

export interface NewRequestInput {
  channel: RequestChannel;
  locale: Locale;
  rights: readonly RequestedRight[];
  /** Already validated and trimmed by the caller's schema. */
  email: string;
  phone?: string | undefined;
  customerNumber?: string | undefined;
  vat?: string | undefined;
  description?: string | undefined;
  recipient?: PortabilityRecipient | undefined;
  /** Staff entering a request received by e-mail, phone or post: it counts as received at once. */
  enteredBy?: string | undefined;
}

export interface CreatedRequest {
  requestId: string;
  reference: string;
  subjectId: string;
  /** Portal requests only: the e-mail link's secret, never stored. */
  confirmToken?: string | undefined;
  deadlineAt: Date | null;
}

/** Open requests are kept until answered; their proof then for the policy's period. */
export function openRequestRetention(deps: Pick<RightsDeps, "policy">): RetentionReason {
  const { years, months, days } = deps.policy().rights.proofRetention;
  return { code: "awaiting_event", event: "request.closed", period: { years, months, days } };
}

/**
 * Records a request. Call it inside the transaction that also queues the mail it causes. The
 * person is registered (or found) by e-mail only: a phone or VAT number typed by someone not yet
 * verified must not link records of another person to this one.
 */
export async function createRequest(
  deps: RightsDeps,
  input: NewRequestInput,
): Promise<CreatedRequest> {
  if (input.rights.length === 0) throw new Error("a request asks at least one right");
  const { db, clock, vault } = deps;
  const now = clock.now();
  const policy = deps.policy();
  const { subjectId } = await vault.ensureSubject(db, { email: input.email });
  const byStaff = input.enteredBy !== undefined;
  const confirmToken = byStaff ? undefined : newConfirmToken();
  const deadlineAt = byStaff ? answerDeadline(now, policy.rights.answerDays) : null;
  const required = new Set<RightKind>(policy.rights.idCopyRequiredFor);
  // The id is made here: each encrypted value is bound to its record id, so it exists before the row.
  const requestId = randomUUID();
  const sealed = await sealFields(deps, subjectId, requestId, {
    email: input.email,
    phone: input.phone,
    customerNumber: input.customerNumber,
    vat: input.vat,
    description:
      input.description && deps.sensitiveData
        ? (await deps.sensitiveData(input.description, input.locale)).text
        : input.description,
    recipient: input.recipient ? JSON.stringify(input.recipient) : undefined,
  });
  const [row] = await db
    .insert(rightsRequests)
    .values({
      id: requestId,
      subjectId,
      retainUntil: byStaff ? null : addPeriod(now, { days: unconfirmedLifetimeDays }),
      retentionReason: byStaff ? openRequestRetention(deps) : { code: "expires" },
      reference: newShortReference("R"),
      status: byStaff ? "received" : "unconfirmed",
      channel: input.channel,
      locale: input.locale,
      rights: [...input.rights],
      ...sealed,
      idCopyRequired: input.rights.some((right) => required.has(right.kind)),
      confirmTokenHash: confirmToken ? confirmTokenHash(vault, confirmToken) : null,
      createdAt: now,
      receivedAt: byStaff ? now : null,
      deadlineAt,
      enteredBy: input.enteredBy ?? null,
      updatedAt: now,
    })
    .returning({ id: rightsRequests.id, reference: rightsRequests.reference });
  if (!row) throw new Error("inserting a rights request returned no row");
  const actor: AuditActor = byStaff
    ? { type: "staff", id: input.enteredBy }
    : { type: "subject", id: subjectId };
  await appendAudit(db, {
    clock,
    entry: {
      actor,
      action: "rights.request_received",
      subjectId,
      recordType: rightsRequestRecordType.id,
      recordId: row.id,
      purpose: "rights",
      details: { channel: input.channel, rights: input.rights.map((r) => r.kind).join(",") },
    },
  });
  return { requestId: row.id, reference: row.reference, subjectId, confirmToken, deadlineAt };
}

type IntakeField = Exclude<SealedField, "letter">;

const intakeColumns = {
  email: "emailCiphertext",
  phone: "phoneCiphertext",
  customerNumber: "customerNumberCiphertext",
  vat: "vatCiphertext",
  description: "descriptionCiphertext",
  recipient: "recipientCiphertext",
} as const satisfies Record<IntakeField, keyof RightsRequestRow>;

type SealedColumns = Partial<Record<(typeof intakeColumns)[IntakeField], string>>;

async function sealFields(
  deps: RightsDeps,
  subjectId: string,
  requestId: string,
  values: Record<IntakeField, string | undefined>,
): Promise<SealedColumns> {
  const columns: SealedColumns = {};
  for (const field of Object.keys(intakeColumns) as IntakeField[]) {
    const value = values[field];
    if (value === undefined || value === "") continue;
    columns[intakeColumns[field]] = await sealRequestField(deps.db, deps.vault, {
      subjectId,
      requestId,
      field,
      value,
    });
  }
  return columns;
}
