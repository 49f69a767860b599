export {
  type DeliverMailOptions,
  type DeliverySummary,
  deliverMail,
  deliverMailJob,
} from "./deliver-mail.job.ts";
export { type OutboxStatus, outboxStatuses } from "./outbox.tables.ts";
export { type EnqueueMailOptions, enqueueMail, type MailToSend, type OutboxRow } from "./outbox.ts";
export {
  fileTransport,
  type MailTransport,
  type OutboundMail,
  type SentMail,
  type SmtpTransportOptions,
  smtpTransport,
  transportFor,
} from "./transport.ts";
