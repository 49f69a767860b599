import { isLocale, type Locale, type Translate, translator } from "../../core/i18n/index.ts";
import type { DataMap } from "../../datamap/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { VaultPurpose } from "../../vault/index.ts";
import {
  appliesTo,
  isPurposeRight,
  legalBasisOf,
  newsletterPurpose,
  outcomesOf,
  purposesOf,
  type RightStep,
  stepsOf,
} from "./execute-steps.ts";
import { openRectifications, type RectifiedValue } from "./rectification.ts";
import { openRequestDetails, type RightsRequestRow } from "./request-store.ts";
import type { RequestedRight, StepOutcome, StepResult } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";

/** Everything the letter is written from: the request's facts, never the live records. */
export interface LetterFacts {
  locale: Locale;
  reference: string;
  receivedAt: Date;
  answeredAt: Date;
  rights: readonly RequestedRight[];
  outcome: readonly StepOutcome[];
  /** Portability to an organisation: its name, as the person gave it. */
  recipientName: string | null;
  rectifications: readonly RectifiedValue[];
}

export interface LetterSources {
  policy: Policy;
  dataMap: DataMap;
}

const dateTags: Record<Locale, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

/** "1 januari 2033": a letter's date as people write it, in Brussels time. */
export function formatLetterDate(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(dateTags[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Brussels",
  }).format(at);
}

/** Reads what the letter needs from the request; `answeredAt` is now for a preview. */
export async function gatherLetterFacts(
  deps: Pick<RightsDeps, "db" | "vault" | "dataMap">,
  request: RightsRequestRow,
  answeredAt: Date,
): Promise<LetterFacts> {
  const details = await openRequestDetails(deps.db, deps.vault, request);
  return {
    locale: isLocale(request.locale) ? request.locale : "nl",
    reference: request.reference,
    receivedAt: request.receivedAt ?? request.createdAt,
    answeredAt,
    rights: request.rights,
    outcome: request.outcome,
    recipientName: details.recipient?.name ?? null,
    rectifications: await openRectifications(deps, request.outcome),
  };
}

/**
 * The reply letter as plain text in the person's language: what was done per right, what was
 * kept, why and until when, how long the proof of the request is kept, and how to complain.
 * Section headings end with a colon and their lines start with "- ", which the PDF uses.
 */
export function composeReplyLetter(facts: LetterFacts, sources: LetterSources): string {
  const t = translator(facts.locale);
  const writer = new LetterWriter(t, facts, sources);
  const date = (at: Date) => formatLetterDate(at, facts.locale);
  const { organisation } = sources.policy;
  const lines: string[] = [
    t("rights-letter.reference", { reference: facts.reference }),
    t("rights-letter.date", { date: date(facts.answeredAt) }),
    "",
    t("rights-letter.greeting"),
    "",
    t("rights-letter.intro", {
      received: date(facts.receivedAt),
      rights: stepsOf(facts.rights)
        .map((step) => t(`rights-portal.right.${step.kind}`))
        .filter((label, index, all) => all.indexOf(label) === index)
        .join(", "),
    }),
    "",
  ];
  for (const step of stepsOf(facts.rights)) {
    lines.push(writer.heading(step), ...writer.section(step), "");
  }
  const authority = organisation.supervisoryAuthority;
  lines.push(
    t("rights-letter.answered", { date: date(facts.answeredAt) }),
    "",
    t("rights-letter.proof"),
    sources.policy.rights.proofRetention.text[facts.locale],
    "",
    t("rights-letter.complaint"),
    authority.name[facts.locale],
    authority.address,
    authority.url,
    ...(authority.email ? [t("rights-letter.complaint.email", { email: authority.email })] : []),
    "",
    t("rights-letter.closing"),
    `${organisation.name} ${organisation.legalForm}`,
    t("rights-letter.contact", { email: organisation.privacyEmail }),
  );
  return `${lines.join("\n")}\n`;
}

