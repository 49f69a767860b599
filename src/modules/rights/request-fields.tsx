import type { ComponentChildren, VNode } from "preact";
import { describedBy, FieldProblemText, fieldIds, TextField } from "../../core/http/index.ts";
import type { MessageKey, Translate } from "../../core/i18n/index.ts";
import { type RightKind, rightKinds } from "../../policy/right-kinds.ts";
import { type PortalField, portabilityTargets, portalLimits } from "./portal.schema.ts";
import type { PurposeChoice } from "./portal-purposes.ts";
import type { RequestFormValues } from "./request-form-values.ts";

/** One message per field, already in the reader's language. */
export type RequestFieldProblems = Partial<Record<PortalField, string>>;

/**
 * The texts that depend on who fills in the form: the person asks ("which processing do you object
 * to?"), the privacy officer records ("objection to"). Everything else (rights, their hints, the
 * field labels and every error) is the portal's, so both forms explain a rule the same way.
 */
export interface RequestFieldsWording {
  rights: MessageKey;
  objectionPurpose: MessageKey;
  withdrawPurpose: MessageKey;
  portabilityTo: MessageKey;
  portability: Record<(typeof portabilityTargets)[number], MessageKey>;
  description: MessageKey;
  descriptionHint?: MessageKey | undefined;
  identity: MessageKey;
  emailHint: MessageKey;
  customerNumberHint?: MessageKey | undefined;
  identityHint?: MessageKey | undefined;
}

interface FieldsProps {
  t: Translate;
  /** "portal" or "rights": the ids of one form, such as `portal-email`. */
  idPrefix: string;
  wording: RequestFieldsWording;
  values: RequestFormValues;
  problems: RequestFieldProblems;
  /** The policy's purposes open to an objection or a withdrawal; none hides that right. */
  purposes: { objection: readonly PurposeChoice[]; withdraw: readonly PurposeChoice[] };
  /** The person's own browser may fill in their address; staff typing someone else's must not. */
  autofill: boolean;
}

const rightId = (idPrefix: string, kind: RightKind) => `${idPrefix}-right-${kind}`;

/** Where a problem summary's link about a field leads: the rights go to their first box. */
export function requestFieldTarget(idPrefix: string, field: string): string {
  return field === "rights" ? rightId(idPrefix, "access") : fieldIds(idPrefix, field).input;
}

