import type { Locale, Translate } from "../../core/i18n/index.ts";
import { type Policy, processorDataLabels } from "../../policy/index.ts";
import { sensitiveDataHandling } from "../scanner/index.ts";
import { idCopyRights } from "./id-copy-rights.ts";

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
  const topics = policy.newsletterTopics.map(
    (topic) => `${topic.id}: ${topic.name[locale]}: ${topic.description[locale]}`,
  );
  const purposes = policy.purposes.map((purpose) => ({
    key: `purpose:${purpose.id}`,
    title: purpose.name[locale],
    text: [
      purpose.description[locale],
      `${t("statement.col.data")}: ${purpose.dataCategories.map((c) => c.label[locale]).join(", ")}`,
      `${t("statement.col.reason")}: ${t(`statement.basis.${purpose.legalBasis}`)}`,
      `${t("statement.col.retention")}: ${purpose.retention.text[locale]}`,
      JSON.stringify(purpose.retention.rule),
      ...(purpose.id === "newsletter" ? topics : []),
    ].join("\n"),
  }));
  const organisation = policy.organisation;
  const authority = organisation.supervisoryAuthority;
  return [
    { key: "intro", title: t("statement.title"), text: policy.intro[locale] },
    {
      // Who is responsible and how to reach them: a changed address here matters as much as text.
      key: "controller",
      title: t("statement.controller.title"),
      text: [
        `${organisation.name} ${organisation.legalForm}, ${organisation.enterpriseNumber}`,
        `${organisation.address.street}, ${organisation.address.postalCode} ${organisation.address.city}, ${organisation.address.country}`,
        organisation.website,
        `${t("statement.rights.email")} ${policy.rights.requestEmail ?? organisation.privacyEmail}`,
        organisation.privacyEmail,
      ].join("\n"),
    },
    ...purposes,
    {
      key: "special",
      title: t("statement.special"),
      text: [policy.specialData[locale], ...sensitiveDataHandling(policy, t)].join("\n\n"),
    },
    {
      key: "cookies",
      title: t("statement.cookies"),
      text: [
        policy.cookiesIntro[locale],
        ...policy.cookies.map(
          (c) =>
            `${c.name} [${c.category}, ${c.party}, ${c.provider}]: ${c.purpose[locale]} (${c.duration[locale]})`,
        ),
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
        t("statement.rights.id_copy_for", { rights: idCopyRights(policy, t) }),
        t("statement.rights.answer", { days: policy.rights.answerDays }),
        `${policy.rights.proofRetention.text[locale]} (${policy.rights.proofRetention.legalReference})`,
      ].join("\n"),
    },
    {
      key: "recipients",
      title: t("statement.recipients"),
      text: [
        ...policy.processors.map((p) =>
          [
            `${p.name}: ${p.service[locale]} (${p.country}, ${p.contractDate}; ${p.purposes.join(", ")})`,
            ...(p.transferBasis ? [t(`processors.basis.${p.transferBasis}`)] : []),
            processorDataLabels(policy, p, locale).join(", "),
          ].join(" "),
        ),
        policy.legalDisclosure[locale],
      ].join("\n"),
    },
    { key: "links", title: t("statement.links"), text: policy.externalLinks[locale] },
    { key: "changes", title: t("statement.changes"), text: policy.changes[locale] },
    {
      key: "complaint",
      title: t("statement.complaint"),
      text: [
        policy.complaint[locale],
        authority.name[locale],
        authority.address,
        authority.url,
        authority.email ?? "",
      ].join("\n"),
    },
  ];
}
