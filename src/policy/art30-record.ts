import type { Locale } from "../core/i18n/i18n.ts";
import { isInEea } from "./eea-countries.ts";
import type {
  LegalBasis,
  Policy,
  Processor,
  Purpose,
  RetentionRule,
  TransferBasis,
} from "./policy.schema.ts";

/**
 * The GDPR Art. 30(1) record of processing activities, built from the policy alone: one entry per
 * purpose, in one language. Pure functions; the back office page and the CSV/JSON downloads render
 * what these return, so the record and the statement come from the same file and cannot drift.
 */

export interface Art30Controller {
  name: string;
  legalForm: string;
  /** One line: street, postal code and city, country code. */
  address: string;
  enterpriseNumber: string;
  privacyEmail: string;
}

export interface Art30Processor {
  name: string;
  service: string;
  country: string;
  /** Labels of this purpose's data categories the processor receives (Art. 30(1)(c), (d)). */
  dataCategories: string[];
  /** The Chapter V ground when the country lies outside the EEA (Art. 30(1)(e)). */
  transferBasis: TransferBasis | null;
}

export interface Art30Entry {
  purposeId: Purpose["id"];
  controller: Art30Controller;
  purpose: { name: string; description: string };
  legalBasis: {
    code: LegalBasis;
    /** Readable, e.g. "wettelijke verplichting". */
    label: string;
    /** The Art. 6(1) point, e.g. "art. 6(1)(c) AVG". */
    article: string;
    /** The law that sets the obligation, when the policy names one. */
    legalReference: string | null;
  };
  dataSubjects: string[];
  dataCategories: { id: string; label: string }[];
  recipients: {
    /** The purpose's own recipient categories. */
    categories: string[];
    /** Processors the policy lists as serving this purpose. */
    processors: Art30Processor[];
  };
  transfersOutsideEea: {
    /** Declared by the purpose, or implied by a processor established outside the EEA. */
    transfers: boolean;
    /** Countries of processors serving this purpose that lie outside the EEA. */
    processorCountries: string[];
    /** The purpose's own safeguards text. */
    safeguards: string | null;
    /** Each processor outside the EEA with its ground, e.g. "X (US): standard contractual clauses". */
    processorSafeguards: string[];
  };
  retention: {
    /** As the statement words it. */
    text: string;
    /** Machine form, e.g. "7 years after order.completed" or "until objection". */
    rule: string;
  };
  securityMeasures: string[];
}

export interface Art30Record {
  locale: Locale;
  generatedFrom: { policyVersion: string; effectiveDate: string };
  entries: Art30Entry[];
}

/** CSV columns, in order. */
export const art30Columns = [
  "controller",
  "controllerAddress",
  "enterpriseNumber",
  "privacyContact",
  "purpose",
  "description",
  "legalBasis",
  "legalReference",
  "dataSubjects",
  "dataCategories",
  "recipients",
  "transfersOutsideEea",
  "transferSafeguards",
  "retention",
  "retentionRule",
  "securityMeasures",
] as const;
export type Art30Column = (typeof art30Columns)[number];

export interface Art30Labels {
  title: string;
  columns: Record<Art30Column, string>;
  legalBases: Record<LegalBasis, string>;
  transferBases: Record<TransferBasis, string>;
  /** Said of a processor outside the EEA that names no ground (the policy check refuses it). */
  noTransferBasis: string;
  /** The regulation's abbreviation in this language, for "art. 6(1)(c) AVG". */
  regulation: string;
  yes: string;
  no: string;
}

/**
 * Kept here rather than in the product catalogue (owned elsewhere): these words belong to the
 * record's export format, and a column header must not change under a CSV consumer unannounced.
 */
