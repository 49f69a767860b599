import { addTicketNote, openTicket, setTicketStatus } from "../modules/customers/index.ts";
import { endSession, handOverByPhone, startSession } from "../modules/support/index.ts";
import { customerId } from "./customer-events.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPersonKey, demoPeople } from "./demo-people.ts";
import type { DemoWorld } from "./demo-world.ts";

interface DemoSupportCase {
  daysAgo: number;
  customer: string;
  who: DemoPersonKey;
  ticket: string;
  note: string;
  /** A remote session, with whether the customer asked us not to keep the TeamViewer ID. */
  session?: { teamviewerId: string; objected: boolean; summary: string };
  closed: boolean;
}

const demoSupportCases: readonly DemoSupportCase[] = [
  {
    daysAgo: 40,
    customer: "bakkerijDeSmet",
    who: "pieterDeSmet",
    ticket: "Bonprinter drukt geen tickets meer af",
    note: "Stuurprogramma na Windows-update opnieuw geïnstalleerd; testbon gelukt.",
    session: {
      teamviewerId: "1 234 567 890",
      objected: false,
      summary: "Stuurprogramma van de bonprinter opnieuw geïnstalleerd, testbon afgedrukt.",
    },
    closed: true,
  },
  {
    daysAgo: 3,
    customer: "garageDubois",
    who: "sophieDubois",
    ticket: "Sauvegarde nocturne du NAS en échec",
    note: "Le disque 3 signale des secteurs défectueux ; remplacement proposé.",
    session: {
      teamviewerId: "987 654 321",
      // "Do not keep my TeamViewer ID": only the session's summary stays.
      objected: true,
      summary: "Journal de sauvegarde vérifié, disque 3 à remplacer.",
    },
    closed: false,
  },
];

/** Tickets in the customers' dossiers and remote-support sessions that ended. */
export function supportEvents(): DemoEvent[] {
  return demoSupportCases.map(
    (entry): DemoEvent => ({
      daysAgo: entry.daysAgo,
      time: "13:00",
      run: (world) => handleCase(world, entry),
    }),
  );
}

async function handleCase(world: DemoWorld, entry: DemoSupportCase): Promise<void> {
  const staffId = world.technician.staffId;
  const locale = demoPeople[entry.who].locale;
  const subjectId = await world.subjectOf(entry.who);
  const forCustomer = customerId(world, entry.customer);
  const ticket = await openTicket(world.dossier, {
    customerId: forCustomer,
    subjectId,
    title: entry.ticket,
    staffId,
    locale,
  });
  world.count("support tickets");
  if (entry.session) {
    const { sessionId } = await startSession(world.support, {
      customerId: forCustomer,
      subjectId,
      technicianId: staffId,
    });
    world.clock.advanceMinutes(3);
    await handOverByPhone(world.support, {
      sessionId,
      technicianId: staffId,
      teamviewerId: entry.session.teamviewerId,
      // Read out on the phone; kept in this process's memory only, gone when the seed ends.
      password: "demo-4821",
      objected: entry.session.objected,
    });
    world.clock.advanceMinutes(25);
    await endSession(world.support, {
      sessionId,
      technicianId: staffId,
      summary: entry.session.summary,
      locale,
    });
    world.count("support sessions");
  }
  await addTicketNote(world.dossier, { ticketId: ticket.id, body: entry.note, staffId, locale });
  if (entry.closed)
    await setTicketStatus(world.dossier, { ticketId: ticket.id, status: "closed", staffId });
}
