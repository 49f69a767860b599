import { type Locale, type MessageKey, type Translate, translator } from "../../core/i18n/index.ts";
import {
  isInEea,
  type LegalBasis,
  type Policy,
  processorTransferText,
} from "../../policy/index.ts";
import { isErased, type VaultPurpose } from "../../vault/index.ts";
import type { DataMap } from "../data-map.ts";
import { explainRetention, isoDay, type RetentionExplanation } from "../explain-retention.ts";
import type { LegalHold } from "../legal-holds.ts";
import type { FieldValue, HeldRecord, SubjectRecords } from "../read-subject-records.ts";
import type { RecordField, RecordType } from "../record-type.ts";
import type { Disclosure } from "./disclosures.ts";
import { packagePaths } from "./package-paths.ts";

export const exportKinds = ["access", "portability"] as const;
/** Access (GDPR Art. 15) or portability (Art. 20): the same contents, told for that purpose. */
export type ExportKind = (typeof exportKinds)[number];

export interface ReportField {
  label: string;
  value: string;
  /** Renderers set erased values and attached files apart from plain values. */
  state: "value" | "empty" | "erased" | "file";
}

export interface ReportRecord {
  id: string;
  fields: ReportField[];
  retention: RetentionExplanation;
}

/** One kind of data we hold about the person, with everything Art. 15(1) asks about it. */
export interface ReportRecordType {
  id: string;
  label: string;
  purposeName: string;
  purposeDescription: string | undefined;
  legalBasis: string;
  legalReference: string | undefined;
  source: string;
  recipients: string[];
  processors: string[];
  transfers: string;
  retentionRule: string;
  records: ReportRecord[];
}

/** The access report in one language, before it becomes HTML or PDF: both say the same. */
export interface AccessReport {
  locale: Locale;
  kind: ExportKind;
  packageId: string;
  createdAt: Date;
  title: string;
  intro: string;
  made: string;
  controller: string[];
  contact: string;
  recordTypes: ReportRecordType[];
  disclosures: string[];
  rights: { text: string; ask: string };
  complaint: { text: string; authority: string[] };
}

export interface AccessReportInput {
  dataMap: DataMap;
  records: SubjectRecords;
  locale: Locale;
  kind: ExportKind;
  packageId: string;
  createdAt: Date;
  expiresAt: Date;
  /** Holds in force over the subject, of any record type. */
  holds: readonly LegalHold[];
  disclosures: readonly Disclosure[];
}

