import { adminNl } from "./admin.nl.ts";
import { breachesNl } from "./breaches.nl.ts";
import { consentNl } from "./consent.nl.ts";
import { contactNl } from "./contact.nl.ts";
import { contactAdminNl } from "./contact-admin.nl.ts";
import { contactCustomerNl } from "./contact-customer.nl.ts";
import { contactFormNl } from "./contact-form.nl.ts";
import { customersAdminNl } from "./customers-admin.nl.ts";
import { disclosuresNl } from "./disclosures.nl.ts";
import { exportNl } from "./export.nl.ts";
import { invoiceNl } from "./invoice.nl.ts";
import { newsletterNl } from "./newsletter.nl.ts";
import { newsletterAdminNl } from "./newsletter-admin.nl.ts";
import { newsletterFormNl } from "./newsletter-form.nl.ts";
import { newsletterSubscribersNl } from "./newsletter-subscribers.nl.ts";
import { ordersNl } from "./orders.nl.ts";
import { ordersAdminNl } from "./orders-admin.nl.ts";
import { processorsNl } from "./processors.nl.ts";
import { recordsNl } from "./records.nl.ts";
import { retentionNl } from "./retention.nl.ts";
import { rightsAdminNl } from "./rights-admin.nl.ts";
import { rightsLetterNl } from "./rights-letter.nl.ts";
import { rightsPortalNl } from "./rights-portal.nl.ts";
import { scannerNl } from "./scanner.nl.ts";
import { scannerAdminNl } from "./scanner-admin.nl.ts";
import { scannerIdentifiersNl } from "./scanner-identifiers.nl.ts";
import { scannerSpecialNl } from "./scanner-special.nl.ts";
import { securityNl } from "./security.nl.ts";
import { statementNl } from "./statement.nl.ts";
import { supportNl } from "./support.nl.ts";

/** Dutch is the first language of every page and mail; the other locales must have every key. */
export const nl = {
  ...adminNl,
  ...statementNl,
  ...retentionNl,
  ...recordsNl,
  ...exportNl,
  ...contactNl,
  ...contactFormNl,
  ...contactAdminNl,
  ...contactCustomerNl,
  ...customersAdminNl,
  ...newsletterNl,
  ...ordersNl,
  ...ordersAdminNl,
  ...invoiceNl,
  ...newsletterAdminNl,
  ...newsletterSubscribersNl,
  ...newsletterFormNl,
  ...supportNl,
  ...rightsLetterNl,
  ...rightsAdminNl,
  ...rightsPortalNl,
  ...consentNl,
  ...scannerSpecialNl,
  ...scannerIdentifiersNl,
  ...scannerNl,
  ...scannerAdminNl,
  ...securityNl,
  ...processorsNl,
  ...disclosuresNl,
  ...breachesNl,
  "language.nl": "Nederlands",
  "language.en": "English",
  "language.fr": "Français",
  "layout.skip": "Naar de inhoud",
  "layout.language": "Taal",
  "layout.footer.privacy": "Privacyverklaring",
  "layout.footer.cookies": "Cookiebeleid",
  "layout.footer.home": "Start",
  "home.title": "Jouw gegevens bij {organisation}",
  "home.intro":
    "Hier kan je ons contacteren, je inschrijven op onze nieuwsbrief en je privacyrechten uitoefenen. Je leest ook precies welke gegevens we bewaren, waarom en hoe lang.",
  "home.actions": "Wat kan je hier doen?",
  "home.contact": "Een vraag stellen of een aanvraag doen",
  "home.contact.hint": "Via het contactformulier, eventueel met bijlagen.",
  "home.newsletter": "Je inschrijven op de nieuwsbrief",
  "home.newsletter.hint": "Kies zelf de onderwerpen; uitschrijven kan altijd.",
  "home.privacy": "De privacyverklaring lezen",
  "home.privacy.hint": "Welke gegevens we verwerken, waarom en hoe lang we ze bewaren.",
  "home.cookies": "Het cookiebeleid lezen en je keuze aanpassen",
  "home.cookies.hint": "Welke cookies we gebruiken en waarvoor.",
  "home.rights": "Je gegevens inzien, aanpassen of laten verwijderen",
  "home.rights.hint": "Dien een verzoek in; we antwoorden binnen 30 dagen.",
  "home.support": "Ondersteuning op afstand",
  "home.support.hint": "Geef je TeamViewer-ID en wachtwoord veilig door aan onze technicus.",
  "error.title": "Er ging iets mis",
  "error.title.not_found": "Pagina niet gevonden",
  "error.back": "Terug naar de vorige pagina",
  "error.home": "Naar de startpagina",
  "error.reference": "Referentie: {requestId}",
  "error.bad_request":
    "Je verzoek kon niet gelezen worden. Controleer de gegevens en probeer opnieuw.",
  "error.validation": "Sommige gegevens kloppen niet. Verbeter ze en probeer opnieuw.",
  "error.unauthorized": "Meld je eerst aan.",
  "error.forbidden": "Je hebt geen toegang tot deze pagina.",
  "error.csrf":
    "Dit formulier is verlopen of kwam niet van onze website. Laad de pagina opnieuw en verstuur het nog eens.",
  "error.not_found": "Deze pagina bestaat niet (meer).",
  "error.method_not_allowed": "Deze actie is hier niet mogelijk.",
  "error.conflict": "Dit werd intussen door iemand anders gewijzigd. Laad de pagina opnieuw.",
  "error.too_large": "Wat je verstuurt is te groot. Maak het kleiner of verstuur minder bijlagen.",
  "error.unsupported_media_type":
    "Dit soort gegevens aanvaarden we hier niet. Gebruik het formulier of stuur JSON.",
  "error.rate_limited":
    "Je hebt te veel verzoeken na elkaar verstuurd. Wacht {seconds} seconden en probeer opnieuw.",
  "error.internal":
    "Er ging bij ons iets mis. Niets van wat je eerder bewaarde is verloren; probeer het later opnieuw.",
  "error.unavailable":
    "De dienst is even niet beschikbaar. Probeer het over enkele minuten opnieuw.",
  "error.field": "{field}: {problem}",
  "error.field.invalid": "ongeldige waarde",
  "field.email": "e-mailadres",
  "field.name": "naam",
  "field.phone": "telefoonnummer",
  "field.message": "bericht",
  "field.subject": "onderwerp",
  "field.attachments": "bijlagen",
} as const;
