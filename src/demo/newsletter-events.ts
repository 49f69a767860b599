import {
  confirmSubscription,
  knownTopics,
  readSubscriber,
  requestSubscription,
  unsubscribeAll,
} from "../modules/newsletter/index.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPersonKey, demoPeople } from "./demo-people.ts";
import type { DemoWorld } from "./demo-world.ts";
import { tokenFromMail } from "./token-from-mail.ts";

interface DemoSignup {
  daysAgo: number;
  who: DemoPersonKey;
  topics: ("news" | "tips" | "service_notices")[];
  /** Left every topic that many days ago. */
  unsubscribedDaysAgo?: number;
}

const demoSignups: readonly DemoSignup[] = [
  // Unsubscribed seven months ago and never a customer: due for erasure after six months.
  { daysAgo: 400, who: "bramJacobs", topics: ["news"], unsubscribedDaysAgo: 210 },
  { daysAgo: 390, who: "pieterDeSmet", topics: ["service_notices"] },
  { daysAgo: 280, who: "janJanssens", topics: ["service_notices", "tips"] },
  { daysAgo: 200, who: "lottePeeters", topics: ["news", "tips"] },
  { daysAgo: 190, who: "sophieDubois", topics: ["service_notices", "news"] },
  { daysAgo: 180, who: "inesMertens", topics: ["tips"] },
  { daysAgo: 150, who: "sarahOBrien", topics: ["news"] },
  { daysAgo: 140, who: "thomasWouters", topics: ["news"] },
  { daysAgo: 120, who: "eliseDupont", topics: ["news", "tips"] },
  { daysAgo: 95, who: "davidSmith", topics: ["tips"] },
  { daysAgo: 66, who: "hanneClaes", topics: ["tips"] },
  { daysAgo: 50, who: "charlotteLeroy", topics: ["news"] },
  { daysAgo: 30, who: "lisaVanAcker", topics: ["news", "tips"] },
  { daysAgo: 12, who: "pierreRenard", topics: ["tips"] },
];

/** Newsletter readers who signed up through the form and clicked the link in their mail. */
export function newsletterEvents(): DemoEvent[] {
  return demoSignups.flatMap((signup): DemoEvent[] => [
    {
      daysAgo: signup.daysAgo,
      time: "19:40",
      run: (world) => signUp(world, signup.who, signup.topics),
    },
    ...(signup.unsubscribedDaysAgo === undefined
      ? []
      : [
          {
            daysAgo: signup.unsubscribedDaysAgo,
            time: "07:10",
            run: (world: DemoWorld) => unsubscribe(world, signup.who),
          } satisfies DemoEvent,
        ]),
  ]);
}

async function signUp(
  world: DemoWorld,
  who: DemoPersonKey,
  topics: readonly string[],
): Promise<void> {
  const person = demoPeople[who];
  const policy = world.policy();
  // Another POLICY_FILE may name other topics: the reader then takes its first one.
  const known = knownTopics(policy, topics);
  const chosen = known.length > 0 ? known : policy.newsletterTopics.slice(0, 1).map(({ id }) => id);
  if (chosen.length === 0) return;
  await requestSubscription(world.newsletter, {
    name: person.name,
    email: person.email,
    topics: chosen,
    locale: person.locale,
    ip: person.ip,
    source: "form",
  });
  world.clock.advanceMinutes(6);
  const token = await tokenFromMail(world.db, world.vault, {
    to: person.email,
    purpose: "newsletter.confirm",
    link: /\/newsletter\/confirm\?token=([\w-]+)/,
  });
  const confirmed = await confirmSubscription(world.newsletter, { token, ip: person.ip });
  if (confirmed.status !== "confirmed")
    throw new Error(`demo: ${who}'s sign-up ${confirmed.status}`);
  world.count("newsletter subscribers");
}

async function unsubscribe(world: DemoWorld, who: DemoPersonKey): Promise<void> {
  const subjectId = await world.subjectOf(who);
  const subscriber = await readSubscriber(world.newsletter, { subjectId });
  // Never signed up: the policy in force has no newsletter topics.
  if (!subscriber) return;
  await unsubscribeAll(world.newsletter, { subscriberId: subscriber.id, via: "unsubscribe_link" });
  world.count("unsubscribed");
}
