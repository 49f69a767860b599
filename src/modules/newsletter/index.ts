// A datetime-local field means the organisation's wall clock; the breach register reads one too.
export { parseScheduleTime, scheduleTimeValue } from "./campaign-schedule-time.ts";
export {
  newsletterConsentRecordType,
  newsletterSignupRecordType,
  newsletterSubscriberRecordType,
} from "./newsletter.records.ts";
export { registerNewsletterModule } from "./newsletter.routes.ts";
export {
  type CampaignKind,
  type CampaignStatus,
  type ConsentSource,
  campaignKinds,
  campaignStatuses,
  consentSources,
  newsletterCampaigns,
  newsletterConsents,
  newsletterDeliveries,
  newsletterSignups,
  newsletterSubscribers,
} from "./newsletter.tables.ts";
export type { NewsletterDeps, NewsletterModuleDeps } from "./newsletter-deps.ts";
export {
  markUndeliverable,
  type PreferenceChange,
  unsubscribeAll,
  unsubscribeSubject,
  updatePreferences,
} from "./preferences.ts";
export {
  subscriberLinks,
  subscriberSignature,
  verifySubscriberSignature,
} from "./subscriber-links.ts";
export {
  type Grant,
  grantTopics,
  readSubscriber,
  type Subscriber,
  type WithdrawalRoute,
  withdrawTopics,
} from "./subscriber-store.ts";
export {
  type ConfirmOutcome,
  confirmSubscription,
  NoTopicChosenError,
  requestSubscription,
  type SubscriptionRequest,
  signupLifetimeMs,
} from "./subscription.ts";
export { knownTopics, type TopicChoice, topicChoices, topicWording } from "./topics.ts";
