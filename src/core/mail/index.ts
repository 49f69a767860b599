export {
  type DeliverMailOptions,
  type DeliverySummary,
  deliverMail,
  deliverMailJob,
} from "./deliver-mail.job.ts";
export { forgetErasedMail } from "./forget-erased-mail.ts";
export { type OutboxStatus, outboxStatuses } from "./outbox.tables.ts";
export {
  type EnqueueMailOptions,
  enqueueMail,
  type MailToSend,
  mailContent,
  type OutboxRow,
} from "./outbox.ts";
export { type OpenedOutboxRow, readOutbox } from "./read-outbox.ts";
export {
  type MailContent,
  type MailKey,
  type MailSealer,
  openMail,
  preloadMailKeys,
  preloadSealingKeys,
  type SealedColumns,
  type StoredMail,
  sealMail,
} from "./sealed-mail.ts";
export {
  fileTransport,
  type MailTransport,
  type OutboundMail,
  type SentMail,
  type SmtpTransportOptions,
  smtpTransport,
  transportFor,
} from "./transport.ts";
