import { defineRecordType } from "../../datamap/index.ts";
import {
  newsletterConsents,
  newsletterSignups,
  newsletterSubscribers,
} from "./newsletter.tables.ts";

const source = {
  nl: "jij, toen je je inschreef op de nieuwsbrief",
  en: "you, when you subscribed to the newsletter",
  fr: "vous, lors de votre inscription à la lettre d'information",
};
const name = { nl: "naam of bijnaam", en: "name or nickname", fr: "nom ou pseudonyme" };
const email = { nl: "e-mailadres", en: "e-mail address", fr: "adresse e-mail" };
const ip = { nl: "IP-adres", en: "IP address", fr: "adresse IP" };

/** An unconfirmed sign-up: it goes 7 days after it was made if the link is not clicked. */
export const newsletterSignupRecordType = defineRecordType({
  id: "newsletter.signup",
  label: {
    nl: "onbevestigde inschrijving op de nieuwsbrief",
    en: "unconfirmed newsletter sign-up",
    fr: "inscription non confirmée à la lettre d'information",
  },
  purpose: "newsletter",
  table: newsletterSignups,
  source,
  fields: [
    { column: "name_ciphertext", label: name, kind: "encrypted" },
    { column: "email_ciphertext", label: email, kind: "encrypted" },
    { column: "ip_ciphertext", label: ip, kind: "encrypted" },
    { column: "topics", label: { nl: "onderwerpen", en: "topics", fr: "sujets" }, kind: "json" },
    {
      column: "created_at",
      label: { nl: "ingeschreven op", en: "signed up on", fr: "inscrit le" },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
  ownRetention: {
    legalBasis: "consent",
    legalReference: "double opt-in: an unconfirmed sign-up is not a consent",
    rule: {
      nl: "7 dagen, tenzij je de inschrijving bevestigt",
      en: "7 days, unless you confirm the sign-up",
      fr: "7 jours, sauf si vous confirmez l'inscription",
    },
  },
});

/** Kept while subscribed; 6 months after unsubscribing from everything, unless a customer. */
export const newsletterSubscriberRecordType = defineRecordType({
  id: "newsletter.subscriber",
  label: {
    nl: "inschrijving op de nieuwsbrief",
    en: "newsletter subscription",
    fr: "abonnement à la lettre d'information",
  },
  purpose: "newsletter",
  table: newsletterSubscribers,
  anchorKey: "period_id",
  source,
  fields: [
    { column: "name_ciphertext", label: name, kind: "encrypted", editable: true },
    { column: "email_ciphertext", label: email, kind: "encrypted", editable: true },
    { column: "locale", label: { nl: "taal", en: "language", fr: "langue" }, kind: "text" },
    { column: "topics", label: { nl: "onderwerpen", en: "topics", fr: "sujets" }, kind: "json" },
    {
      column: "created_at",
      label: { nl: "ingeschreven op", en: "subscribed on", fr: "abonné le" },
      kind: "date",
    },
    {
      column: "unsubscribed_at",
      label: { nl: "uitgeschreven op", en: "unsubscribed on", fr: "désabonné le" },
      kind: "date",
    },
    {
      column: "undeliverable_at",
      label: {
        nl: "onbestelbaar sinds",
        en: "undeliverable since",
        fr: "non distribuable depuis",
      },
      kind: "date",
    },
  ],
  erasure: { method: "shred" },
});

/** Proof of consent per topic, kept as long as the subscription it proves. */
export const newsletterConsentRecordType = defineRecordType({
  id: "newsletter.consent",
  label: {
    nl: "bewijs van toestemming voor een nieuwsbriefonderwerp",
    en: "proof of consent for a newsletter topic",
    fr: "preuve du consentement pour un sujet de la lettre d'information",
  },
  purpose: "newsletter",
  table: newsletterConsents,
  anchorKey: "period_id",
  source,
  fields: [
    { column: "topic", label: { nl: "onderwerp", en: "topic", fr: "sujet" }, kind: "text" },
    {
      column: "source",
      label: { nl: "gegeven via", en: "given through", fr: "donné via" },
      kind: "text",
    },
    {
      column: "source_detail",
      label: { nl: "herkomst", en: "origin", fr: "origine" },
      kind: "text",
    },
    {
      column: "policy_version",
      label: {
        nl: "versie van de privacyverklaring",
        en: "privacy statement version",
        fr: "version de la déclaration de confidentialité",
      },
      kind: "text",
    },
    {
      column: "wording",
      label: { nl: "getoonde tekst", en: "wording shown", fr: "texte affiché" },
      kind: "text",
    },
    { column: "ip_ciphertext", label: ip, kind: "encrypted" },
    {
      column: "requested_at",
      label: { nl: "gevraagd op", en: "requested on", fr: "demandé le" },
      kind: "date",
    },
    {
      column: "given_at",
      label: { nl: "gegeven op", en: "given on", fr: "donné le" },
      kind: "date",
    },
    {
      column: "withdrawn_at",
      label: { nl: "ingetrokken op", en: "withdrawn on", fr: "retiré le" },
      kind: "date",
    },
    {
      column: "withdrawn_via",
      label: { nl: "ingetrokken via", en: "withdrawn through", fr: "retiré via" },
      kind: "text",
    },
  ],
  erasure: { method: "shred" },
});
