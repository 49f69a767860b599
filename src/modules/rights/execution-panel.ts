import { isLocale, type Locale, type Translate } from "../../core/i18n/index.ts";
import { isoDay, type RecordType } from "../../datamap/index.ts";
import type { VaultPurpose } from "../../vault/index.ts";
import { executableStatuses, legalBasisOf, type RightStep, stepKey } from "./execute-steps.ts";
import { rectifiableFields } from "./rectification.ts";
import { composeReplyLetter, gatherLetterFacts } from "./reply-letter.ts";
import { openRequestDetails, type RightsRequestRow } from "./request-store.ts";
import type { RequestStatus, StepOutcome, StepResult } from "./rights.tables.ts";
import type { RightsDeps } from "./rights-deps.ts";
import { type PlannedEffect, type PlannedStep, planRights } from "./rights-plan.ts";

/** One record type in a step's plan: how many records, what will happen to them and why. */
export interface PanelPlanRow {
  label: string;
  count: number;
  effects: string[];
}

export interface PanelStep {
  /** Identifies the step in the execute form and as the section's anchor. */
  key: string;
  step: RightStep;
  /** "Erasure", "Objection (Remote support)", "Data portability → Acme BV". */
  name: string;
  rows: PanelPlanRow[];
  /** Purposes the right does not apply to, a missing recipient, the destination. */
  notes: string[];
  /** Set once executed: when, and the results per record type. */
  done?: { executedAt: Date; results: string[]; notes: string[] } | undefined;
  /** Whether its button is shown: open request, not done, not the rectification form's. */
  executable: boolean;
}

export interface PanelRectifyField {
  name: string;
  label: string;
  value: string;
}

/** What the request page shows under "Execution". */
export interface ExecutionPanelData {
  requestId: string;
  status: RequestStatus;
  /** Verified or in progress: steps can run and the answer can be sent. */
  open: boolean;
  steps: PanelStep[];
  /** The correction form, while a rectification asked is still to do. */
  rectification?: { fields: PanelRectifyField[] } | undefined;
  warnings: string[];
  /** The letter as it would be sent now, or as it was sent. */
  letter?: { text: string; language: string; sent: boolean } | undefined;
  pendingSteps: number;
  answeredAt: Date | null;
}

/** Reads what the panel needs for one request: plan per right and record type, outcomes, letter. */
export async function loadExecutionPanel(
  deps: RightsDeps,
  input: { request: RightsRequestRow; locale: Locale; t: Translate },
): Promise<ExecutionPanelData> {
  const { request, locale, t } = input;
  const open = (executableStatuses as readonly string[]).includes(request.status);
  const plan = await planRights(deps, request);
  const details = await openRequestDetails(deps.db, deps.vault, request);
  const describe = new PanelText(deps, t, locale);
  const steps = plan.steps.map((planned) =>
    describe.step(planned, open, details.recipient ?? undefined),
  );
  const pendingSteps = plan.steps.filter((planned) => planned.done.length === 0).length;
  const rectify = plan.steps.find((planned) => planned.step.kind === "rectification");
  const erasure = plan.steps.find((planned) => planned.step.kind === "erasure");
  const warnings =
    erasure && erasure.done.length === 0 && plan.undownloadedPackages > 0
      ? [t("rights-letter.panel.package_warning", { count: plan.undownloadedPackages })]
      : [];
  return {
    requestId: request.id,
    status: request.status,
    open,
    steps,
    rectification:
      open && rectify && rectify.done.length === 0
        ? { fields: await describe.rectifyFields(request) }
        : undefined,
    warnings,
    letter: await letterOf(deps, request, details.letter, t),
    pendingSteps,
    answeredAt: request.answeredAt,
  };
}

async function letterOf(
  deps: RightsDeps,
  request: RightsRequestRow,
  stored: string | null,
  t: Translate,
): Promise<ExecutionPanelData["letter"]> {
  const language = t(`language.${isLocale(request.locale) ? request.locale : "nl"}`);
  if (request.status === "answered") {
    return stored ? { text: stored, language, sent: true } : undefined;
  }
  if (request.status !== "verified" && request.status !== "in_progress") return undefined;
  const facts = await gatherLetterFacts(deps, request, deps.clock.now());
  const text = composeReplyLetter(facts, { policy: deps.policy(), dataMap: deps.dataMap });
  return { text, language, sent: false };
}

/** The panel's words, in the staff member's language. */
class PanelText {
  readonly #deps: RightsDeps;
  readonly #t: Translate;
  readonly #locale: Locale;

  constructor(deps: RightsDeps, t: Translate, locale: Locale) {
    this.#deps = deps;
    this.#t = t;
    this.#locale = locale;
  }