/** "2026-03-01 09:30 UTC": one time zone for everyone, since the report leaves our site. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function buildAccessReport(input: AccessReportInput): AccessReport {
  const { dataMap, locale, kind } = input;
  const t = translator(locale);
  const policy = dataMap.policy;
  const { organisation } = policy;
  const authority = organisation.supervisoryAuthority;
  return {
    locale,
    kind,
    packageId: input.packageId,
    createdAt: input.createdAt,
    title: t(`export.report.title.${kind}`),
    intro: t(`export.report.intro.${kind}`),
    made: t("export.report.made", {
      date: formatInstant(input.createdAt),
      id: input.packageId,
      expires: formatInstant(input.expiresAt),
    }),
    controller: [
      t("statement.controller", {
        name: organisation.name,
        legalForm: organisation.legalForm,
        street: organisation.address.street,
        postalCode: organisation.address.postalCode,
        city: organisation.address.city,
        number: organisation.enterpriseNumber,
      }),
    ],
    contact: t("export.report.contact", {
      email: organisation.privacyEmail,
      website: organisation.website,
    }),
    recordTypes: input.records.byType
      .filter(({ records }) => records.length > 0)
      .map(({ recordType, records }) =>
        describeRecordType(dataMap, t, locale, recordType, records, input.holds),
      ),
    disclosures: input.disclosures.map((disclosure) =>
      t("export.report.disclosure", {
        date: isoDay(disclosure.disclosedAt),
        recipient: disclosure.recipient,
        reference: disclosure.reference,
        legalBasis: disclosure.legalBasis,
        dataGiven: disclosure.dataGiven,
      }),
    ),
    rights: {
      text: policy.rights.text[locale],
      ask: t("export.report.rights.ask", {
        email: policy.rights.requestEmail ?? organisation.privacyEmail,
        days: policy.rights.answerDays,
      }),
    },
    complaint: {
      text: policy.complaint[locale],
      authority: [
        authority.name[locale],
        authority.address,
        authority.url,
        authority.email ?? "",
      ].filter((line) => line.length > 0),
    },
  };
}

function describeRecordType(
  dataMap: DataMap,
  t: Translate,
  locale: Locale,
  type: RecordType,
  records: readonly HeldRecord[],
  holds: readonly LegalHold[],
): ReportRecordType {
  const policy = dataMap.policy;
  const purpose = dataMap.purposeOf(type);
  const own = type.ownRetention;
  // A record type's own retention wins over its purpose's rule (DataMap.ruleOf does the same).
  const basis: LegalBasis = own?.legalBasis ?? purpose?.legalBasis ?? "legal_obligation";
  const holdsOfType = holds.filter((hold) => !hold.recordType || hold.recordType === type.id);
  return {
    id: type.id,
    label: type.label[locale],
    purposeName: purpose?.name[locale] ?? t(purposeNameKey(type.purpose)),
    purposeDescription: purpose?.description[locale],
    legalBasis: t(`statement.basis.${basis}`),
    legalReference: own?.legalReference ?? purpose?.legalReference,
    source: type.source[locale],
    recipients: (purpose?.recipients ?? []).map((recipient) => recipient[locale]),
    processors: processorsOf(policy, t, locale, type.purpose),
    transfers: transfersOf(policy, t, locale, type.purpose),
    retentionRule: own?.rule[locale] ?? purpose?.retention.text[locale] ?? "",
    records: records.map((record) => ({
      id: record.id,
      fields: type.fields.map((field) => reportField(t, locale, type, record, field)),
      retention: explainRetention(dataMap, t, {
        recordType: type,
        retainUntil: record.retainUntil,
        retentionReason: record.retentionReason,
        holds: holdsOfType,
        audience: "subject",
      }),
    })),
  };
}

function purposeNameKey(purpose: VaultPurpose): MessageKey {
  return `export.purpose.${purpose}`;
}

/**
 * Where the data goes outside the EEA and on what ground (Art. 15(2)): the purpose's own words,
 * then every processor of the purpose outside the EEA, so a processor added in the register can
 * never leave the report saying "none".
 */
function transfersOf(policy: Policy, t: Translate, locale: Locale, purposeId: string): string {
  const purpose = policy.purposes.find((candidate) => candidate.id === purposeId);
  const lines = [
    ...(purpose?.transfersOutsideEea && purpose.transferSafeguards
      ? [purpose.transferSafeguards[locale]]
      : []),
    ...policy.processors
      .filter((processor) => processor.purposes.includes(purposeId) && !isInEea(processor.country))
      .map((processor) => processorTransferText(processor, locale)),
  ];
  return lines.length > 0 ? lines.join("; ") : t("export.report.transfers.none");
}

function processorsOf(policy: Policy, t: Translate, locale: Locale, purpose: string): string[] {
  return policy.processors
    .filter((processor) => processor.purposes.includes(purpose))
    .map((processor) =>
      t("export.report.processor", {
        name: processor.name,
        country: processor.country,
        service: processor.service[locale],
      }),
    );
}

function reportField(
  t: Translate,
  locale: Locale,
  type: RecordType,
  record: HeldRecord,
  field: RecordField,
): ReportField {
  const label = field.label[locale];
  const value: FieldValue | undefined = record.values[field.column];
  if (value === null || value === undefined) {
    return { label, value: t("export.value.empty"), state: "empty" };
  }
  if (isErased(value)) return { label, value: t("export.value.erased"), state: "erased" };
  if (Buffer.isBuffer(value)) {
    const path = packagePaths.file(type.id, record.id, field.column);
    return { label, value: t("export.value.file", { path, bytes: value.length }), state: "file" };
  }
  if (field.kind === "date" && typeof value === "string") {
    return { label, value: formatInstant(new Date(value)), state: "value" };
  }
  return {
    label,
    value: typeof value === "object" ? JSON.stringify(value) : String(value),
    state: "value",
  };
}
