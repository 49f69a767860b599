import type { VNode } from "preact";
import type { Locale, Translate } from "../../core/i18n/index.ts";
import type { FindingType } from "../../policy/sensitive-data-types.ts";
import type { Finding } from "./detect/finding.ts";

/** The statement is a Belgian company's: its officers read Belgian time, as the mails do. */
const timeZone = "Europe/Brussels";

export function dateTimeText(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(`${locale}-BE`, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(at);
}

export function When(props: { at: Date; locale: Locale }): VNode {
  return <time dateTime={props.at.toISOString()}>{dateTimeText(props.locale, props.at)}</time>;
}

export function percentText(locale: Locale, fraction: number): string {
  return new Intl.NumberFormat(`${locale}-BE`, {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(fraction);
}

export function kindsText(t: Translate, kinds: readonly FindingType[]): string {
  return kinds.map((kind) => t(`scanner.type.${kind}`)).join(", ");
}

/** "wordt gewist op 2 januari 2026 om 09:00 (nog 23 u 59 min)". */
export function DeletesOn(props: { t: Translate; locale: Locale; at: Date; now: Date }): VNode {
  const { t, at, now } = props;
  const left = at.getTime() - now.getTime();
  const hours = Math.floor(left / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  return (
    <>
      {t("scanner-admin.deletes_on", { date: dateTimeText(props.locale, at) })} (
      {left > 0 ? t("scanner-admin.time_left", { hours, minutes }) : t("scanner-admin.time_up")})
    </>
  );
}

interface Segment {
  text: string;
  marked: boolean;
}

/** The text cut at the findings' spans; overlapping spans are marked as one. */
export function markedSegments(text: string, findings: readonly Finding[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const start = Math.max(finding.start, at);
    if (finding.end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, finding.end), marked: true });
    at = finding.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

export function MarkedText(props: { text: string; findings: readonly Finding[] }): VNode {
  return (
    <p class="contact-message">
      {markedSegments(props.text, props.findings).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </p>
  );
}

export function ErrorText({ message }: { message: string | undefined }): VNode | null {
  return message ? (
    <p role="alert" class="form-error">
      {message}
    </p>
  ) : null;
}
