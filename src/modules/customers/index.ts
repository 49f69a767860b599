export { type CustomerContact, contactsOfCustomer } from "./contacts-of-customer.ts";
export { customerContactRecordType } from "./customers.records.ts";
export { registerCustomersModule } from "./customers.routes.ts";
export {
  type Agreement,
  addContactPerson,
  type ContactPersonInput,
  type CustomerDeps,
  type CustomerSummary,
  createCustomer,
  endAgreement,
  findCustomer,
  hasRunningAgreement,
  type NewCustomerInput,
  startAgreement,
} from "./customers.service.ts";
export {
  type AgreementStatus,
  agreements,
  type CustomerKind,
  customerContacts,
  customerKinds,
  customers,
} from "./customers.tables.ts";
export type { CustomersModuleDeps } from "./customers-deps.ts";
export {
  dossierItemRecordType,
  supportTicketNoteRecordType,
  supportTicketRecordType,
} from "./dossier.records.ts";
export {
  addDossierItem,
  addTicketNote,
  type DossierDeps,
  type DossierItemInput,
  type DossierItemView,
  eraseDossierEarly,
  listDossier,
  listTickets,
  NotACustomerContactError,
  openTicket,
  setTicketStatus,
  type TicketView,
} from "./dossier.service.ts";
export {
  type DossierItemKind,
  dossierItemKinds,
  dossierItems,
  supportTicketNotes,
  supportTickets,
  type TicketStatus,
  ticketStatuses,
} from "./dossier.tables.ts";
export { runningAgreementExists } from "./running-agreement-sql.ts";
export { subjectsOfCustomer } from "./subjects-of-customer.ts";
