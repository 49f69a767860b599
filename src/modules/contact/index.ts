export {
  contactAttachmentRecordType,
  contactNoteRecordType,
  contactRequestRecordType,
} from "./contact.records.ts";
export {
  type ContactAttachmentInput,
  type ContactDeps,
  type ContactRequestInput,
  markHandled,
  type ReceivedContactRequest,
  receiveContactRequest,
} from "./contact.service.ts";
export {
  type ContactStatus,
  contactAttachments,
  contactNotes,
  contactRequests,
  contactStatuses,
} from "./contact.tables.ts";
export { contentDisposition } from "./contact-admin.routes.ts";
export { type CustomerContactRequest, contactRequestsOfCustomer } from "./contact-by-customer.ts";
export type { ContactModuleDeps } from "./contact-module-deps.ts";
export {
  addContactNote,
  type ContactNote,
  listContactNotes,
  replyToContactRequest,
} from "./contact-notes.ts";
export { sendContactSentPage } from "./contact-sent.ts";
export {
  screeningFromQuery,
  screeningNotices,
  sentQuery,
  sentQuerySchema,
} from "./screening-notice.ts";

import type { FastifyInstance } from "fastify";
import { registerContactAdminRoutes } from "./contact-admin.routes.ts";
import { registerContactFormRoutes } from "./contact-form.routes.ts";
import type { ContactModuleDeps } from "./contact-module-deps.ts";

/** Contact intake: the visitor's form and API, and the staff inbox. */
export function registerContactModule(app: FastifyInstance, deps: ContactModuleDeps): void {
  registerContactFormRoutes(app, deps);
  registerContactAdminRoutes(app, deps);
}
