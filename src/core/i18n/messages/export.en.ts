import type { exportNl } from "./export.nl.ts";

export const exportEn: Record<keyof typeof exportNl, string> = {
  "export.report.title.access": "Access to your personal data",
  "export.report.title.portability": "Your personal data to take with you",
  "export.report.intro.access":
    "This report shows all the personal data we hold about you: what, why, where it came from, who receives it and how long we keep it (Article 15 GDPR).",
  "export.report.intro.portability":
    "This report shows all the personal data we hold about you. The ZIP file holds the same data in a machine-readable form (JSON and CSV), to keep yourself or to give to another organisation (Article 20 GDPR).",
  "export.report.made":
    "Compiled on {date}, package {id}. The download link works until {expires}.",
  "export.report.controller": "Who we are",
  "export.report.contact": "Questions about your data: {email} · {website}",
  "export.report.summary": "Overview",
  "export.report.col.type": "Kind of data",
  "export.report.col.count": "Number",
  "export.report.col.purpose": "Purpose",
  "export.report.nothing": "We hold no personal data about you.",
  "export.report.count": "{count} held",
  "export.report.purpose": "Why",
  "export.report.legal_basis": "Legal basis",
  "export.report.legal_reference": "Legal provision",
  "export.report.source": "Source",
  "export.report.recipients": "Recipients",
  "export.report.recipients.none":
    "Nobody outside our processors, unless the law obliges us (the police, for example).",
  "export.report.processors": "Processors who help us with this",
  "export.report.processors.none": "None.",
  "export.report.processor": "{name} ({country}): {service}",
  "export.report.transfers": "Transfers outside the EEA",
  "export.report.transfers.none": "None.",
  "export.report.retention_rule": "Retention period",
  "export.report.record": "Item {n} of {total}",
  "export.report.record.retention": "How long",
  "export.report.record.changes": "What could change that",
  "export.report.record.holds": "Legal hold",
  "export.report.disclosures": "Disclosures to third parties",
  "export.report.disclosures.none":
    "No disclosures of your data to third parties (such as the police) are registered.",
  "export.report.disclosure":
    "{date}: to {recipient} (reference {reference}), under {legalBasis}. Data given: {dataGiven}.",
  "export.report.rights": "Your rights",
  "export.report.rights.ask":
    "Send a request to {email}. We answer as soon as possible, and within {days} days at the latest.",
  "export.report.complaint": "Lodging a complaint",
  "export.report.page": "Page {page} of {pages}",
  "export.report.pdf.substituted":
    "This PDF cannot show some characters; they appear without their accent or as ?. The HTML report and the ZIP file hold every value exactly.",
  "export.value.empty": "(empty)",
  "export.value.erased": "erased",
  "export.value.file": "attached file {path} ({bytes} bytes)",
  "export.purpose.contact": "Contact forms",
  "export.purpose.newsletter": "Newsletters",
  "export.purpose.orders": "Orders",
  "export.purpose.customer_dossier": "Customer dossier",
  "export.purpose.support": "Remote support",
  "export.purpose.rights": "Exercising your privacy rights",
  "export.purpose.cookie_consent": "Proving your cookie choice",
  "export.page.title": "Download your data",
  "export.page.made": "We compiled this package on {date}.",
  "export.page.expires": "This link works until {date}. After that we erase the package.",
  "export.page.private": "Share this link with nobody: whoever has it can download your data.",
  "export.page.files": "Files",
  "export.page.pdf": "Report (PDF)",
  "export.page.pdf.hint": "To read and print.",
  "export.page.html": "Report (HTML)",
  "export.page.html.hint": "The same report, to open in your browser.",
  "export.page.zip": "Data (ZIP with JSON and CSV)",
  "export.page.zip.hint":
    "Your data in machine-readable form, to keep or to give to another organisation.",
  "export.expired.title": "This download link has expired",
  "export.expired.text":
    "The link worked until {date}. To protect your data, we erase a package as soon as its link expires.",
  "export.erased.title": "This package no longer exists",
  "export.erased.text":
    "The contents of this package were erased, for example because you asked us to erase your data.",
  "export.again": "Would you like a new copy? Then make a new request.",
  "export.again.link": "Make a request",
};
