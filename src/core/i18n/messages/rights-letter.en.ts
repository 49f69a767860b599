import type { rightsLetterNl } from "./rights-letter.nl.ts";

export const rightsLetterEn: Record<keyof typeof rightsLetterNl, string> = {
  "rights-letter.title": "Reply to your request about your personal data",
  "rights-letter.reference": "Reference: {reference}",
  "rights-letter.date": "Date: {date}",
  "rights-letter.greeting": "Dear Sir or Madam,",
  "rights-letter.intro":
    "On {received} we received your request about your personal data. You asked for: {rights}. Below you can read what we did.",
  "rights-letter.section.access": "Access to your data:",
  "rights-letter.section.rectification": "Rectification of your data:",
  "rights-letter.section.erasure": "Erasure of your data:",
  "rights-letter.section.restriction": "Restriction of processing:",
  "rights-letter.section.objection": "Objection to the processing ({purpose}):",
  "rights-letter.section.objection.all":
    "Objection to the processing based on our legitimate interests:",
  "rights-letter.section.withdraw_consent": "Withdrawal of your consent ({purpose}):",
  "rights-letter.section.withdraw_consent.all": "Withdrawal of your consent:",
  "rights-letter.section.portability.self": "Transfer of your data to yourself:",
  "rights-letter.section.portability.organisation": "Transfer of your data to {organisation}:",
  "rights-letter.organisation.unnamed": "the organisation you named",
  "rights-letter.pending": "- This step has not been carried out yet.",
  "rights-letter.nothing_held": "- We hold no data about you for this.",
  "rights-letter.unsubscribed": "- We unsubscribed you from all our newsletters.",
  "rights-letter.erased": "- Erased: {types}.",
  "rights-letter.erasure.nothing": "- We found no other data about you to erase.",
  "rights-letter.erasure.proof":
    "- We do keep the proof of this request itself: see further in this letter.",
  "rights-letter.kept.legal_obligation":
    "- Kept: {types}. The law requires us to keep this data until {until} ({reference}). Until then we use it only for that; afterwards we erase it.",
  "rights-letter.kept.legal_obligation.open":
    "- Kept: {types}. The law requires us to keep this data ({reference}); the legal period only starts once the order is completed. We use it only for that.",
  "rights-letter.kept.legal_hold":
    "- Kept: {types}. A legal procedure requires us to keep this data for now; we use it for nothing else.",
  "rights-letter.kept.legal_hold.until":
    "- Kept: {types}. A legal procedure requires us to keep this data until {until}; we use it for nothing else.",
  "rights-letter.kept.running_agreement":
    "- Kept: {types}, for as long as you have a running agreement with us. Afterwards we erase it as our privacy statement describes.",
  "rights-letter.law": "legal retention obligation",
  "rights-letter.exported":
    "- We gathered your data in a download package: a readable report (PDF and HTML) and a ZIP file with your data in JSON and CSV. It contains: {types}.",
  "rights-letter.exported.mailed":
    "- We mailed you the download link separately on {date}; it works until {expiry}.",
  "rights-letter.exported.sent":
    "- We sent the download link to {organisation} on {date}; it works until {expiry}.",
  "rights-letter.exported.gone":
    "- With the erasure of your data on {date}, the download package was erased too.",
  "rights-letter.rectified": '- {type}, {field}: "{before}" became "{after}".',
  "rights-letter.rectified.unreadable":
    "- {type}, {field}: changed (the values have since been erased).",
  "rights-letter.rectified.none": "- We found no data that needed to be changed.",
  "rights-letter.restricted": "- We no longer process this data, other than keeping it: {types}.",
  "rights-letter.stopped": "- We no longer process this data for this purpose: {types}.",
  "rights-letter.processing_stopped":
    "- Since {date} we no longer process your data for this: {purposes}.",
  "rights-letter.objection.erased":
    "- Erased, because we kept it only for as long as you did not object: {types}.",
  "rights-letter.not_applicable.objection":
    "- {purpose}: this processing is not based on our legitimate interests but on {basis}. An objection (Article 21 GDPR) does not apply to it; we keep using this data as our privacy statement describes.",
  "rights-letter.not_applicable.withdraw_consent":
    "- {purpose}: this processing is not based on your consent but on {basis}, so there is no consent to withdraw.",
  "rights-letter.basis.consent": "your consent",
  "rights-letter.basis.contract": "a contract with you",
  "rights-letter.basis.legal_obligation": "a legal obligation",
  "rights-letter.basis.vital_interests": "your vital interests",
  "rights-letter.basis.public_task": "a task in the public interest",
  "rights-letter.basis.legitimate_interests": "our legitimate interests",
  "rights-letter.answered": "We answered your request on {date}.",
  "rights-letter.proof": "Proof of your request:",
  "rights-letter.complaint":
    "Do you disagree with our answer? Then you can lodge a complaint with the supervisory authority:",
  "rights-letter.complaint.email": "E-mail: {email}",
  "rights-letter.closing": "Kind regards,",
  "rights-letter.contact": "Questions about this answer? Mail us at {email}.",
  "rights-letter.pdf.enterprise": "Enterprise number {number}",
  "rights-letter.pdf.page": "Page {page} of {pages}",
  "rights-letter.pdf.filename": "reply-{reference}.pdf",
  "rights-letter.mail.export.subject": "Your data is ready ({reference})",
  "rights-letter.mail.export.body":
    "Dear Sir or Madam,\n\nYou made a request to {organisation} about your personal data ({right}, request {reference}). Your data is ready to download:\n\n{links}\n\nThe link works until {expiry}. It is personal: do not forward it. Our answer to your request follows in a separate letter.\n\nKind regards,\n{organisation}",
  "rights-letter.mail.transfer.subject":
    "Data transfer at the request of a data subject ({reference})",
  "rights-letter.mail.transfer.body":
    "Dear Sir or Madam,\n\nA person whose data {organisation} processes asked us to transfer that data to {recipient} (Article 20 GDPR, reference {reference}). The file is ready to download:\n\n{links}\n\nThe link works until {expiry}. The package holds a readable report and a ZIP file with the data in JSON and CSV (manifest.json describes its contents). Questions about this transfer? Mail {privacyEmail} with the reference.\n\nKind regards,\n{organisation}",
  "rights-letter.mail.answer.subject": "Reply to your request {reference}",
  "rights-letter.mail.answer.body":
    "{letter}\n\nYou will also find this letter as a PDF attached. View your request: {statusUrl}",
  "rights-letter.panel.title": "Execution",
  "rights-letter.panel.intro":
    "For each right asked: what it does to the data we hold about this person. Execute each step once; the reply letter follows from the results.",
  "rights-letter.panel.plan": "What {right} does",
  "rights-letter.panel.column.type": "Kind of data",
  "rights-letter.panel.column.count": "Number",
  "rights-letter.panel.column.effect": "What happens and why",
  "rights-letter.panel.nothing": "We hold nothing about this person that this step acts on.",
  "rights-letter.panel.execute": "Execute {right}",
  "rights-letter.panel.done": "Executed on {date}.",
  "rights-letter.panel.to_organisation": "To {organisation} ({email}).",
  "rights-letter.panel.no_recipient":
    "No receiving organisation is known; this step cannot be executed.",
  "rights-letter.panel.not_applicable":
    "Does not apply to {purpose}: the legal basis is {basis}. The letter explains this.",
  "rights-letter.panel.package_warning":
    "Note: an erasure also deletes this person's download packages, and {count} package(s) of this request have not been downloaded yet.",
  "rights-letter.panel.effect.erase": "{count} erased",
  "rights-letter.panel.effect.keep.legal_obligation":
    "{count} kept until {until}: legal obligation ({reference}); restricted to that use",
  "rights-letter.panel.effect.keep.legal_obligation.open":
    "{count} kept: legal obligation ({reference}), the period has not started yet; restricted to that use",
  "rights-letter.panel.effect.keep.legal_hold": "{count} kept: legal hold",
  "rights-letter.panel.effect.keep.running_agreement": "{count} kept: running agreement",
  "rights-letter.panel.effect.keep.request_proof": "{count} kept: proof of this request",
  "rights-letter.panel.effect.destroy_on_answer": "{count} destroyed with the answer",
  "rights-letter.panel.effect.export": "{count} in the package",
  "rights-letter.panel.effect.restrict": "{count} restricted: only kept",
  "rights-letter.panel.effect.stop": "{count}: processing for this purpose stops",
  "rights-letter.panel.effect.unsubscribe": "{count}: unsubscribed, processing stops",
  "rights-letter.panel.effect.rectify": "{count} record(s), {fields} editable fields",
  "rights-letter.panel.result.erased": "{count} erased",
  "rights-letter.panel.result.kept": "{count} kept",
  "rights-letter.panel.result.restricted": "{count} restricted",
  "rights-letter.panel.result.exported": "{count} in the package",
  "rights-letter.panel.result.unsubscribed": "{count} unsubscribed",
  "rights-letter.panel.result.rectified": "{count} field(s) changed",
  "rights-letter.panel.results": "Result",
  "rights-letter.panel.no_results": "Nothing changed.",
  "rights-letter.panel.package": "Package made, link valid until {expiry}.",
  "rights-letter.panel.transferred": "Link sent to the organisation on {date}.",
  "rights-letter.panel.rectify.title": "Rectification",
  "rights-letter.panel.rectify.intro":
    "Enter the values asked for. Only changed fields are updated; the old and new values go encrypted into the audit log and the letter.",
  "rights-letter.panel.rectify.caption": "Editable fields of this person",
  "rights-letter.panel.rectify.record": "Data",
  "rights-letter.panel.rectify.value": "Value",
  "rights-letter.panel.rectify.none": "There are no editable fields.",
  "rights-letter.panel.rectify.submit": "Apply the corrections",
  "rights-letter.panel.letter.preview": "Preview of the reply letter ({language})",
  "rights-letter.panel.letter.sent": "Reply letter sent ({language})",
  "rights-letter.panel.answer.pending":
    "Execute every step first; then you can send the answer ({count} open).",
  "rights-letter.panel.answer.explain":
    "Sending stores the letter encrypted, reduces the request to its proof, destroys any copy of the ID document and mails the letter to the person with the PDF attached.",
  "rights-letter.panel.answer.submit": "Send the answer",
  "rights-letter.panel.answered": "Answered on {date}.",
};
