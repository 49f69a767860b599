/** How long and why a record is kept, as every page and export words it. */
export const retentionNl = {
  "retention.until": "bewaard tot {date}: {why}",
  "retention.while": "bewaard {why}",
  "retention.period.years.one": "1 jaar",
  "retention.period.years.many": "{n} jaar",
  "retention.period.months.one": "1 maand",
  "retention.period.months.many": "{n} maanden",
  "retention.period.days.one": "1 dag",
  "retention.period.days.many": "{n} dagen",
  "retention.period.none": "onmiddellijk",
  "retention.period.and": " en ",
  "retention.after.request.closed": "{period} nadat je verzoek volledig werd afgehandeld",
  "retention.after.agreement.ended": "{period} nadat de overeenkomst afliep",
  "retention.after.newsletter.unsubscribed": "{period} nadat je je uitschreef",
  "retention.after.order.completed": "{period} nadat de bestelling werd afgerond",
  "retention.after.customer.ended": "{period} nadat je geen klant meer was",
  "retention.after.support.session_ended": "{period} nadat de supportsessie eindigde",
  "retention.awaiting.request.closed":
    "tot je verzoek volledig is afgehandeld, en daarna nog {period}",
  "retention.awaiting.agreement.ended": "tot de overeenkomst afloopt, en daarna nog {period}",
  "retention.awaiting.newsletter.unsubscribed":
    "zolang je ingeschreven bent, en daarna nog {period}",
  "retention.awaiting.order.completed": "tot de bestelling is afgerond, en daarna nog {period}",
  "retention.awaiting.customer.ended": "zolang je klant bent, en daarna nog {period}",
  "retention.awaiting.support.session_ended":
    "tot de supportsessie eindigt, en daarna nog {period}",
  "retention.condition.running_agreement": "zolang je een lopende overeenkomst met ons hebt",
  "retention.until_objection": "zolang je daar geen bezwaar tegen maakt",
  "retention.expires": "tot de downloadlink vervalt",
  "retention.anonymised": "geanonimiseerd op {date}: het gaat niet langer over jou",
  "retention.erasure_due.objection": "je maakte bezwaar: we wissen het bij de volgende opruiming",
  "retention.erasure_due.erasure_request":
    "je vroeg het te wissen: we wissen het bij de volgende opruiming",
  "retention.erasure_due.consent_withdrawn":
    "je trok je toestemming in: we wissen het bij de volgende opruiming",
  "retention.change.restart": "Als {event} later gebeurt, begint de termijn vanaf dan opnieuw.",
  "retention.change.condition":
    "Zolang je een lopende overeenkomst met ons hebt, bewaren we het langer.",
  "retention.change.objection": "Als je bezwaar maakt, wissen we het.",
  "retention.change.erasure": "Je kan vragen het eerder te wissen.",
  "retention.change.legal_obligation":
    "De wet verplicht ons het te bewaren tot {date} ({reference}). Vraag je het te wissen, dan gebruiken we het tot dan enkel nog daarvoor.",
  "retention.change.running_agreement":
    "Zolang een overeenkomst loopt, kunnen we het niet eerder wissen; daarna wel.",
  "retention.hold": "Een juridische blokkering houdt dit vast: {reason}.",
  "retention.hold.until": "Een juridische blokkering houdt dit vast tot {date}: {reason}.",
  "retention.event.request.closed": "het afhandelen van een verzoek",
  "retention.hold.subject":
    "Een wettelijke verplichting tot bewaren (een juridische blokkering) houdt dit vast.",
  "retention.hold.subject_until":
    "Een wettelijke verplichting tot bewaren (een juridische blokkering) houdt dit vast tot {date}.",
  "retention.event.agreement.ended": "het aflopen van een overeenkomst",
  "retention.event.newsletter.unsubscribed": "een uitschrijving",
  "retention.event.order.completed": "het afronden van een bestelling",
  "retention.event.customer.ended": "het einde van je klantrelatie",
  "retention.event.support.session_ended": "het einde van een supportsessie",
} as const;
