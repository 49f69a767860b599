import type { Locale, Translate } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";

export interface StatementSection {
  key: string;
  title: string;
  text: string;
}

/** The statement as plain-text sections, in its order, to compare two versions section by section. */
export function statementSections(
  policy: Policy,
  locale: Locale,
  t: Translate,
): StatementSection[] {
  const purposes = policy.purposes.map((purpose) => ({
    key: `purpose:${purpose.id}`,
    title: purpose.name[locale],
    text: [
      purpose.description[locale],
      `${t("statement.col.data")}: ${purpose.dataCategories.map((c) => c.label[locale]).join(", ")}`,
      `${t("statement.col.reason")}: ${t(`statement.basis.${purpose.legalBasis}`)}`,
      `${t("statement.col.retention")}: ${purpose.retention.text[locale]}`,
    ].join("\n"),
  }));
  return [
    { key: "intro", title: t("statement.title"), text: policy.intro[locale] },
    ...purposes,
    { key: "special", title: t("statement.special"), text: policy.specialData[locale] },
    {
      key: "cookies",
      title: t("statement.cookies"),
      text: [
        policy.cookiesIntro[locale],
        ...policy.cookies.map((c) => `${c.name}: ${c.purpose[locale]} (${c.duration[locale]})`),
      ].join("\n"),
    },
    {
      key: "security",
      title: t("statement.security"),
      text: policy.securityMeasures.map((measure) => measure[locale]).join("\n"),
    },
    {
      key: "rights",
      title: t("statement.rights"),
      text: [
        policy.rights.text[locale],
        policy.rights.idCopyInstructions[locale],
        t("statement.rights.answer", { days: policy.rights.answerDays }),
      ].join("\n"),
    },
    {
      key: "recipients",
      title: t("statement.recipients"),
      text: [
        ...policy.processors.map((p) => `${p.name}: ${p.service[locale]} (${p.country})`),
        policy.legalDisclosure[locale],
      ].join("\n"),
    },
    { key: "links", title: t("statement.links"), text: policy.externalLinks[locale] },
    { key: "changes", title: t("statement.changes"), text: policy.changes[locale] },
    { key: "complaint", title: t("statement.complaint"), text: policy.complaint[locale] },
  ];
}
