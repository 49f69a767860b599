import type { rightsPortalNl } from "./rights-portal.nl.ts";

export const rightsPortalEn: Record<keyof typeof rightsPortalNl, string> = {
  "rights-portal.status.unconfirmed": "waiting for you to confirm your e-mail address",
  "rights-portal.status.received": "received",
  "rights-portal.status.verified": "identity checked",
  "rights-portal.status.in_progress": "in progress",
  "rights-portal.status.answered": "answered",
  "rights-portal.status.refused": "refused",
  "rights-portal.right.access": "access",
  "rights-portal.right.rectification": "rectification",
  "rights-portal.right.erasure": "erasure",
  "rights-portal.right.restriction": "restriction of processing",
  "rights-portal.right.objection": "objection",
  "rights-portal.right.withdraw_consent": "withdrawal of consent",
  "rights-portal.right.portability": "data portability",

  "rights-portal.portability.self": "to myself",
  "rights-portal.portability.organisation": "to an organisation I name",
  "rights-portal.home": "To the home page",

  "rights-portal.form.title": "See, correct or delete your data",
  "rights-portal.form.by_mail": "Prefer e-mail? Show our e-mail address",
  "rights-portal.form.by_mail.text": "You can also e-mail your request to",
  "rights-portal.form.steps": "How it works",
  "rights-portal.form.step.confirm":
    "You get an e-mail with a link to confirm that you sent the request. The link works for {days} days.",
  "rights-portal.form.step.id_copy":
    "For {rights} we then also ask a copy of the front of your ID document, which you upload on your request's page.",
  "rights-portal.form.step.answer":
    "We answer as soon as possible, and at the latest {days} days after you confirmed your request.",
  "rights-portal.form.errors": "Your request has not been sent yet. Please check these fields:",
  "rights-portal.form.error.automated":
    "Your request was not sent because it looked filled in automatically. Please try again, or e-mail us.",
  "rights-portal.form.error.expired":
    "This form was open for too long. Check your details and send it again.",
  "rights-portal.form.rights": "What do you want to ask? Choose one or more rights.",
  "rights-portal.form.hint.access":
    "You get an overview and a copy of all the data we keep about you, why and for how long.",
  "rights-portal.form.hint.rectification":
    "We correct data that is wrong. Write below what is wrong and what it should be.",
  "rights-portal.form.hint.erasure":
    "We delete your data, except what the law obliges us to keep (such as invoices); then we tell you why and until when.",
  "rights-portal.form.hint.restriction":
    "We keep your data but no longer use it, for example while we check a correction.",
  "rights-portal.form.hint.objection":
    "You object to processing we do on the basis of our legitimate interest.",
  "rights-portal.form.hint.withdraw_consent":
    "You withdraw a consent you gave us, for example for the newsletter.",
  "rights-portal.form.hint.portability":
    "You get your data in a computer file, or we send it to an organisation you name.",
  "rights-portal.form.objection_purpose": "Which processing do you object to?",
  "rights-portal.form.withdraw_purpose": "Which consent do you withdraw?",
  "rights-portal.form.choose_purpose": "Choose a processing",
  "rights-portal.form.portability_to": "Who should we send the file to?",
  "rights-portal.form.recipient_name": "Name of the organisation",
  "rights-portal.form.recipient_email": "E-mail address of the organisation",
  "rights-portal.form.description": "Describe your request",
  "rights-portal.form.description.hint":
    "For a correction: what is wrong, and what should it be? Do not mention sensitive data we do not need.",
  "rights-portal.form.identity": "How do we know you?",
  "rights-portal.form.email": "E-mail address",
  "rights-portal.form.email.hint":
    "The address we know you by. We send the confirmation link and our answer there.",
  "rights-portal.form.phone": "Phone number (optional)",
  "rights-portal.form.customer_number": "Customer number (optional)",
  "rights-portal.form.customer_number.hint": "As on your invoices, for example K-4M8T2Z.",
  "rights-portal.form.vat": "VAT number (optional)",
  "rights-portal.form.honeypot": "Leave this field empty",
  "rights-portal.form.notice":
    "We use what you fill in here only to handle your request and to prove that we did.",
  "rights-portal.form.notice.privacy": "Read our privacy statement.",
  "rights-portal.form.submit": "Send request",

  "rights-portal.error.rights": "Choose at least one right.",
  "rights-portal.error.objectionPurpose": "Choose which processing you object to.",
  "rights-portal.error.withdrawPurpose": "Choose which consent you withdraw.",
  "rights-portal.error.portabilityTo": "Choose who we send the file to.",
  "rights-portal.error.recipientName":
    "Enter the name of the organisation (at most 200 characters).",
  "rights-portal.error.recipientEmail": "Enter a valid e-mail address of the organisation.",
  "rights-portal.error.description": "Your description may be at most 5000 characters long.",
  "rights-portal.error.description.rectification":
    "For a correction, write what is wrong and what it should be.",
  "rights-portal.error.email": "Enter a valid e-mail address.",
  "rights-portal.error.phone": "This phone number is not valid. Leave it empty if in doubt.",
  "rights-portal.error.customerNumber":
    "This customer number is not valid: it looks like K-4M8T2Z. Leave it empty if in doubt.",
  "rights-portal.error.vat": "This VAT number is not valid, for example BE0123456749.",

  "rights-portal.check.title": "Check your mailbox",
  "rights-portal.check.body":
    "We sent an e-mail to the address you gave. Click the link in it to confirm that you sent this request. The link works for {days} days.",
  "rights-portal.check.nothing":
    "No e-mail? Also look in your spam folder. Without confirmation we do nothing with the request.",

  "rights-portal.confirm.title": "Confirm your request",
  "rights-portal.confirm.intro":
    "Confirm that you sent this request about your data. Only then does the period within which we answer start.",
  "rights-portal.confirm.submit": "Yes, I sent this request",

  "rights-portal.link.expired.title": "This link has expired",
  "rights-portal.link.expired":
    "A request that is not confirmed within {days} days lapses. Nothing was done with it. Feel free to send your request again.",
  "rights-portal.link.invalid.title": "This link does not work",
  "rights-portal.link.invalid":
    "This confirmation link does not exist or was already used. Did you confirm already? Then follow your request through the link in the e-mail you got afterwards.",
  "rights-portal.link.status.title": "This page does not exist",
  "rights-portal.link.status":
    "This link to a request is not right. Use the complete link from our e-mail.",
  "rights-portal.link.again": "Send a new request",

  "rights-portal.page.title": "Your request {reference}",
  "rights-portal.page.private":
    "This page is for you only: whoever has the link can see it. Do not share it.",
  "rights-portal.page.asked": "What you asked",
  "rights-portal.page.received_on": "Received on",
  "rights-portal.page.deadline": "We answer at the latest on",
  "rights-portal.page.extended": "We have extended the period. The reason:",
  "rights-portal.page.extended.no_reason": "your request takes more work than usual.",
  "rights-portal.page.progress": "Where does your request stand?",
  "rights-portal.page.done": "done",
  "rights-portal.page.to_come": "not yet",
  "rights-portal.page.refused": "We refused your request",
  "rights-portal.page.refused.no_reason": "We sent you the reason by e-mail.",
  "rights-portal.page.answer": "Our answer",
  "rights-portal.page.answered_on": "Answered on",
  "rights-portal.page.letter_pdf": "Our answer as a PDF",
  "rights-portal.page.downloads": "Download your data",
  "rights-portal.page.downloads.intro":
    "Each click makes a new download link; an earlier link then stops working.",
  "rights-portal.page.download": "Download your data ({right})",
  "rights-portal.page.download.until": "available until",
  "rights-portal.page.complaint": "Not satisfied?",
  "rights-portal.page.complaint.text":
    "If you feel we are not helping you properly, you can lodge a complaint with the {authority}.",

  "rights-portal.id.title": "Copy of your ID document",
  "rights-portal.id.uploaded": "Uploaded on",
  "rights-portal.id.uploaded.check":
    "We will check it and let you know when your identity has been verified. You can still upload another copy below.",
  "rights-portal.id.picture":
    "Example: the front of an ID card with the photo and the card number blacked out.",
  "rights-portal.id.picture.photo": "photo",
  "rights-portal.id.picture.number": "card number",
  "rights-portal.id.picture.caption":
    "Black out the photo and the card number before you upload the copy.",
  "rights-portal.id.kept":
    "We use the copy only to check that it is you, and destroy it right after, at the latest 30 days after upload. You will not see it here again.",
  "rights-portal.id.file": "Photo or scan of the front",
  "rights-portal.id.hint": "A JPEG, PNG or WebP image of at most {mb} MB.",
  "rights-portal.id.submit": "Upload copy",
  "rights-portal.id.replace": "Upload another copy",
  "rights-portal.id.error.not_expected":
    "We do not need a copy of your ID document for this request (now).",
  "rights-portal.id.error.empty": "Choose a photo or scan of the front of your ID document.",
  "rights-portal.id.error.too_large":
    "This file is too large: the copy may be at most {mb} MB. Take a smaller picture.",
  "rights-portal.id.error.not_an_image":
    "This file is not an image: upload a photo or scan as JPEG, PNG or WebP.",

  "rights-portal.mail.confirm.subject": "Confirm your request about your data",
  "rights-portal.mail.confirm.body":
    "Hello,\n\nSomeone, hopefully you, asked the following through our website for the data linked to this e-mail address:\n{rights}\n\nPlease confirm it was you through this link. It works for {days} days:\n{link}\n\nDid you not ask anything? Then you need not do anything: without confirmation we do not handle the request, and we delete it after {days} days.\n\nKind regards,\n{organisation}",
  "rights-portal.mail.received.subject": "We received your request {reference}",
  "rights-portal.mail.received.body":
    "Hello,\n\nThank you for confirming. We received your request about your data; your reference is {reference}.\n\nYou asked:\n{rights}\n\nWe answer as soon as possible, and at the latest on {deadline}.\n\n{idCopy}Follow your request through this link. Keep it to yourself: whoever has it can see your request.\n{link}\n\nKind regards,\n{organisation}",
  "rights-portal.mail.received.id_copy":
    "For this request we also ask a copy of the front of your ID document, with the photo and the card number blacked out. Upload it through the link below; we start on your request as soon as we have verified your identity.",
};