/** The sentences of each section, in the person's language. */
class LetterWriter {
  readonly #t: Translate;
  readonly #facts: LetterFacts;
  readonly #sources: LetterSources;

  constructor(t: Translate, facts: LetterFacts, sources: LetterSources) {
    this.#t = t;
    this.#facts = facts;
    this.#sources = sources;
  }

  heading(step: RightStep): string {
    const t = this.#t;
    switch (step.kind) {
      case "objection":
      case "withdraw_consent":
        return step.purpose
          ? t(`rights-letter.section.${step.kind}`, { purpose: this.#purposeName(step.purpose) })
          : t(`rights-letter.section.${step.kind}.all`);
      case "portability":
        return step.to === "organisation"
          ? t("rights-letter.section.portability.organisation", {
              organisation: this.#facts.recipientName ?? t("rights-letter.organisation.unnamed"),
            })
          : t("rights-letter.section.portability.self");
      default:
        return t(`rights-letter.section.${step.kind}`);
    }
  }

  section(step: RightStep): string[] {
    const done = outcomesOf(this.#facts.outcome, step);
    if (done.length === 0) return [this.#t("rights-letter.pending")];
    switch (step.kind) {
      case "access":
      case "portability":
        return this.#exported(step, done);
      case "erasure":
        return this.#erasure(done);
      case "rectification":
        return this.#rectification(done);
      case "restriction":
        return this.#listed("rights-letter.restricted", results(done, "restricted"));
      case "objection":
      case "withdraw_consent":
        return this.#purposeChoice(step, done);
    }
  }

  #exported(step: RightStep, done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    const lines = this.#listed("rights-letter.exported", results(done, "exported"));
    const { outcome } = this.#facts;
    const erasure = outcomesOf(outcome, { kind: "erasure" })[0];
    for (const made of done) {
      if (!made.packageExpiresAt) continue;
      const params = {
        date: this.#date(made.executedAt),
        expiry: this.#date(made.packageExpiresAt),
        organisation: this.#facts.recipientName ?? t("rights-letter.organisation.unnamed"),
      };
      lines.push(
        t(
          step.to === "organisation"
            ? "rights-letter.exported.sent"
            : "rights-letter.exported.mailed",
          params,
        ),
      );
    }
    // An erasure executed after the package deleted it too (a package copies what was erased);
    // the outcome list is in execution order.
    if (erasure && done.some((made) => outcome.indexOf(made) < outcome.indexOf(erasure))) {
      lines.push(t("rights-letter.exported.gone", { date: this.#date(erasure.executedAt) }));
    }
    return lines;
  }

  #erasure(done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    const lines: string[] = [];
    if (results(done, "unsubscribed").length > 0) lines.push(t("rights-letter.unsubscribed"));
    const erased = results(done, "erased");
    const kept = this.#kept(done);
    if (erased.length > 0) lines.push(...this.#listed("rights-letter.erased", erased));
    lines.push(...kept);
    if (erased.length === 0 && kept.length === 0) lines.push(t("rights-letter.erasure.nothing"));
    lines.push(t("rights-letter.erasure.proof"));
    return lines;
  }

  /** One sentence per reason, date and legal reference, naming the record types kept. */
  #kept(done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    const groups = new Map<string, StepResult[]>();
    for (const result of results(done, "kept")) {
      const key = [result.keptBecause, result.until ?? "", result.reference ?? ""].join("|");
      groups.set(key, [...(groups.get(key) ?? []), result]);
    }
    return [...groups.values()].map((group) => {
      const [first] = group;
      const types = this.#types(group);
      const until = first?.until ? this.#date(first.until) : undefined;
      switch (first?.keptBecause) {
        case "legal_obligation": {
          const reference = first.reference ?? t("rights-letter.law");
          return until
            ? t("rights-letter.kept.legal_obligation", { types, until, reference })
            : t("rights-letter.kept.legal_obligation.open", { types, reference });
        }
        case "legal_hold":
          return until
            ? t("rights-letter.kept.legal_hold.until", { types, until })
            : t("rights-letter.kept.legal_hold", { types });
        default:
          return t("rights-letter.kept.running_agreement", { types });
      }
    });
  }

  #rectification(done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    const changed = done.flatMap((outcome) => outcome.rectified ?? []);
    if (changed.length === 0) return [t("rights-letter.rectified.none")];
    return changed.map((change) => {
      const type = this.#sources.dataMap.get(change.recordType);
      const params = {
        type: type?.label[this.#facts.locale] ?? change.recordType,
        field:
          type?.fields.find((field) => field.column === change.column)?.label[this.#facts.locale] ??
          change.column,
      };
      const values = this.#facts.rectifications.find(
        (value) =>
          value.recordType === change.recordType &&
          value.recordId === change.recordId &&
          value.column === change.column,
      );
      return values?.before !== undefined && values.after !== undefined
        ? t("rights-letter.rectified", { ...params, before: values.before, after: values.after })
        : t("rights-letter.rectified.unreadable", params);
    });
  }

  #purposeChoice(step: RightStep, done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    const { policy } = this.#sources;
    const lines: string[] = [];
    if (isPurposeRight(step.kind)) {
      const kind = step.kind;
      const ended: string[] = [];
      for (const purpose of purposesOf(policy, step)) {
        if (appliesTo(policy, kind, purpose)) {
          ended.push(this.#purposeName(purpose));
          continue;
        }
        // Objecting to the newsletter is leaving it: the unsubscribe line says so.
        if (kind === "objection" && purpose === newsletterPurpose) continue;
        const basis = legalBasisOf(policy, purpose);
        lines.push(
          t(`rights-letter.not_applicable.${kind}`, {
            purpose: this.#purposeName(purpose),
            basis: basis ? t(`rights-letter.basis.${basis}`) : t("rights-letter.law"),
          }),
        );
      }
      const [first] = done;
      if (first && ended.length > 0) {
        lines.push(
          t("rights-letter.processing_stopped", {
            date: this.#date(first.executedAt),
            purposes: ended.join("; "),
          }),
        );
      }
    }
    if (results(done, "unsubscribed").length > 0) lines.push(t("rights-letter.unsubscribed"));
    const erased = results(done, "erased");
    if (erased.length > 0) lines.push(...this.#listed("rights-letter.objection.erased", erased));
    lines.push(...this.#kept(done));
    const stopped = results(done, "restricted");
    if (stopped.length > 0) lines.push(...this.#listed("rights-letter.stopped", stopped));
    if (lines.length === 0) lines.push(t("rights-letter.nothing_held"));
    return lines;
  }

  #listed(
    key:
      | "rights-letter.restricted"
      | "rights-letter.exported"
      | "rights-letter.erased"
      | "rights-letter.objection.erased"
      | "rights-letter.stopped",
    found: readonly StepResult[],
  ): string[] {
    if (found.length === 0) return [this.#t("rights-letter.nothing_held")];
    return [this.#t(key, { types: this.#types(found) })];
  }

  /** "bestelling (1); factuur of creditnota (1)", summed per record type. */
  #types(found: readonly StepResult[]): string {
    const counts = new Map<string, number>();
    for (const result of found) {
      counts.set(result.recordType, (counts.get(result.recordType) ?? 0) + result.count);
    }
    return [...counts]
      .map(([id, count]) => {
        const label = this.#sources.dataMap.get(id)?.label[this.#facts.locale] ?? id;
        return `${label} (${count})`;
      })
      .join("; ");
  }

  #purposeName(purpose: VaultPurpose): string {
    const found = this.#sources.policy.purposes.find((candidate) => candidate.id === purpose);
    return found ? found.name[this.#facts.locale] : purpose;
  }

  #date(iso: string): string {
    return formatLetterDate(new Date(iso), this.#facts.locale);
  }
}

function results(done: readonly StepOutcome[], action: StepResult["action"]): StepResult[] {
  return done.flatMap((outcome) => outcome.results.filter((result) => result.action === action));
}
