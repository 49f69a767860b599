import { and, eq, inArray, isNull } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../audit/index.ts";
import { newsletterSubscriberRecordType } from "./newsletter.records.ts";
import { newsletterSubscribers } from "./newsletter.tables.ts";
import type { NewsletterDeps } from "./newsletter-deps.ts";
import {
  grantTopics,
  readSubscriber,
  type WithdrawalRoute,
  withdrawTopics,
} from "./subscriber-store.ts";
import { knownTopics, topicWording } from "./topics.ts";

export interface PreferenceChange {
  subscriberId: string;
  name: string;
  topics: readonly string[];
  ip: string;
}

/**
 * The preference centre's save: topics added get a consent with today's wording and policy
 * version, topics removed are withdrawn, and the name changes. Removing every topic is an
 * unsubscribe like the link in the mail.
 */
export async function updatePreferences(
  deps: NewsletterDeps,
  change: PreferenceChange,
): Promise<{ added: string[]; removed: string[] } | undefined> {
  return deps.db.transaction(async (tx) => {
    const scoped = { ...deps, db: tx };
    const current = await readSubscriber(scoped, { id: change.subscriberId });
    if (!current?.email) return undefined;
    const policy = deps.policy();
    const wanted = knownTopics(policy, change.topics);
    const added = wanted.filter((topic) => !current.topics.includes(topic));
    const removed = current.topics.filter((topic) => !wanted.includes(topic));
    const actor: AuditActor = { type: "subject", id: current.subjectId };
    if (removed.length > 0) {
      await withdrawTopics(scoped, {
        subscriberId: current.id,
        topics: removed,
        via: "preference_centre",
        actor,
      });
    }
    const nameChanged = change.name !== current.name;
    if (added.length > 0 || nameChanged) {
      await grantTopics(scoped, {
        subjectId: current.subjectId,
        name: change.name,
        email: current.email,
        locale: current.locale,
        ip: change.ip,
        grants: added.map((topic) => ({
          topic,
          wording: topicWording(policy, topic, current.locale),
          source: "preference_centre" as const,
          policyVersion: deps.policyVersion(),
        })),
      });
      await appendAudit(tx, {
        clock: deps.clock,
        entry: {
          actor,
          action: "newsletter.preferences_changed",
          subjectId: current.subjectId,
          recordType: newsletterSubscriberRecordType.id,
          recordId: current.id,
          purpose: "newsletter",
          details: { added: added.length, nameChanged },
        },
      });
    }
    return { added, removed };
  });
}

/** Unsubscribes from every topic: the link in each mail, the one-click POST, or staff. */
export async function unsubscribeAll(
  deps: NewsletterDeps,
  input: { subscriberId: string; via: WithdrawalRoute; actor?: AuditActor },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ subjectId: newsletterSubscribers.subjectId })
      .from(newsletterSubscribers)
      .where(eq(newsletterSubscribers.id, input.subscriberId));
    if (!row?.subjectId) return false;
    await withdrawTopics(
      { ...deps, db: tx },
      {
        subscriberId: input.subscriberId,
        via: input.via,
        actor: input.actor ?? { type: "subject", id: row.subjectId },
      },
    );
    return true;
  });
}

/**
 * A withdrawal of consent or an objection through a rights request: the person is unsubscribed
 * from every topic, as the statement's rights promise.
 */
export async function unsubscribeSubject(
  deps: NewsletterDeps,
  input: {
    subjectId: string;
    via: Extract<WithdrawalRoute, "rights_request" | "objection">;
    actor: AuditActor;
  },
): Promise<boolean> {
  const subscriber = await readSubscriber(deps, { subjectId: input.subjectId });
  if (!subscriber) return false;
  return unsubscribeAll(deps, { subscriberId: subscriber.id, via: input.via, actor: input.actor });
}

/**
 * The address refuses mail for good (a hard bounce, or the bounce endpoint): nothing more is
 * sent to it until the person signs up again.
 */
export async function markUndeliverable(
  deps: Pick<NewsletterDeps, "db" | "clock">,
  subscriberIds: readonly string[],
): Promise<number> {
  if (subscriberIds.length === 0) return 0;
  const now = deps.clock.now();
  const rows = await deps.db
    .update(newsletterSubscribers)
    .set({ undeliverableAt: now, updatedAt: now })
    .where(
      and(
        inArray(newsletterSubscribers.id, [...subscriberIds]),
        isNull(newsletterSubscribers.undeliverableAt),
      ),
    )
    .returning({ id: newsletterSubscribers.id });
  return rows.length;
}
