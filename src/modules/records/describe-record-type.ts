import type { Locale, MessageKey, Translate } from "../../core/i18n/index.ts";
import { type DataMap, describePeriod, type RecordType } from "../../datamap/index.ts";
import type { AnchorEvent, LegalBasis, RetentionRule } from "../../policy/index.ts";

/** What the data map page says about one record type, in the staff member's language. */
export interface RecordTypeDescription {
  label: string;
  purpose: string;
  legalBasis: string;
  /** The retention as the privacy statement words it (or the record type's own rule). */
  retentionText: string;
  /** The rule the engine applies, in words: it differs from the text when a category has its own. */
  engineRule: string;
  erasure: string;
  blockers: string[];
}

const erasureKeys = {
  delete: "records.erasure.delete",
  anonymise: "records.erasure.anonymise",
  shred: "records.erasure.shred",
} as const satisfies Record<string, MessageKey>;

const blockerKeys = {
  legal_obligation: "records.blocker.legal_obligation",
  running_agreement: "records.blocker.running_agreement",
} as const satisfies Record<string, MessageKey>;

export function describeRecordType(
  dataMap: DataMap,
  type: RecordType,
  locale: Locale,
  t: Translate,
): RecordTypeDescription {
  const effective = dataMap.ruleOf(type);
  const basis = (legalBasis: LegalBasis, reference: string | undefined) =>
    reference
      ? t("records.datamap.basis_with_reference", {
          basis: t(`statement.basis.${legalBasis}`),
          reference,
        })
      : t(`statement.basis.${legalBasis}`);
  const fieldLabel = (column: string) =>
    type.fields.find((field) => field.column === column)?.label[locale] ?? column;
  const erasure =
    type.erasure.method === "anonymise"
      ? t(erasureKeys.anonymise, { fields: type.erasure.fields.map(fieldLabel).join(", ") })
      : t(erasureKeys[type.erasure.method]);
  const common = {
    label: type.label[locale],
    erasure,
    blockers: dataMap.blockersOf(type).map((blocker) => t(blockerKeys[blocker.kind])),
  };
  if (effective.kind === "policy") {
    const { purpose, rule } = effective;
    return {
      ...common,
      purpose: purpose.name[locale],
      legalBasis: basis(purpose.legalBasis, purpose.legalReference),
      retentionText: purpose.retention.text[locale],
      engineRule: describeRule(t, rule),
    };
  }
  const own = type.ownRetention;
  return {
    ...common,
    purpose: t("records.datamap.own_purpose", { purpose: t(`records.purpose.${type.purpose}`) }),
    legalBasis: own ? basis(own.legalBasis, own.legalReference) : "—",
    retentionText: own?.rule[locale] ?? "—",
    engineRule: t("records.rule.own"),
  };
}

function describeRule(t: Translate, rule: RetentionRule): string {
  switch (rule.kind) {
    case "until_objection":
      return t("records.rule.until_objection");
    case "not_stored":
      return t("records.rule.not_stored");
    case "after_event": {
      const event = (name: AnchorEvent) => t(`retention.event.${name}`);
      const parts = [
        t("records.rule.after_event", {
          period: describePeriod(t, rule),
          event: event(rule.event),
        }),
        ...(rule.restartOn ?? []).map((name) => t("records.rule.restart", { event: event(name) })),
      ];
      if (rule.unlessCondition) parts.push(t("records.rule.unless_agreement"));
      return parts.join(" ");
    }
  }
}