/** The list at the top of a refused form: each problem links to the field it is about. */
export function RequestProblemSummary(props: {
  idPrefix: string;
  heading: string;
  problems: Readonly<Record<string, string | undefined>>;
}) {
  const listed = Object.entries(props.problems).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
  );
  if (listed.length === 0) return null;
  return (
    <div role="alert" id={`${props.idPrefix}-problems`}>
      <p>{props.heading}</p>
      <ul>
        {listed.map(([field, text]) => (
          <li key={field}>
            <a href={`#${requestFieldTarget(props.idPrefix, field)}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PurposeSelect(
  props: FieldsProps & { field: "objectionPurpose" | "withdrawPurpose"; label: string },
): VNode {
  const { field, t } = props;
  const ids = fieldIds(props.idPrefix, field);
  const problem = props.problems[field];
  const chosen = props.values.text[field] ?? "";
  const purposes =
    field === "objectionPurpose" ? props.purposes.objection : props.purposes.withdraw;
  return (
    <label for={ids.input}>
      {props.label}
      <select
        id={ids.input}
        name={field}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={problem ? ids.problem : undefined}
      >
        <option value="" selected={chosen === ""}>
          {t("rights-portal.form.choose_purpose")}
        </option>
        {purposes.map((purpose) => (
          <option key={purpose.id} value={purpose.id} selected={chosen === purpose.id}>
            {purpose.name}
          </option>
        ))}
      </select>
      <FieldProblemText id={ids.problem} problem={problem} />
    </label>
  );
}

/** One right: its box, what it means, and the details it needs right below it. */
function RightChoice(props: {
  t: Translate;
  id: string;
  kind: RightKind;
  values: RequestFormValues;
  invalid: boolean;
  children?: ComponentChildren;
}): VNode {
  const { kind, t, id } = props;
  return (
    <div class="right-choice">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          name="rights"
          value={kind}
          checked={props.values.rights.includes(kind)}
          aria-invalid={props.invalid ? "true" : undefined}
          aria-describedby={`${id}-hint`}
        />
        {t(`rights-portal.right.${kind}`)}
      </label>
      <small id={`${id}-hint`}>{t(`rights-portal.form.hint.${kind}`)}</small>
      {props.children}
    </div>
  );
}

function PortabilityTarget(props: FieldsProps): VNode {
  const { t, idPrefix, values, problems, wording } = props;
  const ids = fieldIds(idPrefix, "portabilityTo");
  const text = (field: "recipientName" | "recipientEmail", max: number) => ({
    idPrefix,
    name: field,
    autocomplete: "off",
    maxLength: max,
    value: values.text[field] ?? "",
    problem: problems[field],
  });
  return (
    <fieldset id={ids.input} aria-describedby={describedBy(problems.portabilityTo && ids.problem)}>
      <legend>{t(wording.portabilityTo)}</legend>
      <FieldProblemText id={ids.problem} problem={problems.portabilityTo} />
      {portabilityTargets.map((to) => (
        <label key={to} for={`${ids.input}-${to}`}>
          <input
            id={`${ids.input}-${to}`}
            type="radio"
            name="portabilityTo"
            value={to}
            checked={values.text.portabilityTo === to}
          />
          {t(wording.portability[to])}
        </label>
      ))}
      <TextField
        {...text("recipientName", portalLimits.recipientName)}
        label={t("rights-portal.form.recipient_name")}
        type="text"
      />
      <TextField
        {...text("recipientEmail", portalLimits.email)}
        label={t("rights-portal.form.recipient_email")}
        type="email"
      />
    </fieldset>
  );
}

/**
 * The fields of a rights request, shared by the person's portal and the privacy officer's entry
 * of a request received by e-mail, phone or post: the rights with their purposes and recipient,
 * the description, and what identifies the person. portal.schema.ts checks what they send.
 */
export function RequestFields(props: FieldsProps): VNode {
  const { t, idPrefix, values, problems, purposes, wording, autofill } = props;
  const offered = rightKinds.filter(
    (kind) =>
      (kind !== "objection" || purposes.objection.length > 0) &&
      (kind !== "withdraw_consent" || purposes.withdraw.length > 0),
  );
  const rightsProblem = fieldIds(idPrefix, "rights").problem;
  const description = fieldIds(idPrefix, "description");
  const text = (field: "email" | "phone" | "customerNumber" | "vat") => ({
    idPrefix,
    name: field,
    maxLength: portalLimits[field],
    value: values.text[field] ?? "",
    problem: problems[field],
  });
  return (
    <>
      <fieldset aria-describedby={describedBy(problems.rights && rightsProblem)}>
        <legend>{t(wording.rights)}</legend>
        <FieldProblemText id={rightsProblem} problem={problems.rights} />
        {offered.map((kind) => (
          <RightChoice
            key={kind}
            t={t}
            id={rightId(idPrefix, kind)}
            kind={kind}
            values={values}
            invalid={problems.rights !== undefined}
          >
            {kind === "objection" && (
              <PurposeSelect
                {...props}
                field="objectionPurpose"
                label={t(wording.objectionPurpose)}
              />
            )}
            {kind === "withdraw_consent" && (
              <PurposeSelect
                {...props}
                field="withdrawPurpose"
                label={t(wording.withdrawPurpose)}
              />
            )}
            {kind === "portability" && <PortabilityTarget {...props} />}
          </RightChoice>
        ))}
      </fieldset>
      <label for={description.input}>
        {t(wording.description)}
        <textarea
          id={description.input}
          name="description"
          rows={6}
          maxLength={portalLimits.description}
          aria-invalid={problems.description ? "true" : undefined}
          aria-describedby={describedBy(
            problems.description && description.problem,
            wording.descriptionHint && description.hint,
          )}
        >
          {values.text.description ?? ""}
        </textarea>
        <FieldProblemText id={description.problem} problem={problems.description} />
        {wording.descriptionHint && (
          <small id={description.hint}>{t(wording.descriptionHint)}</small>
        )}
      </label>
      <fieldset>
        <legend>{t(wording.identity)}</legend>
        <TextField
          {...text("email")}
          label={t("rights-portal.form.email")}
          type="email"
          autocomplete={autofill ? "email" : "off"}
          required
          hint={t(wording.emailHint)}
        />
        <TextField
          {...text("phone")}
          label={t("rights-portal.form.phone")}
          type="tel"
          autocomplete={autofill ? "tel" : "off"}
        />
        <TextField
          {...text("customerNumber")}
          label={t("rights-portal.form.customer_number")}
          type="text"
          autocomplete="off"
          hint={wording.customerNumberHint && t(wording.customerNumberHint)}
        />
        <TextField
          {...text("vat")}
          label={t("rights-portal.form.vat")}
          type="text"
          autocomplete="off"
        />
        {wording.identityHint && <small>{t(wording.identityHint)}</small>}
      </fieldset>
    </>
  );
}
