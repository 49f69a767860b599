import type { VNode } from "preact";
import { Layout, type PageContext, ScrollableTable } from "../../core/http/index.ts";
import type { Locale, MessageKey } from "../../core/i18n/index.ts";
import {
  isInEea,
  type Policy,
  type Processor,
  type Purpose,
  processorDataLabels,
} from "../../policy/index.ts";
import { sensitiveDataHandling } from "../scanner/index.ts";
import { idCopyRights } from "./id-copy-rights.ts";

type Localized = Record<Locale, string>;

function Paragraph({ text, locale }: { text: Localized; locale: Locale }): VNode {
  return <p>{text[locale]}</p>;
}

function PurposeSection(props: {
  purpose: Purpose;
  context: PageContext;
  topics: Policy["newsletterTopics"];
}): VNode {
  const { purpose, context, topics } = props;
  const { t, locale } = context;
  const basis = t(`statement.basis.${purpose.legalBasis}` as MessageKey);
  return (
    <section aria-labelledby={`purpose-${purpose.id}`}>
      <h3 id={`purpose-${purpose.id}`}>{purpose.name[locale]}</h3>
      <p>{purpose.description[locale]}</p>
      <table class="purpose-table">
        <tbody>
          <tr>
            <th scope="row">{t("statement.col.data")}</th>
            <td>{purpose.dataCategories.map((category) => category.label[locale]).join(", ")}</td>
          </tr>
          <tr>
            <th scope="row">{t("statement.col.reason")}</th>
            <td>{basis}</td>
          </tr>
          <tr>
            <th scope="row">{t("statement.col.retention")}</th>
            <td>{purpose.retention.text[locale]}</td>
          </tr>
        </tbody>
      </table>
      {purpose.id === "newsletter" && topics.length > 0 && (
        <>
          <p>{t("statement.topics")}</p>
          <ul>
            {topics.map((topic) => (
              <li key={topic.id}>
                <strong>{topic.name[locale]}</strong>: {topic.description[locale]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The address is in the page only after the visitor asked for it (a form, so it works without JavaScript). */
function PrivacyEmail(props: { context: PageContext; email: string; revealed: boolean }): VNode {
  const { context, email, revealed } = props;
  if (revealed) {
    return (
      <p id="contact">
        {context.t("statement.rights.email")} <a href={`mailto:${email}`}>{email}</a>
      </p>
    );
  }
  return (
    <form method="get" action="/privacy#contact" id="contact" class="inline-form">
      <input type="hidden" name="contact" value="show" />
      <button type="submit" class="secondary">
        {context.t("statement.rights.show")}
      </button>
    </form>
  );
}

export function StatementPage(props: {
  context: PageContext;
  policy: Policy;
  revealEmail: boolean;
  /** Set when an earlier version is shown: its effective date. */
  olderVersionOf?: string | undefined;
}): VNode {
  const { context, policy, revealEmail, olderVersionOf } = props;
  const { t, locale } = context;
  const organisation = policy.organisation;
  const email = policy.rights.requestEmail ?? organisation.privacyEmail;
  return (
    <Layout context={context} title={t("statement.title")}>
      <article class="statement">
        <h1>{t("statement.title")}</h1>
        {olderVersionOf && (
          <p role="note" class="notice">
            {t("statement.versions.old", { date: olderVersionOf })}{" "}
            <a href="/privacy">{t("statement.versions.read_current")}</a>
          </p>
        )}
        <Paragraph text={policy.intro} locale={locale} />
        <p>
          <small>
            {t("statement.controller", {
              name: organisation.name,
              legalForm: organisation.legalForm,
              street: organisation.address.street,
              postalCode: organisation.address.postalCode,
              city: organisation.address.city,
              number: organisation.enterpriseNumber,
            })}{" "}
            <a href={organisation.website} rel="noopener noreferrer">
              {organisation.website}
            </a>
          </small>
        </p>

        <h2>{t("statement.processing")}</h2>
        {policy.purposes.map((purpose) => (
          <PurposeSection
            key={purpose.id}
            purpose={purpose}
            context={context}
            topics={policy.newsletterTopics}
          />
        ))}

        <h2>{t("statement.special")}</h2>
        <Paragraph text={policy.specialData} locale={locale} />
        {sensitiveDataHandling(policy, t).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}

        <h2>{t("statement.cookies")}</h2>
        <Paragraph text={policy.cookiesIntro} locale={locale} />
        <p>
          <a href="/cookies">{t("statement.cookies.link")}</a>
        </p>

        <h2>{t("statement.security")}</h2>
        <ul>
          {policy.securityMeasures.map((measure) => (
            <li key={measure.nl}>{measure[locale]}</li>
          ))}
        </ul>
        <p>{t("statement.security.contact")}</p>
        <p>
          <a href="/security">{t("statement.security.link")}</a>
        </p>

        <h2>{t("statement.rights")}</h2>
        <Paragraph text={policy.rights.text} locale={locale} />
        <PrivacyEmail context={context} email={email} revealed={revealEmail} />
        <Paragraph text={policy.rights.idCopyInstructions} locale={locale} />
        <p>{t("statement.rights.id_copy_for", { rights: idCopyRights(policy, t) })}</p>
        <p>{t("statement.rights.answer", { days: policy.rights.answerDays })}</p>
        <p>
          {policy.rights.proofRetention.text[locale]} ({policy.rights.proofRetention.legalReference}
          )
        </p>
        <p>
          <a href="/privacy/request">{t("statement.rights.online")}</a>
        </p>

        <h2>{t("statement.recipients")}</h2>
        <ProcessorTable context={context} policy={policy} />
        <Paragraph text={policy.legalDisclosure} locale={locale} />

        <h2>{t("statement.links")}</h2>
        <Paragraph text={policy.externalLinks} locale={locale} />

        <h2>{t("statement.changes")}</h2>
        <Paragraph text={policy.changes} locale={locale} />
        <p>
          {t("statement.version", { date: policy.version.effectiveDate })}{" "}
          {policy.version.changelog}
        </p>

        <h2>{t("statement.complaint")}</h2>
        <Paragraph text={policy.complaint} locale={locale} />
        <address>
          {organisation.supervisoryAuthority.name[locale]}
          <br />
          {organisation.supervisoryAuthority.address}
          <br />
          <a href={organisation.supervisoryAuthority.url} rel="noopener noreferrer">
            {organisation.supervisoryAuthority.url}
          </a>
          {organisation.supervisoryAuthority.email && (
            <>
              <br />
              {organisation.supervisoryAuthority.email}
            </>
          )}
        </address>
      </article>
    </Layout>
  );
}

function ProcessorTable({ context, policy }: { context: PageContext; policy: Policy }): VNode {
  const { t, locale } = context;
  return (
    <ScrollableTable label={t("statement.recipients")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("statement.recipients.col.name")}</th>
            <th scope="col">{t("statement.recipients.col.service")}</th>
            <th scope="col">{t("statement.recipients.col.country")}</th>
            <th scope="col">{t("statement.recipients.col.transfer")}</th>
            <th scope="col">{t("statement.recipients.col.data")}</th>
          </tr>
        </thead>
        <tbody>
          {policy.processors.map((processor) => (
            <tr key={processor.name}>
              <th scope="row">{processor.name}</th>
              <td>{processor.service[locale]}</td>
              <td>{processor.country}</td>
              <td>{transferText(context, processor)}</td>
              <td>{processorDataLabels(policy, processor, locale).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Art. 13(1)(f): the visitor is told of a transfer outside the EEA and the safeguard it rests on. */
function transferText(context: PageContext, processor: Processor): string {
  if (isInEea(processor.country)) return context.t("statement.recipients.transfer.none");
  return processor.transferBasis ? context.t(`processors.basis.${processor.transferBasis}`) : "—";
}

const cookieCategories = [
  { category: "necessary", heading: "cookies.necessary" },
  { category: "analytics", heading: "cookies.analytics" },
] as const;

/** The visitor's choice as /cookies shows it, read from the wits_consent cookie. */
export type VisitorChoice =
  | { state: "none" }
  | { state: "accepted" | "refused" | "outdated"; consentId: string; decidedAt: Date };

/** Dates on public pages are the organisation's (a Belgian company's) calendar day. */
const publicTimeZone = "Europe/Brussels";

function ChoiceText({ context, choice }: { context: PageContext; choice: VisitorChoice }) {
  const { t, locale } = context;
  if (choice.state === "none") return <p>{t("consent.page.none")}</p>;
  const date = new Intl.DateTimeFormat(`${locale}-BE`, {
    dateStyle: "long",
    timeZone: publicTimeZone,
  }).format(choice.decidedAt);
  return (
    <>
      <p>{t(`consent.page.${choice.state}`, { date })}</p>
      <p>
        {t("consent.page.id")} <code>{choice.consentId}</code>
      </p>
    </>
  );
}

/**
 * The visitor's current choice and how to change it: the link opens the banner when its script
 * runs (data-consent-open), and without JavaScript leads to the two buttons below it, which post
 * the same choice to the server. Both buttons look alike: refusing is as easy as accepting.
 */
function VisitorChoiceSection(props: {
  context: PageContext;
  policy: Policy;
  choice: VisitorChoice;
  csrf: string;
}) {
  const { context, policy, choice, csrf } = props;
  const { t } = context;
  return (
    <section aria-labelledby="cookie-choice">
      <h2 id="cookie-choice">{t("consent.page.heading")}</h2>
      <ChoiceText context={context} choice={choice} />
      <p>
        <a href="#cookie-choice-form" data-consent-open="">
          {t("consent.page.change")}
        </a>
      </p>
      <form method="post" action="/cookies/choice" id="cookie-choice-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>{t("consent.form.legend")}</legend>
          <div class="grid">
            <button type="submit" name="action" value="accept_all">
              {t("consent.form.accept")}
            </button>
            <button type="submit" name="action" value="reject_all">
              {t("consent.form.reject")}
            </button>
          </div>
        </fieldset>
      </form>
      <p>{t("consent.page.lifetime", { days: policy.consent.lifetimeDays })}</p>
    </section>
  );
}

export function CookiePolicyPage(props: {
  context: PageContext;
  policy: Policy;
  choice: VisitorChoice;
  csrf: string;
}) {
  const { context, policy } = props;
  const { t, locale } = context;
  return (
    <Layout context={context} title={t("cookies.title")}>
      <article class="statement">
        <h1>{t("cookies.title")}</h1>
        <Paragraph text={policy.cookiesIntro} locale={locale} />
        <VisitorChoiceSection {...props} />
        {cookieCategories.map(({ category, heading }) => {
          const cookies = policy.cookies.filter((cookie) => cookie.category === category);
          return (
            <section key={category} aria-labelledby={`cookies-${category}`}>
              <h2 id={`cookies-${category}`}>{t(heading)}</h2>
              {cookies.length === 0 ? (
                <p>{t("cookies.none")}</p>
              ) : (
                <ul class="cookie-list">
                  {cookies.map((cookie) => (
                    <li key={cookie.name}>
                      <strong>
                        <code>{cookie.name}</code>
                      </strong>{" "}
                      ({cookie.provider},{" "}
                      {cookie.party === "first"
                        ? t("cookies.party.first")
                        : t("cookies.party.third")}
                      )
                      <br />
                      {t("cookies.col.purpose")}: {cookie.purpose[locale]}
                      <br />
                      {t("cookies.col.duration")}: {cookie.duration[locale]}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        <section aria-labelledby="cookie-proof">
          <h2 id="cookie-proof">{t("consent.page.proof")}</h2>
          <Paragraph text={policy.consent.proofRetention.text} locale={locale} />
        </section>
      </article>
    </Layout>
  );
}
