/** The privacy officer's side of rights requests: the queue, one request, and their mails. */
export const rightsAdminNl = {
  "rights-admin.nav": "Verzoeken",
  "rights-admin.back": "Terug naar de verzoeken",
  "rights-admin.newest": "Nieuwste",
  "rights-admin.older": "Oudere",
  "rights-admin.queue.title": "Verzoeken over persoonsgegevens",
  "rights-admin.queue.intro":
    "Open verzoeken, het dringendste eerst. Wat te laat is of binnen 7 dagen beantwoord moet zijn, staat gemarkeerd.",
  "rights-admin.queue.new": "Verzoek invoeren dat per e-mail, telefoon of post binnenkwam",
  "rights-admin.queue.empty": "Geen verzoeken om te tonen.",
  "rights-admin.queue.table": "Verzoeken",
  "rights-admin.queue.extended": "(verlengd)",
  "rights-admin.queue.truncated":
    "Er staan meer dan {count} verzoeken open; alleen de {count} dringendste worden getoond.",
  "rights-admin.filter.label": "Verzoeken filteren",
  "rights-admin.filter.status": "Status",
  "rights-admin.filter.open": "Alle open verzoeken",
  "rights-admin.filter.reference": "Referentie (exact)",
  "rights-admin.filter.submit": "Filteren",
  "rights-admin.filter.clear": "Alle open verzoeken tonen",
  "rights-admin.col.reference": "Referentie",
  "rights-admin.col.rights": "Gevraagd",
  "rights-admin.col.channel": "Kanaal",
  "rights-admin.col.status": "Status",
  "rights-admin.col.received": "Ontvangen",
  "rights-admin.col.deadline": "Antwoord uiterlijk",
  "rights-admin.col.days": "Termijn",
  "rights-admin.state.overdue": "Te laat",
  "rights-admin.state.due_soon": "Binnen 7 dagen",
  "rights-admin.days.overdue": "{days} dagen te laat",
  "rights-admin.days.overdue_one": "1 dag te laat",
  "rights-admin.days.overdue_today": "vandaag verstreken",
  "rights-admin.days.today": "vandaag",
  "rights-admin.days.left": "nog {days} dagen",
  "rights-admin.days.left_one": "nog 1 dag",
  "rights-admin.channel.portal": "portaal",
  "rights-admin.channel.email": "e-mail",
  "rights-admin.channel.phone": "telefoon",
  "rights-admin.channel.post": "post",
  "rights-admin.method.email_link": "e-mailadres bevestigd via de link in de mail",
  "rights-admin.method.id_copy": "kopie van het identiteitsbewijs gecontroleerd",
  "rights-admin.method.known_customer": "gekende klant",
  "rights-admin.method.in_person": "persoonlijk gezien",
  "rights-admin.right.with_purpose": "{right}: {purpose}",
  "rights-admin.right.to_self": "{right} naar de persoon zelf",
  "rights-admin.right.to_organisation": "{right} naar {name} ({email})",
  "rights-admin.right.to_organisation_erased":
    "{right} naar een andere organisatie (gegevens gewist)",
  "rights-admin.field.status": "Status",
  "rights-admin.field.channel": "Ontvangen via",
  "rights-admin.field.locale": "Taal van de persoon",
  "rights-admin.field.entered_by": "Ingevoerd door",
  "rights-admin.field.rights": "Gevraagde rechten",
  "rights-admin.field.email": "E-mailadres",
  "rights-admin.field.phone": "Telefoonnummer",
  "rights-admin.field.customer_number": "Klantnummer",
  "rights-admin.field.vat": "Btw-nummer",
  "rights-admin.field.description": "Omschrijving van het verzoek",
  "rights-admin.new.title": "Verzoek invoeren",
  "rights-admin.new.intro":
    "Voor een verzoek dat per e-mail, telefoon of post binnenkwam. Het telt als ontvangen vanaf nu, dus de termijn loopt. De persoon krijgt een bevestiging per e-mail, in de gekozen taal, met de referentie, de uiterste antwoorddatum en een link om het verzoek op te volgen.",
  "rights-admin.new.rights": "Gevraagde rechten",
  "rights-admin.new.objection": "Bezwaar tegen",
  "rights-admin.new.withdraw": "Toestemming intrekken voor",
  "rights-admin.new.portability": "Gegevensoverdracht naar",
  "rights-admin.new.portability_self": "de persoon zelf",
  "rights-admin.new.portability_organisation": "een andere organisatie",
  "rights-admin.new.person": "De persoon",
  "rights-admin.new.email_hint":
    "Verplicht: hierop krijgt de persoon de bevestiging en het antwoord.",
  "rights-admin.new.identifiers_hint":
    "Telefoon-, klant- en btw-nummer helpen andere gegevens van de persoon te vinden. Ze worden pas gekoppeld nadat de identiteit gecontroleerd is.",
  "rights-admin.new.errors": "Het verzoek is nog niet geregistreerd. Kijk deze velden na:",
  "rights-admin.new.submit": "Verzoek registreren en bevestiging sturen",
  "rights-admin.error.channel": "Kies hoe het verzoek binnenkwam.",
  "rights-admin.error.locale": "Kies de taal van de persoon.",
  "rights-admin.error.verification.method": "Kies hoe je de identiteit gecontroleerd hebt.",
  "rights-admin.error.verification.already_decided":
    "Over de identiteit werd al beslist; de beslissing kan niet opnieuw genomen worden.",
  "rights-admin.error.verification.no_id_copy":
    "Er is geen kopie van het identiteitsbewijs om op te steunen. Kies een andere manier.",
  "rights-admin.error.verification.no_email_link":
    "Dit verzoek kwam niet via het portaal: het e-mailadres werd niet via een link bevestigd.",
  "rights-admin.error.verification.no_reason":
    "Geef de reden van de weigering (hoogstens 2000 tekens): de persoon krijgt ze te lezen.",
  "rights-admin.error.extension.months_out_of_range": "Verlengen kan met 1 of 2 maanden.",
  "rights-admin.error.extension.after_deadline":
    "De termijn is al verstreken: verlengen kan alleen vóór de oorspronkelijke uiterste datum.",
  "rights-admin.error.extension.already_extended":
    "De termijn werd al verlengd; dat kan maar één keer.",
  "rights-admin.error.extension.closed":
    "Dit verzoek is afgehandeld; er is geen termijn meer om te verlengen.",
  "rights-admin.error.extension.no_reason":
    "Geef de reden van de verlenging (hoogstens 2000 tekens): de persoon krijgt ze te lezen.",
  "rights-admin.error.extension.no_address":
    "Het e-mailadres van de persoon is gewist, dus kunnen we de verlenging niet meedelen.",
  "rights-admin.error.subjects.not_linkable":
    "Koppelen kan alleen nadat de identiteit gecontroleerd is en zolang het verzoek niet beantwoord is.",
  "rights-admin.error.subjects.not_suggested":
    "Deze betrokkene is geen suggestie voor dit verzoek en kan niet gekoppeld worden.",
  "rights-admin.error.subjects.not_linked": "Deze betrokkene is niet gekoppeld aan dit verzoek.",
  "rights-admin.done.created": "Het verzoek is geregistreerd en de persoon kreeg een bevestiging.",
  "rights-admin.done.verified":
    "De identiteit is gecontroleerd. Een eventuele kopie van het identiteitsbewijs is vernietigd.",
  "rights-admin.done.refused":
    "Het verzoek is geweigerd en de persoon kreeg de reden. Een eventuele kopie van het identiteitsbewijs is vernietigd.",
  "rights-admin.done.extended":
    "De termijn is verlengd en de persoon kreeg de nieuwe datum en de reden.",
  "rights-admin.done.linked": "De betrokkene is gekoppeld aan dit verzoek.",
  "rights-admin.done.unlinked": "De betrokkene is niet langer gekoppeld aan dit verzoek.",
  "rights-admin.request.title": "Verzoek {reference}",
  "rights-admin.request.read_logged":
    "Dit verzoek bevat persoonsgegevens; dat je het bekijkt, staat in het auditlog.",
  "rights-admin.request.by_person": "de persoon zelf, via het portaal",
  "rights-admin.request.person": "Gegevens van de aanvrager",
  "rights-admin.deadline.title": "Termijn",
  "rights-admin.deadline.original": "Antwoord uiterlijk",
  "rights-admin.deadline.extended_until": "Verlengd tot",
  "rights-admin.deadline.extension_reason": "Reden van de verlenging",
  "rights-admin.deadline.state": "Stand",
  "rights-admin.deadline.rule":
    "De termijn is {days} dagen na ontvangst, of één kalendermaand als die korter is. Verlengen kan één keer, met 1 of 2 maanden, vóór de termijn verstrijkt; de persoon krijgt de reden en de nieuwe datum per e-mail.",
  "rights-admin.extension.title": "Termijn verlengen",
  "rights-admin.extension.months": "Verlengen met",
  "rights-admin.extension.month_one": "1 maand",
  "rights-admin.extension.month_other": "{months} maanden",
  "rights-admin.extension.reason": "Reden",
  "rights-admin.extension.hint":
    "De persoon krijgt deze reden letterlijk te lezen, in een e-mail met de nieuwe datum. Vermeld geen gegevens van anderen.",
  "rights-admin.extension.submit": "Verlengen en de persoon verwittigen",
  "rights-admin.extension.already": "De termijn werd al verlengd; dat kan maar één keer.",
  "rights-admin.extension.too_late":
    "De oorspronkelijke termijn is verstreken: verlengen kon alleen ervoor.",
  "rights-admin.timeline.title": "Verloop",
  "rights-admin.timeline.created": "aangemaakt",
  "rights-admin.timeline.received": "ontvangen, de termijn loopt",
  "rights-admin.timeline.verified": "identiteit gecontroleerd",
  "rights-admin.timeline.answered": "beantwoord",
  "rights-admin.timeline.refused": "geweigerd",
  "rights-admin.timeline.extended": "Termijn verlengd tot",
  "rights-admin.identity.title": "Identiteit",
  "rights-admin.identity.so_far_portal":
    "Het verzoek kwam via het portaal: de persoon bevestigde het e-mailadres via de link in de mail.",
  "rights-admin.identity.so_far_staff":
    "Het verzoek werd door een medewerker ingevoerd: de identiteit is nog niet gecontroleerd.",
  "rights-admin.identity.verified": "Gecontroleerd ({method}) door {staff} op",
  "rights-admin.identity.refused": "Geweigerd door {staff} op",
  "rights-admin.identity.copy_required":
    "Het privacybeleid vraagt voor dit verzoek een kopie van de voorzijde van het identiteitsbewijs, met kaartnummer en pasfoto zwart gemaakt.",
  "rights-admin.identity.copy_missing":
    "Er werd geen kopie opgeladen. Je kan de identiteit ook op een andere manier vaststellen, bijvoorbeeld omdat je de persoon als klant kent of persoonlijk zag; je beslissing wordt met je naam bewaard.",
  "rights-admin.identity.copy_alt": "Kopie van het identiteitsbewijs bij verzoek {reference}",
  "rights-admin.identity.copy_uploaded": "Opgeladen op",
  "rights-admin.identity.copy_destroyed_after":
    "de kopie wordt vernietigd zodra je hieronder beslist, en uiterlijk 30 dagen na het opladen.",
  "rights-admin.identity.verify": "Identiteit bevestigen",
  "rights-admin.identity.method": "Hoe heb je de identiteit vastgesteld?",
  "rights-admin.identity.verify_submit": "Identiteit bevestigen",
  "rights-admin.identity.refuse": "Verzoek weigeren",
  "rights-admin.identity.reason": "Reden van de weigering",
  "rights-admin.identity.refuse_hint":
    "De persoon krijgt deze reden letterlijk te lezen, samen met hoe een klacht in te dienen bij de toezichthoudende autoriteit.",
  "rights-admin.identity.refuse_submit": "Weigeren en de persoon verwittigen",
  "rights-admin.subjects.title": "Over wie gaat het?",
  "rights-admin.subjects.own": "Gevonden via het e-mailadres",
  "rights-admin.subjects.own_erased": "De betrokkene van dit verzoek is niet meer gekend.",
  "rights-admin.subjects.open": "Betrokkene {subject} bekijken",
  "rights-admin.subjects.nothing": "Geen gegevens over deze betrokkene.",
  "rights-admin.subjects.count": "{type}: {count}",
  "rights-admin.subjects.linked": "Gekoppeld aan dit verzoek",
  "rights-admin.subjects.suggestions": "Suggesties",
  "rights-admin.subjects.why_suggestions":
    "Op basis van het telefoon-, btw- of klantnummer uit het verzoek. Dit zijn alleen suggesties: iedereen kan een nummer intypen, dus een overeenkomst bewijst niet dat het om dezelfde persoon gaat. Koppel pas na controle; elke stap van het verzoek geldt dan ook voor de gekoppelde gegevens.",
  "rights-admin.subjects.link_after_verification":
    "Koppelen kan pas nadat de identiteit gecontroleerd is, en niet meer na het antwoord.",
  "rights-admin.subjects.no_suggestions": "Geen suggesties.",
  "rights-admin.subjects.found_by": "Gevonden via: {identifiers}",
  "rights-admin.subjects.source.phone": "telefoonnummer",
  "rights-admin.subjects.source.vat": "btw-nummer",
  "rights-admin.subjects.source.customer_number": "klantnummer",
  "rights-admin.subjects.link": "Koppelen aan dit verzoek",
  "rights-admin.subjects.unlink": "Ontkoppelen",
  "rights-admin.mail.greeting": "Beste,",
  "rights-admin.mail.signature": "Met vriendelijke groeten,\n{organisation}",
  "rights-admin.mail.status_link": "Hier volg je je verzoek op:\n{link}",
  "rights-admin.mail.received.subject": "We ontvingen je verzoek {reference}",
  "rights-admin.mail.received.body":
    "We ontvingen je verzoek over je persoonsgegevens. Je referentie is {reference}. We antwoorden zo snel mogelijk, en uiterlijk op {deadline}.",
  "rights-admin.mail.received.id_copy":
    "{instructions} Je kan de kopie opladen via de link hierboven.",
  "rights-admin.mail.refused.subject": "Je verzoek {reference} werd geweigerd",
  "rights-admin.mail.refused.body":
    "We kunnen je verzoek {reference} over je persoonsgegevens niet uitvoeren. De reden:",
  "rights-admin.mail.refused.complaint":
    "Ben je het daar niet mee eens, dan kan je een klacht indienen bij de toezichthoudende autoriteit:",
  "rights-admin.mail.extended.subject": "Je verzoek {reference}: we hebben meer tijd nodig",
  "rights-admin.mail.extended.body":
    "We hebben meer tijd nodig om je verzoek {reference} te beantwoorden. We antwoorden nu uiterlijk op {until}.",
  "rights-admin.mail.extended.reason": "De reden:",
  "rights-admin.mail.extended.law":
    "De AVG (artikel 12, lid 3) laat toe de termijn met hoogstens twee maanden te verlengen als een verzoek complex is of als we veel verzoeken ontvangen.",
  "rights-admin.mail.reminder.subject":
    "Verzoeken over persoonsgegevens: {overdue} te laat, {dueSoon} binnen 7 dagen",
  "rights-admin.mail.reminder.body":
    "Deze verzoeken moeten binnenkort beantwoord zijn, of zijn al te laat:",
  "rights-admin.mail.reminder.line": "{reference}: antwoord uiterlijk {deadline} ({state})\n{link}",
  "rights-admin.mail.reminder.queue": "Alle open verzoeken: {link}",
} as const;
