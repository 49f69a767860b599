import MarkdownIt from "markdown-it";
import { type Locale, translate } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";
import type { CampaignKind } from "./newsletter.tables.ts";
import type { SubscriberLinks } from "./subscriber-links.ts";

/**
 * Raw HTML in the Markdown is shown as text (html: false): staff write words, not markup, and a
 * pasted snippet must not reach thousands of inboxes as live HTML. markdown-it also refuses
 * javascript:, vbscript: and file: links. Single line breaks are kept, as a textarea suggests.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** Where `{{name}}` goes: a private-use character nothing else in a mail contains. */
const nameMark = "\uE000";
/** The same mark once markdown-it has percent-encoded it inside a link's address. */
const encodedNameMark = "%EE%80%80";
const topicsMark = "\uE001";
const unsubscribeMark = "\uE002";
const preferencesMark = "\uE003";
const marks = /[\uE000-\uE003]/g;

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** The one personalisation there is: the name or nickname the reader gave. */
export const campaignPlaceholders = ["name"] as const;

/** Placeholders a text uses that no reader has a value for, e.g. `{{first_name}}`. */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = campaignPlaceholders;
  return [...text.matchAll(placeholderPattern)]
    .map((match) => match[1] ?? "")
    .filter((name) => !known.includes(name));
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** What a mailing says, in one language. */
export interface CampaignText {
  subject: string;
  /** Markdown for a staff campaign; plain text for a policy notice (see `format`). */
  body: string;
}

export interface CampaignContent {
  kind: CampaignKind;
  /** The campaign's topics (none for a service notice). */
  topics: readonly string[];
  /** The text for a reader's language; a staff campaign has one text for all. */
  text: (locale: Locale) => CampaignText;
  /** "markdown" for what staff write, "plain" for the policy module's notices. */
  format: "markdown" | "plain";
}

export interface CampaignRecipient {
  /** Name or nickname; null when erased (the mail is not sent then, but a preview may be). */
  name: string | null;
  locale: Locale;
  links: SubscriberLinks;
  /** The reader's live topics: the footer names those this campaign is about. */
  topics?: readonly string[] | undefined;
}

export interface RenderedCampaign {
  subject: string;
  text: string;
  /** The whole HTML part. */
  html: string;
  /** What is inside its body, for the back office's preview. */
  htmlBody: string;
  headers: Record<string, string>;
}

export type CampaignRenderer = (recipient: CampaignRecipient) => RenderedCampaign;

interface LocaleTemplate {
  subject: string[];
  text: string[];
  htmlBody: string[];
  textFooter: string;
  htmlFooter: string;
  topicNames: Map<string, string>;
  unsubscribeLabel: string;
  preferencesLabel: string;
}

/**
 * Renders the Markdown once per language and keeps it as pieces around the name, so a mail
 * per reader is a few string joins: a campaign to 100,000 readers must not parse Markdown
 * 100,000 times.
 */
export function prepareCampaign(content: CampaignContent, policy: Policy): CampaignRenderer {
  const templates = new Map<Locale, LocaleTemplate>();
  const templateFor = (locale: Locale): LocaleTemplate => {
    let template = templates.get(locale);
    if (!template) {
      template = localeTemplate(content, policy, locale);
      templates.set(locale, template);
    }
    return template;
  };
  return (recipient): RenderedCampaign => {
    const template = templateFor(recipient.locale);
    const name = recipient.name ?? "";
    const htmlName = escapeHtml(name);
    const urlName = escapeHtml(encodeURIComponent(name));
    // A header is one line, whatever the reader typed as a name.
    const subject = template.subject.join(name.replace(/[\r\n]+/g, " "));
    const body = template.htmlBody
      .map((piece) => (piece === nameMark ? htmlName : piece === encodedNameMark ? urlName : piece))
      .join("");
    const footer = footers(content, template, recipient);
    const htmlBody = `${body}\n<hr>\n<p class="mail-footer">${footer.html}</p>\n`;
    return {
      subject,
      text: `${template.text.join(name).trimEnd()}\n\n-- \n${footer.text}\n`,
      html: htmlDocument(recipient.locale, escapeHtml(subject), htmlBody),
      htmlBody,
      headers: headersFor(content.kind, recipient.links),
    };
  };
}