export const art30Labels: Record<Locale, Art30Labels> = {
  nl: {
    title: "Register van verwerkingsactiviteiten (art. 30 AVG)",
    columns: {
      controller: "Verwerkingsverantwoordelijke",
      controllerAddress: "Adres",
      enterpriseNumber: "Ondernemingsnummer",
      privacyContact: "Contact privacy",
      purpose: "Verwerkingsdoeleinde",
      description: "Beschrijving",
      legalBasis: "Rechtsgrond",
      legalReference: "Wettelijke referentie",
      dataSubjects: "Categorieën van betrokkenen",
      dataCategories: "Categorieën van persoonsgegevens",
      recipients: "Categorieën van ontvangers",
      transfersOutsideEea: "Doorgifte buiten de EER",
      transferSafeguards: "Waarborgen bij doorgifte",
      retention: "Bewaartermijn",
      retentionRule: "Bewaarregel (machineleesbaar)",
      securityMeasures: "Technische en organisatorische beveiligingsmaatregelen",
    },
    legalBases: {
      consent: "toestemming",
      contract: "uitvoering van een overeenkomst",
      legal_obligation: "wettelijke verplichting",
      vital_interests: "vitaal belang",
      public_task: "taak van algemeen belang",
      legitimate_interests: "gerechtvaardigd belang",
    },
    transferBases: {
      adequacy: "adequaatheidsbesluit (art. 45 AVG)",
      scc: "standaardcontractbepalingen (art. 46, lid 2, c) AVG)",
      bcr: "bindende bedrijfsvoorschriften (art. 47 AVG)",
      derogation: "afwijking voor een specifieke situatie (art. 49 AVG)",
    },
    noTransferBasis: "geen grond opgegeven",
    regulation: "AVG",
    yes: "ja",
    no: "nee",
  },
  en: {
    title: "Record of processing activities (Art. 30 GDPR)",
    columns: {
      controller: "Controller",
      controllerAddress: "Address",
      enterpriseNumber: "Enterprise number",
      privacyContact: "Privacy contact",
      purpose: "Purpose of processing",
      description: "Description",
      legalBasis: "Legal basis",
      legalReference: "Legal reference",
      dataSubjects: "Categories of data subjects",
      dataCategories: "Categories of personal data",
      recipients: "Categories of recipients",
      transfersOutsideEea: "Transfers outside the EEA",
      transferSafeguards: "Transfer safeguards",
      retention: "Retention period",
      retentionRule: "Retention rule (machine-readable)",
      securityMeasures: "Technical and organisational security measures",
    },
    legalBases: {
      consent: "consent",
      contract: "performance of a contract",
      legal_obligation: "legal obligation",
      vital_interests: "vital interests",
      public_task: "public task",
      legitimate_interests: "legitimate interests",
    },
    transferBases: {
      adequacy: "adequacy decision (Art. 45 GDPR)",
      scc: "standard contractual clauses (Art. 46(2)(c) GDPR)",
      bcr: "binding corporate rules (Art. 47 GDPR)",
      derogation: "derogation for a specific situation (Art. 49 GDPR)",
    },
    noTransferBasis: "no ground given",
    regulation: "GDPR",
    yes: "yes",
    no: "no",
  },
  fr: {
    title: "Registre des activités de traitement (art. 30 RGPD)",
    columns: {
      controller: "Responsable du traitement",
      controllerAddress: "Adresse",
      enterpriseNumber: "Numéro d'entreprise",
      privacyContact: "Contact vie privée",
      purpose: "Finalité du traitement",
      description: "Description",
      legalBasis: "Base juridique",
      legalReference: "Référence légale",
      dataSubjects: "Catégories de personnes concernées",
      dataCategories: "Catégories de données à caractère personnel",
      recipients: "Catégories de destinataires",
      transfersOutsideEea: "Transferts hors de l'EEE",
      transferSafeguards: "Garanties pour les transferts",
      retention: "Durée de conservation",
      retentionRule: "Règle de conservation (lisible par machine)",
      securityMeasures: "Mesures de sécurité techniques et organisationnelles",
    },
    legalBases: {
      consent: "consentement",
      contract: "exécution d'un contrat",
      legal_obligation: "obligation légale",
      vital_interests: "intérêts vitaux",
      public_task: "mission d'intérêt public",
      legitimate_interests: "intérêts légitimes",
    },
    transferBases: {
      adequacy: "décision d'adéquation (art. 45 RGPD)",
      scc: "clauses contractuelles types (art. 46, § 2, c) RGPD)",
      bcr: "règles d'entreprise contraignantes (art. 47 RGPD)",
      derogation: "dérogation pour une situation particulière (art. 49 RGPD)",
    },
    noTransferBasis: "aucun motif indiqué",
    regulation: "RGPD",
    yes: "oui",
    no: "non",
  },
};