  step(
    planned: PlannedStep,
    open: boolean,
    recipient: { name: string; email: string } | undefined,
  ): PanelStep {
    const t = this.#t;
    const { step } = planned;
    const notes = planned.notApplicable.map((purpose) => {
      const basis = legalBasisOf(this.#deps.policy(), purpose);
      return t("rights-letter.panel.not_applicable", {
        purpose: this.#purposeName(purpose),
        basis: basis ? t(`rights-letter.basis.${basis}`) : t("rights-letter.law"),
      });
    });
    let missingRecipient = false;
    if (step.kind === "portability" && step.to === "organisation") {
      if (recipient)
        notes.push(
          t("rights-letter.panel.to_organisation", {
            organisation: recipient.name,
            email: recipient.email,
          }),
        );
      else {
        missingRecipient = true;
        notes.push(t("rights-letter.panel.no_recipient"));
      }
    }
    const [first] = planned.done;
    return {
      key: stepKey(step),
      step,
      name: this.#stepName(step, recipient?.name),
      rows: planned.records.map((line) => ({
        label: this.#typeLabel(line.recordType),
        count: line.count,
        effects: line.effects.map((effect) => this.#effect(effect)),
      })),
      notes,
      done: first
        ? {
            executedAt: new Date(first.executedAt),
            results: this.#results(planned.done),
            notes: this.#doneNotes(planned.done),
          }
        : undefined,
      executable: open && !first && step.kind !== "rectification" && !missingRecipient,
    };
  }

  async rectifyFields(request: RightsRequestRow): Promise<PanelRectifyField[]> {
    const fields = await rectifiableFields(this.#deps, request);
    return fields.map((field) => {
      const label =
        field.recordType.fields.find((candidate) => candidate.column === field.column)?.label[
          this.#locale
        ] ?? field.column;
      return {
        name: field.name,
        // The record's first characters tell two records of one type apart.
        label: `${this.#typeLabel(field.recordType)} ${field.recordId.slice(0, 8)}: ${label}`,
        value: field.value,
      };
    });
  }

  #stepName(step: RightStep, recipientName: string | undefined): string {
    const right = this.#t(`rights-portal.right.${step.kind}`);
    if (step.purpose) return `${right} (${this.#purposeName(step.purpose)})`;
    if (step.kind === "portability" && step.to === "organisation") {
      return `${right} \u2192 ${recipientName ?? "?"}`;
    }
    return right;
  }

  #effect(effect: PlannedEffect): string {
    const t = this.#t;
    const count = effect.count;
    switch (effect.action) {
      case "keep":
        return effect.because === "legal_obligation"
          ? this.#legalObligation(count, effect.until, effect.reference)
          : t(`rights-letter.panel.effect.keep.${effect.because}`, { count });
      case "rectify":
        return t("rights-letter.panel.effect.rectify", { count, fields: effect.fields });
      default:
        return t(`rights-letter.panel.effect.${effect.action}`, { count });
    }
  }

  #legalObligation(count: number, until: Date | null, reference: string | null): string {
    const t = this.#t;
    const law = reference ?? t("rights-letter.law");
    return until
      ? t("rights-letter.panel.effect.keep.legal_obligation", {
          count,
          until: isoDay(until),
          reference: law,
        })
      : t("rights-letter.panel.effect.keep.legal_obligation.open", { count, reference: law });
  }

  #results(done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    return done.flatMap((outcome) =>
      outcome.results.map((result) => {
        const label = this.#typeLabel(this.#deps.dataMap.get(result.recordType), result.recordType);
        return `${label}: ${this.#result(result, t)}`;
      }),
    );
  }

  #result(result: StepResult, t: Translate): string {
    const count = result.count;
    if (result.action !== "kept")
      return t(`rights-letter.panel.result.${result.action}`, { count });
    switch (result.keptBecause) {
      case "legal_obligation":
        return this.#legalObligation(
          count,
          result.until ? new Date(result.until) : null,
          result.reference ?? null,
        );
      case "legal_hold":
      case "running_agreement":
        return t(`rights-letter.panel.effect.keep.${result.keptBecause}`, { count });
      default:
        return t("rights-letter.panel.result.kept", { count });
    }
  }

  #doneNotes(done: readonly StepOutcome[]): string[] {
    const t = this.#t;
    const notes: string[] = [];
    for (const outcome of done) {
      if (outcome.packageExpiresAt) {
        notes.push(
          t("rights-letter.panel.package", {
            expiry: isoDay(new Date(outcome.packageExpiresAt)),
          }),
        );
      }
      if (outcome.transferredAt) {
        notes.push(
          t("rights-letter.panel.transferred", { date: isoDay(new Date(outcome.transferredAt)) }),
        );
      }
    }
    if (done.every((outcome) => outcome.results.length === 0)) {
      notes.push(t("rights-letter.panel.no_results"));
    }
    return notes;
  }

  #typeLabel(type: RecordType | undefined, fallback = ""): string {
    return type ? type.label[this.#locale] : fallback;
  }

  #purposeName(purpose: VaultPurpose): string {
    const found = this.#deps.policy().purposes.find((candidate) => candidate.id === purpose);
    return found ? found.name[this.#locale] : purpose;
  }
}
