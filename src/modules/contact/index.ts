export { contactAttachmentRecordType, contactRequestRecordType } from "./contact.records.ts";
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
  contactRequests,
  contactStatuses,
} from "./contact.tables.ts";
export {
  passThroughSensitiveData,
  type ScannedText,
  type SensitiveDataFinding,
  type SensitiveDataHook,
} from "./sensitive-data-hook.ts";
