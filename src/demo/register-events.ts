import { isoDay, placeLegalHold } from "../datamap/index.ts";
import {
  type NewDisclosure,
  receiveMisuseReport,
  recordDisclosure,
} from "../modules/registers/index.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPersonKey, demoPeople } from "./demo-people.ts";
import type { DemoWorld } from "./demo-world.ts";

interface DemoDisclosure {
  daysAgo: number;
  people: DemoPersonKey[];
  disclosure: Omit<NewDisclosure, "disclosedOn" | "subjectIds">;
}

const demoDisclosures: readonly DemoDisclosure[] = [
  {
    daysAgo: 75,
    people: ["janJanssens"],
    disclosure: {
      authority: "Politiezone Antwerpen, lokale recherche",
      legalBasis:
        "Vordering van de procureur des Konings, art. 88quater Wetboek van strafvordering",
      authorityReference: "PV AN.55.L1.004512/2026",
      dataGiven: "Naam en factuuradres van de klant, datum en bedrag van één factuur.",
      subjectMayBeTold: true,
    },
  },
  {
    daysAgo: 33,
    people: ["koenVermeulen"],
    disclosure: {
      authority: "FOD Financiën, Algemene Administratie van de Fiscaliteit",
      legalBasis: "Art. 61 Btw-Wetboek: inzage van de boekhouding door de administratie",
      authorityReference: "Controle btw 2025, dossier 7/118",
      dataGiven: "Kopieën van de facturen van één klant uit 2025.",
      // The authority asked us not to tell: it stays out of the person's access report.
      subjectMayBeTold: false,
    },
  },
];

/** The registers: disclosures to authorities, a misuse report to triage, a legal hold. */
export function registerEvents(): DemoEvent[] {
  return [
    ...demoDisclosures.map(
      (entry): DemoEvent => ({
        daysAgo: entry.daysAgo,
        time: "14:20",
        run: async (world) => {
          const subjectIds = await Promise.all(entry.people.map((who) => world.subjectOf(who)));
          await recordDisclosure(world, {
            disclosure: { ...entry.disclosure, disclosedOn: isoDay(world.clock.now()), subjectIds },
            staffId: world.technician.staffId,
          });
          world.count("disclosures");
        },
      }),
    ),
    {
      // Drukkerij Vermeulen disputes an invoice: its dossier stays until the case is closed.
      daysAgo: 60,
      time: "10:00",
      run: async (world) => {
        const now = world.clock.now();
        await placeLegalHold(world.db, world.clock, {
          subjectId: await world.subjectOf("koenVermeulen"),
          reason: "Geschil over factuur, dossier advocaat (rolnummer A/26/00118)",
          endsAt: new Date(now.getTime() + 240 * 24 * 60 * 60 * 1000),
          placedBy: world.technician.staffId,
        });
        world.count("legal holds");
      },
    },
    {
      // Reported yesterday through /security: waits in the breach register for triage.
      daysAgo: 1,
      time: "14:10",
      run: (world) => reportMisuse(world, "ninaGoossens"),
    },
  ];
}

async function reportMisuse(world: DemoWorld, who: DemoPersonKey): Promise<void> {
  const person = demoPeople[who];
  await receiveMisuseReport(world.contact, {
    name: person.name,
    email: person.email,
    message:
      "Ik kreeg vandaag een mail van WITS met een factuur van een andere klant in bijlage (een bedrijf in Mechelen). Ik heb ze niet geopend of doorgestuurd.",
    locale: person.locale,
    ip: person.ip,
  });
  world.count("breach reports");
}