/** Art. 6(1) points (a) to (f). */
const legalBasisPoint: Record<LegalBasis, string> = {
  consent: "a",
  contract: "b",
  legal_obligation: "c",
  vital_interests: "d",
  public_task: "e",
  legitimate_interests: "f",
};

export function art30Record(policy: Policy, locale: Locale): Art30Record {
  const labels = art30Labels[locale];
  const { organisation } = policy;
  const { address } = organisation;
  const controller: Art30Controller = {
    name: organisation.name,
    legalForm: organisation.legalForm,
    address: `${address.street}, ${address.postalCode} ${address.city}, ${address.country}`,
    enterpriseNumber: organisation.enterpriseNumber,
    privacyEmail: organisation.privacyEmail,
  };
  const securityMeasures = policy.securityMeasures.map((measure) => measure[locale]);

  const entries = policy.purposes.map((purpose): Art30Entry => {
    const processors = policy.processors
      .filter((processor) => processor.purposes.includes(purpose.id))
      .map((processor) => art30Processor(processor, purpose, locale));
    const outside = processors.filter((processor) => !isInEea(processor.country));
    const processorCountries = [...new Set(outside.map((processor) => processor.country))];
    return {
      purposeId: purpose.id,
      controller: { ...controller },
      purpose: { name: purpose.name[locale], description: purpose.description[locale] },
      legalBasis: {
        code: purpose.legalBasis,
        label: labels.legalBases[purpose.legalBasis],
        article: `art. 6(1)(${legalBasisPoint[purpose.legalBasis]}) ${labels.regulation}`,
        legalReference: purpose.legalReference ?? null,
      },
      dataSubjects: [purpose.dataSubjects[locale]],
      dataCategories: purpose.dataCategories.map((category) => ({
        id: category.id,
        label: category.label[locale],
      })),
      recipients: {
        categories: purpose.recipients.map((recipient) => recipient[locale]),
        processors,
      },
      transfersOutsideEea: {
        transfers: purpose.transfersOutsideEea || processorCountries.length > 0,
        processorCountries,
        safeguards: purpose.transferSafeguards?.[locale] ?? null,
        processorSafeguards: outside.map((processor) => processorTransferText(processor, locale)),
      },
      retention: { text: purpose.retention.text[locale], rule: retentionSummary(purpose) },
      securityMeasures: [...securityMeasures],
    };
  });

  return {
    locale,
    generatedFrom: {
      policyVersion: policy.version.changelog,
      effectiveDate: policy.version.effectiveDate,
    },
    entries,
  };
}

/** One processor as a recipient of one purpose's data: only that purpose's categories. */
function art30Processor(processor: Processor, purpose: Purpose, locale: Locale): Art30Processor {
  const received = new Set(processor.dataCategories ?? []);
  return {
    name: processor.name,
    service: processor.service[locale],
    country: processor.country,
    dataCategories: purpose.dataCategories
      .filter((category) => received.has(category.id))
      .map((category) => category.label[locale]),
    transferBasis: isInEea(processor.country) ? null : (processor.transferBasis ?? null),
  };
}

/** "Name (US): standard contractual clauses (…)": a transfer and its Chapter V ground. */
export function processorTransferText(
  processor: { name: string; country: string; transferBasis?: TransferBasis | null | undefined },
  locale: Locale,
): string {
  const labels = art30Labels[locale];
  const ground = processor.transferBasis
    ? labels.transferBases[processor.transferBasis]
    : labels.noTransferBasis;
  return `${processor.name} (${processor.country}): ${ground}`;
}

/** "Name (service, country): category, category", as the record's recipients cell shows it. */
export function art30ProcessorText(processor: Art30Processor): string {
  const categories = processor.dataCategories.join(", ");
  return `${processor.name} (${processor.service}, ${processor.country})${categories ? `: ${categories}` : ""}`;
}

/**
 * The purpose's rule in machine words, followed by each data category that overrides it:
 * "until objection; teamviewer_password: not stored". Language-independent on purpose: it names
 * the anchor events the retention engine uses.
 */
