import type { rightsAdminNl } from "./rights-admin.nl.ts";

export const rightsAdminEn: Record<keyof typeof rightsAdminNl, string> = {
  "rights-admin.nav": "Requests",
  "rights-admin.back": "Back to the requests",
  "rights-admin.newest": "Newest",
  "rights-admin.older": "Older",
  "rights-admin.queue.title": "Requests about personal data",
  "rights-admin.queue.intro":
    "Open requests, the most urgent first. Whatever is overdue or due within 7 days is marked.",
  "rights-admin.queue.new": "Enter a request received by e-mail, phone or post",
  "rights-admin.queue.empty": "No requests to show.",
  "rights-admin.queue.table": "Requests",
  "rights-admin.queue.extended": "(extended)",
  "rights-admin.queue.truncated":
    "More than {count} requests are open; only the {count} most urgent are shown.",
  "rights-admin.filter.label": "Filter requests",
  "rights-admin.filter.status": "Status",
  "rights-admin.filter.open": "All open requests",
  "rights-admin.filter.reference": "Reference (exact)",
  "rights-admin.filter.submit": "Filter",
  "rights-admin.filter.clear": "Show all open requests",
  "rights-admin.col.reference": "Reference",
  "rights-admin.col.rights": "Asked",
  "rights-admin.col.channel": "Channel",
  "rights-admin.col.status": "Status",
  "rights-admin.col.received": "Received",
  "rights-admin.col.deadline": "Answer due",
  "rights-admin.col.days": "Deadline",
  "rights-admin.state.overdue": "Overdue",
  "rights-admin.state.due_soon": "Due within 7 days",
  "rights-admin.days.overdue": "{days} days overdue",
  "rights-admin.days.overdue_one": "1 day overdue",
  "rights-admin.days.overdue_today": "passed today",
  "rights-admin.days.today": "today",
  "rights-admin.days.left": "{days} days left",
  "rights-admin.days.left_one": "1 day left",
  "rights-admin.channel.portal": "portal",
  "rights-admin.channel.email": "e-mail",
  "rights-admin.channel.phone": "phone",
  "rights-admin.channel.post": "post",
  "rights-admin.method.email_link": "e-mail address confirmed through the link in the mail",
  "rights-admin.method.id_copy": "copy of the ID document checked",
  "rights-admin.method.known_customer": "known customer",
  "rights-admin.method.in_person": "seen in person",
  "rights-admin.right.with_purpose": "{right}: {purpose}",
  "rights-admin.right.to_self": "{right} to the person themselves",
  "rights-admin.right.to_organisation": "{right} to {name} ({email})",
  "rights-admin.right.to_organisation_erased": "{right} to another organisation (details erased)",
  "rights-admin.field.status": "Status",
  "rights-admin.field.channel": "Received by",
  "rights-admin.field.locale": "Language of the person",
  "rights-admin.field.entered_by": "Entered by",
  "rights-admin.field.rights": "Rights asked",
  "rights-admin.field.email": "E-mail address",
  "rights-admin.field.phone": "Phone number",
  "rights-admin.field.customer_number": "Customer number",
  "rights-admin.field.vat": "VAT number",
  "rights-admin.field.description": "Description of the request",
  "rights-admin.new.title": "Enter a request",
  "rights-admin.new.intro":
    "For a request received by e-mail, phone or post. It counts as received from now, so the deadline runs. The person gets a confirmation by e-mail, in the language chosen, with the reference, the answer date and a link to follow the request.",
  "rights-admin.new.rights": "Rights asked",
  "rights-admin.new.objection": "Objection to",
  "rights-admin.new.withdraw": "Withdraw consent for",
  "rights-admin.new.portability": "Data portability to",
  "rights-admin.new.portability_self": "the person themselves",
  "rights-admin.new.portability_organisation": "another organisation",
  "rights-admin.new.person": "The person",
  "rights-admin.new.email_hint":
    "Required: the person gets the confirmation and the answer at this address.",
  "rights-admin.new.identifiers_hint":
    "Phone, customer and VAT numbers help find the person's other data. They are linked only after identity has been verified.",
  "rights-admin.new.errors": "The request has not been recorded yet. Please check these fields:",
  "rights-admin.new.submit": "Record the request and send the confirmation",
  "rights-admin.error.channel": "Choose how the request was received.",
  "rights-admin.error.locale": "Choose the person's language.",
  "rights-admin.error.verification.method": "Choose how you verified the identity.",
  "rights-admin.error.verification.already_decided":
    "Identity has already been decided on; the decision cannot be taken again.",
  "rights-admin.error.verification.no_id_copy":
    "There is no copy of an ID document to rely on. Choose another way.",
  "rights-admin.error.verification.no_email_link":
    "This request did not come through the portal: its e-mail address was not confirmed by a link.",
  "rights-admin.error.verification.no_reason":
    "Give the reason for the refusal (at most 2000 characters): the person will read it.",
  "rights-admin.error.extension.months_out_of_range": "The extension is 1 or 2 months.",
  "rights-admin.error.extension.after_deadline":
    "The deadline has passed: an extension is only possible before the original date.",
  "rights-admin.error.extension.already_extended":
    "The deadline was extended already; that is possible once.",
  "rights-admin.error.extension.closed":
    "This request is closed; there is no deadline left to extend.",
  "rights-admin.error.extension.no_reason":
    "Give the reason for the extension (at most 2000 characters): the person will read it.",
  "rights-admin.error.extension.no_address":
    "The person's e-mail address was erased, so the extension cannot be told to them.",
  "rights-admin.error.subjects.not_linkable":
    "Linking is only possible after identity has been verified and before the request is answered.",
  "rights-admin.error.subjects.not_suggested":
    "This subject is not a suggestion for this request and cannot be linked.",
  "rights-admin.error.subjects.not_linked": "This subject is not linked to this request.",
  "rights-admin.done.created": "The request is recorded and the person got a confirmation.",
  "rights-admin.done.verified":
    "Identity is verified. Any copy of an ID document has been destroyed.",
  "rights-admin.done.refused":
    "The request is refused and the person got the reason. Any copy of an ID document has been destroyed.",
  "rights-admin.done.extended":
    "The deadline is extended and the person got the new date and the reason.",
  "rights-admin.done.linked": "The subject is linked to this request.",
  "rights-admin.done.unlinked": "The subject is no longer linked to this request.",
  "rights-admin.request.title": "Request {reference}",
  "rights-admin.request.read_logged":
    "This request holds personal data; your viewing it is recorded in the audit log.",
  "rights-admin.request.by_person": "the person, through the portal",
  "rights-admin.request.person": "The requester's details",
  "rights-admin.deadline.title": "Deadline",
  "rights-admin.deadline.original": "Answer due",
  "rights-admin.deadline.extended_until": "Extended until",
  "rights-admin.deadline.extension_reason": "Reason for the extension",
  "rights-admin.deadline.state": "Standing",
  "rights-admin.deadline.rule":
    "The deadline is {days} days after receipt, or one calendar month when that is shorter. It can be extended once, by 1 or 2 months, before it passes; the person gets the reason and the new date by e-mail.",
  "rights-admin.extension.title": "Extend the deadline",
  "rights-admin.extension.months": "Extend by",
  "rights-admin.extension.month_one": "1 month",
  "rights-admin.extension.month_other": "{months} months",
  "rights-admin.extension.reason": "Reason",
  "rights-admin.extension.hint":
    "The person reads this reason as written, in an e-mail with the new date. Mention nobody else's data.",
  "rights-admin.extension.submit": "Extend and tell the person",
  "rights-admin.extension.already": "The deadline was extended already; that is possible once.",
  "rights-admin.extension.too_late":
    "The original deadline has passed: an extension was only possible before it.",
  "rights-admin.timeline.title": "History",
  "rights-admin.timeline.created": "created",
  "rights-admin.timeline.received": "received, the deadline runs",
  "rights-admin.timeline.verified": "identity verified",
  "rights-admin.timeline.answered": "answered",
  "rights-admin.timeline.refused": "refused",
  "rights-admin.timeline.extended": "Deadline extended until",
  "rights-admin.identity.title": "Identity",
  "rights-admin.identity.so_far_portal":
    "The request came through the portal: the person confirmed the e-mail address through the link in the mail.",
  "rights-admin.identity.so_far_staff":
    "The request was entered by staff: identity has not been verified yet.",
  "rights-admin.identity.verified": "Verified ({method}) by {staff} on",
  "rights-admin.identity.refused": "Refused by {staff} on",
  "rights-admin.identity.copy_required":
    "The privacy policy asks for a copy of the front of an ID document for this request, with the card number and photo blacked out.",
  "rights-admin.identity.copy_missing":
    "No copy was uploaded. You can establish identity another way, for example because you know the person as a customer or saw them in person; your decision is kept with your name.",
  "rights-admin.identity.copy_alt": "Copy of the ID document for request {reference}",
  "rights-admin.identity.copy_uploaded": "Uploaded on",
  "rights-admin.identity.copy_destroyed_after":
    "the copy is destroyed as soon as you decide below, and at the latest 30 days after upload.",
  "rights-admin.identity.verify": "Confirm identity",
  "rights-admin.identity.method": "How did you establish identity?",
  "rights-admin.identity.verify_submit": "Confirm identity",
  "rights-admin.identity.refuse": "Refuse the request",
  "rights-admin.identity.reason": "Reason for the refusal",
  "rights-admin.identity.refuse_hint":
    "The person reads this reason as written, with how to complain to the supervisory authority.",
  "rights-admin.identity.refuse_submit": "Refuse and tell the person",
  "rights-admin.subjects.title": "Who is it about?",
  "rights-admin.subjects.own": "Found through the e-mail address",
  "rights-admin.subjects.own_erased": "The subject of this request is no longer known.",
  "rights-admin.subjects.open": "View subject {subject}",
  "rights-admin.subjects.nothing": "No data about this subject.",
  "rights-admin.subjects.count": "{type}: {count}",
  "rights-admin.subjects.linked": "Linked to this request",
  "rights-admin.subjects.suggestions": "Suggestions",
  "rights-admin.subjects.why_suggestions":
    "From the phone, VAT or customer number in the request. These are only suggestions: anyone can type a number, so a match does not prove it is the same person. Link only after checking; every step of the request then acts on the linked data too.",
  "rights-admin.subjects.link_after_verification":
    "Linking is possible only after identity has been verified, and no longer after the answer.",
  "rights-admin.subjects.no_suggestions": "No suggestions.",
  "rights-admin.subjects.found_by": "Found through: {identifiers}",
  "rights-admin.subjects.source.phone": "phone number",
  "rights-admin.subjects.source.vat": "VAT number",
  "rights-admin.subjects.source.customer_number": "customer number",
  "rights-admin.subjects.link": "Link to this request",
  "rights-admin.subjects.unlink": "Unlink",
  "rights-admin.mail.greeting": "Hello,",
  "rights-admin.mail.signature": "Kind regards,\n{organisation}",
  "rights-admin.mail.status_link": "Follow your request here:\n{link}",
  "rights-admin.mail.received.subject": "We received your request {reference}",
  "rights-admin.mail.received.body":
    "We received your request about your personal data. Your reference is {reference}. We will answer as soon as possible, and by {deadline} at the latest.",
  "rights-admin.mail.received.id_copy":
    "{instructions} You can upload the copy through the link above.",
  "rights-admin.mail.refused.subject": "Your request {reference} was refused",
  "rights-admin.mail.refused.body":
    "We cannot carry out your request {reference} about your personal data. The reason:",
  "rights-admin.mail.refused.complaint":
    "If you disagree, you can lodge a complaint with the supervisory authority:",
  "rights-admin.mail.extended.subject": "Your request {reference}: we need more time",
  "rights-admin.mail.extended.body":
    "We need more time to answer your request {reference}. We will now answer by {until} at the latest.",
  "rights-admin.mail.extended.reason": "The reason:",
  "rights-admin.mail.extended.law":
    "The GDPR (Article 12(3)) allows the deadline to be extended by at most two months when a request is complex or we receive many requests.",
  "rights-admin.mail.reminder.subject":
    "Requests about personal data: {overdue} overdue, {dueSoon} due within 7 days",
  "rights-admin.mail.reminder.body": "These requests must be answered soon, or are overdue:",
  "rights-admin.mail.reminder.line": "{reference}: answer due {deadline} ({state})\n{link}",
  "rights-admin.mail.reminder.queue": "All open requests: {link}",
};
