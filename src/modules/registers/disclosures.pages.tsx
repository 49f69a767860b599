import type { VNode } from "preact";
import {
  describedBy,
  FactList,
  FieldProblemText,
  fieldIds,
  ScrollableTable,
} from "../../core/http/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { AdminLayout, type BackOfficeContext, CsrfField } from "../staff/index.ts";
import { type DisclosureField, type DisclosureForm, disclosureLimits } from "./disclosure-form.ts";
import type { DisclosureLine, DisclosureWithPeople } from "./disclosures.service.ts";

const idPrefix = "disclosure";

/** The register: newest first, with who asked, both references, how many people, and secrecy. */
export function DisclosureListPage(props: {
  context: BackOfficeContext;
  disclosures: readonly DisclosureLine[];
  notice?: string | undefined;
}): VNode {
  const { context, disclosures } = props;
  const { t } = context;
  return (
    <AdminLayout context={context} title={t("disclosures.title")} notice={props.notice}>
      <p>{t("disclosures.intro")}</p>
      <p>
        <a href="/admin/disclosures/new">{t("disclosures.new_link")}</a>
      </p>
      {disclosures.length === 0 ? (
        <p role="status">{t("disclosures.empty")}</p>
      ) : (
        <ScrollableTable label={t("disclosures.list")}>
          <table>
            <caption>{t("disclosures.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("disclosures.col.date")}</th>
                <th scope="col">{t("disclosures.col.authority")}</th>
                <th scope="col">{t("disclosures.col.their_reference")}</th>
                <th scope="col">{t("disclosures.col.our_reference")}</th>
                <th scope="col">{t("disclosures.col.people")}</th>
                <th scope="col">{t("disclosures.col.may_be_told")}</th>
              </tr>
            </thead>
            <tbody>
              {disclosures.map((line) => (
                <tr key={line.id} data-disclosure={line.id}>
                  <td>
                    <time dateTime={line.disclosedOn}>{line.disclosedOn}</time>
                  </td>
                  <td>{line.authority}</td>
                  <td>{line.authorityReference}</td>
                  <td>
                    <a href={`/admin/disclosures/${line.id}`}>{line.reference}</a>
                  </td>
                  <td>{line.people}</td>
                  <td>{t(line.subjectMayBeTold ? "disclosures.yes" : "disclosures.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </AdminLayout>
  );
}

type Problems = Readonly<Partial<Record<DisclosureField, string>>>;

/** What is wrong, at the top, each linking to its field: the first thing a screen reader reads. */
function ProblemSummary(props: { context: BackOfficeContext; problems: Problems }): VNode | null {
  const listed = Object.entries(props.problems).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  if (listed.length === 0) return null;
  return (
    <div role="alert" id={`${idPrefix}-problems`} class="form-error">
      <p>{props.context.t("disclosures.new.errors")}</p>
      <ul>
        {listed.map(([field, text]) => (
          <li key={field}>
            <a href={`#${fieldIds(idPrefix, field).input}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: DisclosureField;
  label: string;
  hint?: string | undefined;
  form: DisclosureForm;
  problems: Problems;
}

function InputField(
  props: FieldProps & { type: "text" | "date"; maxLength?: number; max?: string },
): VNode {
  const { name, problems, hint } = props;
  const ids = fieldIds(idPrefix, name);
  const problem = problems[name];
  return (
    <label for={ids.input}>
      {props.label}
      <input
        id={ids.input}
        name={name}
        // preact types each input type apart; these two share every attribute used here.
        type={props.type as "text"}
        required
        maxLength={props.maxLength}
        max={props.max}
        autocomplete="off"
        value={props.form[name]}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(problem && ids.problem, hint && ids.hint)}
      />
      <FieldProblemText id={ids.problem} problem={problem} />
      {hint && <small id={ids.hint}>{hint}</small>}
    </label>
  );
}

function TextAreaField(props: FieldProps & { rows: number; maxLength: number }): VNode {
  const { name, problems, hint } = props;
  const ids = fieldIds(idPrefix, name);
  const problem = problems[name];
  return (
    <label for={ids.input}>
      {props.label}
      <textarea
        id={ids.input}
        name={name}
        rows={props.rows}
        required
        maxLength={props.maxLength}
        autocomplete="off"
        spellcheck={false}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedBy(problem && ids.problem, hint && ids.hint)}
      >
        {props.form[name]}
      </textarea>
      <FieldProblemText id={ids.problem} problem={problem} />
      {hint && <small id={ids.hint}>{hint}</small>}
    </label>
  );
}

/** The register-a-disclosure form; refused, it comes back with what was typed and why. */
export function NewDisclosurePage(props: {
  context: BackOfficeContext;
  form: DisclosureForm;
  /** The latest day the date picker offers: a disclosure cannot lie in the future. */
  latestDay: string;
  problems: Problems;
}): VNode {
  const { context, form, problems } = props;
  const { t } = context;
  const field = { form, problems };
  const confidentialHint = fieldIds(idPrefix, "confidential").hint;
  return (
    <AdminLayout context={context} title={t("disclosures.new.title")}>
      <ProblemSummary context={context} problems={problems} />
      <p>{t("disclosures.new.intro")}</p>
      <form method="post" action="/admin/disclosures/new" class="narrow-form">
        <CsrfField token={context.csrf} />
        <InputField
          {...field}
          name="disclosedOn"
          type="date"
          max={props.latestDay}
          label={t("disclosures.field.disclosed_on")}
        />
        <InputField
          {...field}
          name="authority"
          type="text"
          maxLength={disclosureLimits.authority}
          label={t("disclosures.field.authority")}
          hint={t("disclosures.field.authority_hint")}
        />
        <InputField
          {...field}
          name="legalBasis"
          type="text"
          maxLength={disclosureLimits.legalBasis}
          label={t("disclosures.field.legal_basis")}
          hint={t("disclosures.field.legal_basis_hint")}
        />
        <InputField
          {...field}
          name="authorityReference"
          type="text"
          maxLength={disclosureLimits.authorityReference}
          label={t("disclosures.field.authority_reference")}
          hint={t("disclosures.field.authority_reference_hint")}
        />
        <TextAreaField
          {...field}
          name="dataGiven"
          rows={3}
          maxLength={disclosureLimits.dataGiven}
          label={t("disclosures.field.data_given")}
          hint={t("disclosures.field.data_given_hint")}
        />
        <TextAreaField
          {...field}
          name="identifiers"
          rows={4}
          maxLength={disclosureLimits.identifiers}
          label={t("disclosures.field.identifiers")}
          hint={t("disclosures.field.identifiers_hint")}
        />
        <label>
          <input
            type="checkbox"
            name="confidential"
            value="on"
            checked={form.confidential}
            aria-describedby={confidentialHint}
          />
          {t("disclosures.field.confidential")}
        </label>
        <small id={confidentialHint}>{t("disclosures.field.confidential_hint")}</small>
        <button type="submit">{t("disclosures.new.submit")}</button>
      </form>
      <p>
        <a href="/admin/disclosures">{t("disclosures.back")}</a>
      </p>
    </AdminLayout>
  );
}

/** One disclosure: the request, who registered it, and each person linked to their page. */
export function DisclosureDetailPage(props: {
  context: BackOfficeContext;
  view: DisclosureWithPeople;
  recordedBy: string;
  notice?: string | undefined;
}): VNode {
  const { context, view } = props;
  const { t } = context;
  const { disclosure, subjectIds } = view;
  return (
    <AdminLayout
      context={context}
      title={t("disclosures.detail.title", { reference: disclosure.reference })}
      notice={props.notice}
    >
      <FactList
        id="disclosure-facts"
        title={t("disclosures.detail.facts")}
        rows={[
          [
            t("disclosures.col.date"),
            <time key="on" dateTime={disclosure.disclosedOn}>
              {disclosure.disclosedOn}
            </time>,
          ],
          [t("disclosures.field.authority"), disclosure.authority],
          [t("disclosures.field.legal_basis"), disclosure.legalBasis],
          [t("disclosures.field.authority_reference"), disclosure.authorityReference],
          [t("disclosures.col.our_reference"), disclosure.reference],
          [t("disclosures.field.data_given"), disclosure.dataGiven],
          [
            t("disclosures.col.may_be_told"),
            t(disclosure.subjectMayBeTold ? "disclosures.yes" : "disclosures.no"),
          ],
          [
            t("disclosures.detail.recorded"),
            t("disclosures.detail.recorded_by", {
              when: isoDay(disclosure.recordedAt),
              by: props.recordedBy,
            }),
          ],
        ]}
      />
      <section aria-labelledby="disclosure-people">
        <h2 id="disclosure-people">
          {t("disclosures.detail.people", { count: subjectIds.length })}
        </h2>
        <p>
          {t(
            disclosure.subjectMayBeTold ? "disclosures.detail.told" : "disclosures.detail.not_told",
          )}
        </p>
        <ul>
          {subjectIds.map((subjectId) => (
            <li key={subjectId}>
              <a href={`/admin/subjects/${subjectId}`}>
                {t("disclosures.detail.person", { id: subjectId.slice(0, 8) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <a href="/admin/disclosures">{t("disclosures.back")}</a>
      </p>
    </AdminLayout>
  );
}
