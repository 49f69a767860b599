import type { VNode } from "preact";
import { ScrollableTable } from "../../core/http/index.ts";
import { isoDay } from "../../datamap/index.ts";
import { type BackOfficeContext, CsrfField } from "../staff/index.ts";
import type { ExecutionPanelData, PanelStep } from "./execution-panel.ts";

/**
 * The request page's execution section: per right what it will do, its button (replaced by the
 * result once done), the correction form, the letter and the answer. Rendered inside the page by
 * the queue part.
 */
export function ExecutionPanel(props: {
  context: BackOfficeContext;
  panel: ExecutionPanelData;
}): VNode | null {
  const { context, panel } = props;
  const { t } = context;
  return (
    <section id="execution" aria-labelledby="execution-title">
      <h2 id="execution-title">{t("rights-letter.panel.title")}</h2>
      <p>{t("rights-letter.panel.intro")}</p>
      {panel.warnings.map((warning) => (
        <p key={warning} role="alert" class="notice">
          {warning}
        </p>
      ))}
      {panel.steps.map((step) => (
        <StepSection key={step.key} context={context} panel={panel} step={step} />
      ))}
      {panel.rectification && (
        <RectifyForm context={context} panel={panel} fields={panel.rectification.fields} />
      )}
      {panel.letter && (
        <article aria-labelledby="execution-letter">
          <h3 id="execution-letter">
            {t(
              panel.letter.sent
                ? "rights-letter.panel.letter.sent"
                : "rights-letter.panel.letter.preview",
              { language: panel.letter.language },
            )}
          </h3>
          <div class="contact-message">{panel.letter.text}</div>
        </article>
      )}
      {panel.open && <AnswerForm context={context} panel={panel} />}
      {panel.answeredAt && (
        <p>{t("rights-letter.panel.answered", { date: isoDay(panel.answeredAt) })}</p>
      )}
    </section>
  );
}

function StepSection(props: {
  context: BackOfficeContext;
  panel: ExecutionPanelData;
  step: PanelStep;
}): VNode {
  const { context, panel, step } = props;
  const { t } = context;
  const headingId = `step-${step.key.replaceAll(":", "-")}`;
  return (
    <article aria-labelledby={headingId} class="execution-step">
      <h3 id={headingId}>{step.name}</h3>
      {step.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {step.done ? (
        <div role="status">
          <p>
            <strong>{t("rights-letter.panel.results")}</strong>{" "}
            {t("rights-letter.panel.done", { date: isoDay(step.done.executedAt) })}
          </p>
          <ul>
            {[...step.done.results, ...step.done.notes].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : (
        <PlanTable context={context} step={step} />
      )}
      {step.executable && (
        <form method="post" action={`/admin/rights/${panel.requestId}/execute`} class="inline-form">
          <CsrfField token={context.csrf} />
          <input type="hidden" name="right" value={step.step.kind} />
          <input type="hidden" name="purpose" value={step.step.purpose ?? ""} />
          <input type="hidden" name="to" value={step.step.to ?? ""} />
          <button type="submit">{t("rights-letter.panel.execute", { right: step.name })}</button>
        </form>
      )}
    </article>
  );
}

function PlanTable(props: { context: BackOfficeContext; step: PanelStep }): VNode {
  const { context, step } = props;
  const { t } = context;
  if (step.rows.length === 0) return <p>{t("rights-letter.panel.nothing")}</p>;
  const caption = t("rights-letter.panel.plan", { right: step.name });
  return (
    <ScrollableTable label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rights-letter.panel.column.type")}</th>
            <th scope="col">{t("rights-letter.panel.column.count")}</th>
            <th scope="col">{t("rights-letter.panel.column.effect")}</th>
          </tr>
        </thead>
        <tbody>
          {step.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
              <td>{row.effects.join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function RectifyForm(props: {
  context: BackOfficeContext;
  panel: ExecutionPanelData;
  fields: NonNullable<ExecutionPanelData["rectification"]>["fields"];
}): VNode {
  const { context, panel, fields } = props;
  const { t } = context;
  const caption = t("rights-letter.panel.rectify.caption");
  return (
    <article aria-labelledby="execution-rectify">
      <h3 id="execution-rectify">{t("rights-letter.panel.rectify.title")}</h3>
      <p>{t("rights-letter.panel.rectify.intro")}</p>
      {fields.length === 0 && <p>{t("rights-letter.panel.rectify.none")}</p>}
      <form method="post" action={`/admin/rights/${panel.requestId}/rectify`}>
        <CsrfField token={context.csrf} />
        {fields.length > 0 && (
          <ScrollableTable label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rights-letter.panel.rectify.record")}</th>
                  <th scope="col">{t("rights-letter.panel.rectify.value")}</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((field, index) => (
                  <tr key={field.name}>
                    <th scope="row">
                      <label for={`rectify-${index}`}>{field.label}</label>
                    </th>
                    <td>
                      <input
                        id={`rectify-${index}`}
                        type="text"
                        name={field.name}
                        value={field.value}
                        maxLength={10_000}
                        autocomplete="off"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )}
        <button type="submit">{t("rights-letter.panel.rectify.submit")}</button>
      </form>
    </article>
  );
}

function AnswerForm(props: { context: BackOfficeContext; panel: ExecutionPanelData }): VNode {
  const { context, panel } = props;
  const { t } = context;
  if (panel.pendingSteps > 0) {
    return <p>{t("rights-letter.panel.answer.pending", { count: panel.pendingSteps })}</p>;
  }
  return (
    <form method="post" action={`/admin/rights/${panel.requestId}/answer`}>
      <CsrfField token={context.csrf} />
      <p>{t("rights-letter.panel.answer.explain")}</p>
      <button type="submit">{t("rights-letter.panel.answer.submit")}</button>
    </form>
  );
}
