import { isoDay } from "../datamap/index.ts";
import { createStaffAccount } from "../modules/staff/index.ts";
import { type Policy, PolicyStore } from "../policy/index.ts";
import { createDataMap } from "../record-types.ts";
import { assertNoData } from "./assert-no-data.ts";
import { consentEvents } from "./consent-events.ts";
import { contactEvents } from "./contact-events.ts";
import { customerEvents } from "./customer-events.ts";
import { chronological, type DemoEvent } from "./demo-event.ts";
import { createDemoWorld, type DemoDeps, type DemoTally } from "./demo-world.ts";
import { newsletterEvents } from "./newsletter-events.ts";
import { orderEvents } from "./order-events.ts";
import { registerEvents } from "./register-events.ts";
import { rightsEvents } from "./rights-events.ts";
import { supportEvents } from "./support-events.ts";

/** The demo's staff: the admin is the newcomer; the technician did the story's work. */
export const demoAdmin = { email: "admin@wits.example", displayName: "Demo admin" } as const;
export const demoTechnician = {
  email: "sofie.claes@wits.example",
  displayName: "Sofie Claes",
} as const;

export interface DemoProgress {
  done: number;
  total: number;
  /** The day the story has reached. */
  day: string;
}

export interface DemoSummary {
  tally: DemoTally;
  /** The day the story starts. */
  since: string;
  adminEmail: string;
  /** The admin's one-time link: a password and a second factor are set there. */
  setupLink: string;
  consentIds: string[];
}

export interface SeedDemoOptions {
  /** The policy in force: a stored version is kept, the file is stored like a server start. */
  policy: { policy: Policy; source: string };
  onProgress?: (progress: DemoProgress) => void;
}

/**
 * Fills an empty database with a year of a small Belgian IT company's life, through the modules'
 * own services (so every record has its encryption, retention date and audit entry), then makes
 * one admin account and returns its setup link.
 */
export async function seedDemo(deps: DemoDeps, options: SeedDemoOptions): Promise<DemoSummary> {
  const { db, clock, config } = deps;
  await assertNoData(db);
  const events = chronological(allDemoEvents());
  const since = clock.goBack((events[0]?.daysAgo ?? 0) + 1, "08:00");
  const policies = await PolicyStore.open(db, {
    clock,
    ...options.policy,
    publicUrl: config.PUBLIC_URL,
  });
  const technician = await createStaffAccount(
    { db, clock },
    { ...demoTechnician, role: "support" },
  );
  const world = createDemoWorld(deps, {
    policies,
    dataMap: createDataMap(() => policies.current()),
    technicianId: technician.staffId,
  });
  for (const [index, event] of events.entries()) {
    const at = clock.goBack(event.daysAgo, event.time);
    await event.run(world);
    options.onProgress?.({ done: index + 1, total: events.length, day: isoDay(at) });
  }
  clock.backToToday();
  // Made now, with the real clock: the link is valid for 72 hours from the seed.
  const admin = await createStaffAccount({ db, clock }, { ...demoAdmin, role: "admin" });
  return {
    tally: world.tally,
    since: isoDay(since),
    adminEmail: demoAdmin.email,
    setupLink: new URL(`/admin/setup/${admin.setupToken}`, config.PUBLIC_URL).toString(),
    consentIds: world.consentIds,
  };
}

function allDemoEvents(): DemoEvent[] {
  return [
    ...customerEvents(),
    ...orderEvents(),
    ...contactEvents(),
    ...newsletterEvents(),
    ...rightsEvents(),
    ...supportEvents(),
    ...registerEvents(),
    ...consentEvents(),
  ];
}
