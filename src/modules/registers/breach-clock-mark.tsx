import type { VNode } from "preact";
import type { Translate } from "../../core/i18n/index.ts";
import { breachClock } from "./breach-deadline.ts";
import { breachTimeZone } from "./breach-fields.ts";
import type { Breach } from "./breaches.service.ts";

export function formatBreachTime(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(`${locale}-BE`, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: breachTimeZone,
  }).format(at);
}

/** "nog 41 uur om te melden", a marked "meldtermijn 5 uur verstreken", or "gemeld op …". */
export function BreachClockMark(props: {
  t: Translate;
  locale: string;
  breach: Breach;
  now: Date;
}): VNode {
  const { t, breach } = props;
  if (breach.status === "triage") return <>{t("breaches.clock.triage")}</>;
  // A dismissed report was no breach: there was never anything to notify.
  if (breach.status === "dismissed") return <>—</>;
  const clock = breachClock(breach, props.now);
  switch (clock.state) {
    case "notified":
      return <>{t("breaches.clock.notified", { at: formatBreachTime(clock.at, props.locale) })}</>;
    case "not_notifying":
      return <>{t("breaches.clock.not_notifying")}</>;
    case "not_started":
      return <>{t("breaches.clock.not_started")}</>;
    case "running":
      return <>{t("breaches.clock.running", { hours: clock.hoursLeft })}</>;
    case "overdue":
      return (
        <mark class="breach-overdue">
          <strong>{t("breaches.clock.overdue", { hours: clock.hoursOverdue })}</strong>
        </mark>
      );
  }
}