export function retentionSummary(purpose: Purpose): string {
  const overrides = purpose.dataCategories.flatMap((category) =>
    category.retention ? [`${category.id}: ${ruleSummary(category.retention)}`] : [],
  );
  return [ruleSummary(purpose.retention.rule), ...overrides].join("; ");
}

export function ruleSummary(rule: RetentionRule): string {
  switch (rule.kind) {
    case "until_objection":
      return "until objection";
    case "not_stored":
      return "not stored";
    case "after_event": {
      const parts = [
        count(rule.years, "year"),
        count(rule.months, "month"),
        count(rule.days, "day"),
      ].filter((part) => part !== undefined);
      const period = parts.length > 0 ? `${parts.join(" ")} after` : "immediately after";
      const notes = [
        ...(rule.restartOn?.length ? [`restarts on ${rule.restartOn.join(", ")}`] : []),
        ...(rule.unlessCondition ? [`not while ${rule.unlessCondition}`] : []),
      ];
      const suffix = notes.length > 0 ? ` (${notes.join("; ")})` : "";
      return `${period} ${rule.event}${suffix}`;
    }
  }
}

/** "1 year", "7 years"; zero parts are left out ("days: 0" alone reads "immediately after"). */
function count(value: number | undefined, unit: string): string | undefined {
  if (value === undefined || value === 0) return undefined;
  return `${value} ${unit}${value === 1 ? "" : "s"}`;
}

/** Cells of one entry, in `art30Columns` order; several values share a cell joined by "; ". */
function rowOf(entry: Art30Entry, labels: Art30Labels): Record<Art30Column, string> {
  const { controller, legalBasis, transfersOutsideEea: transfer } = entry;
  const recipients = [
    ...entry.recipients.categories,
    ...entry.recipients.processors.map(art30ProcessorText),
  ];
  return {
    controller: `${controller.name} ${controller.legalForm}`,
    controllerAddress: controller.address,
    enterpriseNumber: controller.enterpriseNumber,
    privacyContact: controller.privacyEmail,
    purpose: entry.purpose.name,
    description: entry.purpose.description,
    legalBasis: `${legalBasis.label} (${legalBasis.article})`,
    legalReference: legalBasis.legalReference ?? "",
    dataSubjects: entry.dataSubjects.join("; "),
    dataCategories: entry.dataCategories.map((category) => category.label).join("; "),
    recipients: recipients.join("; "),
    transfersOutsideEea: [
      transfer.transfers ? labels.yes : labels.no,
      ...transfer.processorCountries,
    ].join("; "),
    transferSafeguards: [
      ...(transfer.safeguards ? [transfer.safeguards] : []),
      ...transfer.processorSafeguards,
    ].join("; "),
    retention: entry.retention.text,
    retentionRule: entry.retention.rule,
    securityMeasures: entry.securityMeasures.join("; "),
  };
}

const byteOrderMark = "\uFEFF";

/**
 * RFC 4180 CSV with a UTF-8 byte order mark (so Excel reads the accents as UTF-8), a header row in
 * the record's language, one row per purpose and CRLF line ends.
 */
export function art30Csv(record: Art30Record): string {
  const labels = art30Labels[record.locale];
  const header = art30Columns.map((column) => labels.columns[column]);
  const rows = record.entries.map((entry) => {
    const row = rowOf(entry, labels);
    return art30Columns.map((column) => row[column]);
  });
  return `${byteOrderMark}${[header, ...rows].map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * Quotes a cell when it holds a comma, quote or line break, doubling inner quotes. A cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: the
 * policy is uploaded by staff, the CSV opened by the privacy officer.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export interface Art30Json {
  locale: Locale;
  title: string;
  generatedFrom: { policyVersion: string; effectiveDate: string };
  entries: Art30Entry[];
}

/** A plain, JSON-serialisable copy of the record (no shared references, no undefined values). */
export function art30Json(record: Art30Record): Art30Json {
  return {
    locale: record.locale,
    title: art30Labels[record.locale].title,
    generatedFrom: { ...record.generatedFrom },
    entries: structuredClone(record.entries),
  };
}
