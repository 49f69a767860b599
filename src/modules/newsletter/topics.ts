import type { Locale } from "../../core/i18n/index.ts";
import type { Policy } from "../../policy/index.ts";

export interface TopicChoice {
  id: string;
  name: string;
  description: string;
}

/** The policy's topics in one language, as the form shows them. */
export function topicChoices(policy: Policy, locale: Locale): TopicChoice[] {
  return policy.newsletterTopics.map((topic) => ({
    id: topic.id,
    name: topic.name[locale],
    description: topic.description[locale],
  }));
}

/** The exact sentence a person consents to for one topic: the proof quotes it. */
export function topicWording(policy: Policy, topicId: string, locale: Locale): string {
  const topic = policy.newsletterTopics.find((candidate) => candidate.id === topicId);
  if (!topic) throw new Error(`newsletter topic ${topicId} is not in the policy`);
  return `${topic.name[locale]}: ${topic.description[locale]}`;
}

/** The chosen topics that exist in the policy, deduplicated, in the policy's order. */
export function knownTopics(policy: Policy, chosen: readonly string[]): string[] {
  const wanted = new Set(chosen);
  return policy.newsletterTopics.map((topic) => topic.id).filter((id) => wanted.has(id));
}