function headersFor(kind: CampaignKind, links: SubscriberLinks): Record<string, string> {
  if (kind !== "newsletter") return {};
  // RFC 2369 and RFC 8058: mail clients show their own unsubscribe button, and their one-click
  // POST goes to the API route that needs no page, cookie or form token. A service notice has
  // none: it is not about topics.
  return {
    "List-Unsubscribe": `<${links.oneClick}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** One campaign, one reader: what the back office previews and what a test mail contains. */
export function renderCampaign(
  content: CampaignContent,
  policy: Policy,
  recipient: CampaignRecipient,
): RenderedCampaign {
  return prepareCampaign(content, policy)(recipient);
}

function localeTemplate(content: CampaignContent, policy: Policy, locale: Locale): LocaleTemplate {
  const { subject, body } = content.text(locale);
  const marked = (text: string) =>
    text
      .replace(marks, "")
      .replace(placeholderPattern, (whole, name: string) => (name === "name" ? nameMark : whole));
  const source = marked(body);
  const html = content.format === "markdown" ? markdown.render(source) : plainTextToHtml(source);
  const footerKey =
    content.kind === "newsletter" ? "newsletter.mail.footer" : "newsletter.mail.notice_footer";
  const textFooter = translate(locale, footerKey, {
    topics: topicsMark,
    unsubscribe: unsubscribeMark,
    preferences: preferencesMark,
  });
  return {
    subject: marked(subject)
      .replace(/[\r\n]+/g, " ")
      .split(nameMark),
    text: source.split(nameMark),
    htmlBody: html.split(/(\uE000|%EE%80%80)/),
    textFooter,
    htmlFooter: escapeHtml(textFooter).replaceAll("\n", "<br>\n"),
    topicNames: new Map(policy.newsletterTopics.map((topic) => [topic.id, topic.name[locale]])),
    unsubscribeLabel: escapeHtml(translate(locale, "newsletter.mail.unsubscribe_label")),
    preferencesLabel: escapeHtml(translate(locale, "newsletter.mail.preferences_label")),
  };
}

function footers(
  content: CampaignContent,
  template: LocaleTemplate,
  recipient: CampaignRecipient,
): { text: string; html: string } {
  if (content.kind === "service_notice") {
    return { text: template.textFooter, html: template.htmlFooter };
  }
  const followed = recipient.topics
    ? content.topics.filter((topic) => recipient.topics?.includes(topic))
    : content.topics;
  const topicList = (followed.length > 0 ? followed : content.topics)
    .map((topic) => template.topicNames.get(topic) ?? topic)
    .join(", ");
  const { unsubscribe, preferences } = recipient.links;
  const fill = (text: string, values: [string, string, string]) =>
    // Functions, not strings: a `$&` in a name or an address is text, not a replacement pattern.
    text
      .replace(topicsMark, () => values[0])
      .replace(unsubscribeMark, () => values[1])
      .replace(preferencesMark, () => values[2]);
  return {
    text: fill(template.textFooter, [topicList, unsubscribe, preferences]),
    html: fill(template.htmlFooter, [
      escapeHtml(topicList),
      `<a href="${escapeHtml(unsubscribe)}">${template.unsubscribeLabel}</a>`,
      `<a href="${escapeHtml(preferences)}">${template.preferencesLabel}</a>`,
    ]),
  };
}

function htmlDocument(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em;">
${body}</body>
</html>
`;
}

/** A plain-text notice as HTML: escaped, paragraphs kept, addresses made links. */
export function plainTextToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .map((paragraph) => `<p>${linkedText(paragraph).replace(/\r?\n/g, "<br>\n")}</p>`)
    .join("\n");
}

function linkedText(text: string): string {
  let html = "";
  let at = 0;
  for (const match of markdown.linkify.match(text) ?? []) {
    html += escapeHtml(text.slice(at, match.index));
    html += `<a href="${escapeHtml(match.url)}">${escapeHtml(match.text)}</a>`;
    at = match.lastIndex;
  }
  return html + escapeHtml(text.slice(at));
}
