import {
  confirmRequest,
  type PortalRequest,
  submitPortalRequest,
} from "../modules/rights/index.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPersonKey, demoPeople } from "./demo-people.ts";
import type { DemoWorld } from "./demo-world.ts";
import { tokenFromMail } from "./token-from-mail.ts";

interface DemoRightsRequest {
  daysAgo: number;
  who: DemoPersonKey;
  request: Omit<PortalRequest, "email">;
}

const demoRightsRequests: readonly DemoRightsRequest[] = [
  {
    // Received 24 days ago: the 30-day deadline is near, so the queue marks it.
    daysAgo: 24,
    who: "lottePeeters",
    request: {
      rights: [{ kind: "erasure" }],
      description:
        "Graag al mijn gegevens verwijderen, ook mijn inschrijving op de nieuwsbrief en mijn vroegere vraag via het contactformulier.",
    },
  },
  {
    // Access needs an ID copy under the default policy: this one waits for it.
    daysAgo: 5,
    who: "marcLambert",
    request: {
      rights: [{ kind: "access" }],
      description: "Je souhaite savoir quelles données vous conservez à mon sujet.",
    },
  },
];

/** Rights requests through the portal, each confirmed with the link in its mail. */
export function rightsEvents(): DemoEvent[] {
  return demoRightsRequests.map(
    (entry): DemoEvent => ({
      daysAgo: entry.daysAgo,
      time: "12:10",
      run: (world) => submitAndConfirm(world, entry),
    }),
  );
}

async function submitAndConfirm(world: DemoWorld, entry: DemoRightsRequest): Promise<void> {
  const person = demoPeople[entry.who];
  await submitPortalRequest(world.rights, {
    request: { ...entry.request, email: person.email },
    locale: person.locale,
  });
  world.clock.advanceMinutes(12);
  const token = await tokenFromMail(world.db, world.vault, {
    to: person.email,
    purpose: "rights.confirm",
    link: /\/privacy\/request\/confirm\?token=([\w-]+)/,
  });
  const confirmed = await confirmRequest(world.rights, { token });
  if (confirmed.status !== "confirmed")
    throw new Error(`demo: ${entry.who}'s request ${confirmed.status}`);
  world.count("rights requests");
}
