import {
  addContactNote,
  markHandled,
  receiveContactRequest,
  replyToContactRequest,
} from "../modules/contact/index.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPersonKey, demoPeople } from "./demo-people.ts";
import { phoneOf } from "./demo-world.ts";

interface DemoContactRequest {
  daysAgo: number;
  time: `${number}:${number}`;
  from: DemoPersonKey;
  topic: string;
  message: string;
  /** What staff did afterwards, and how many days after the request. */
  follow?: { afterDays: number; note?: string; reply?: string; handled?: boolean };
}

const demoContactRequests: readonly DemoContactRequest[] = [
  {
    // Handled thirteen months ago by a non-customer: its year is over, so the dry run lists it.
    daysAgo: 410,
    time: "08:40",
    from: "tomWillems",
    topic: "Offerte netwerkbekabeling",
    message:
      "Goedemorgen, wij verhuizen ons kantoor naar de Bruul in Mechelen en zoeken iemand voor de netwerkbekabeling (8 werkplekken). Kunnen jullie een offerte maken?",
    follow: {
      afterDays: 10,
      reply: "Dag Tom, in bijlage onze offerte. We horen graag of ze past.",
      handled: true,
    },
  },
  {
    daysAgo: 295,
    time: "19:15",
    from: "janJanssens",
    topic: "Hulp bij thuiskantoor",
    message:
      "Mijn oude pc is traag en ik werk drie dagen per week thuis. Kunnen jullie een nieuwe laptop installeren en mijn bestanden overzetten?",
    follow: {
      afterDays: 4,
      note: "Klant geworden: onderhoudscontract thuiskantoor.",
      handled: true,
    },
  },
  {
    daysAgo: 70,
    time: "13:05",
    from: "hanneClaes",
    topic: "Wachtwoordbeheer",
    message: "Welke wachtwoordbeheerder raden jullie aan voor een gezin met vier personen?",
    follow: {
      afterDays: 2,
      reply: "Dag Hanne, wij raden Bitwarden aan: het gezinsabonnement dekt zes personen.",
      handled: true,
    },
  },
  {
    daysAgo: 35,
    time: "10:20",
    from: "lottePeeters",
    topic: "Nieuwsbrief",
    message:
      "Ik krijg jullie nieuwsbrief over tips, maar ik wil eigenlijk alleen het nieuws ontvangen. Hoe pas ik dat aan?",
    follow: {
      afterDays: 1,
      reply:
        "Dag Lotte, onderaan elke nieuwsbrief staat een link naar je voorkeuren; daar kies je zelf je onderwerpen.",
      handled: true,
    },
  },
  {
    daysAgo: 14,
    time: "15:45",
    from: "sarahOBrien",
    topic: "Quote for office Wi-Fi",
    message:
      "Hello, we are a small translation agency near Schuman (6 people). Our Wi-Fi drops several times a day. Could you come and have a look, and send a quote?",
    follow: { afterDays: 1, note: "Bezoek ingepland volgende week, Sofie gaat langs." },
  },
  {
    daysAgo: 9,
    time: "09:10",
    from: "lucasMartin",
    topic: "Demande de devis : maintenance de 3 PC",
    message:
      "Bonjour, je souhaiterais un devis pour l'entretien annuel de trois PC de bureau à Charleroi. Merci d'avance.",
    follow: {
      afterDays: 1,
      reply:
        "Bonjour Monsieur Martin, pourriez-vous nous indiquer l'âge et le modèle des trois PC ?",
    },
  },
  {
    daysAgo: 4,
    time: "07:55",
    from: "rubenHermans",
    topic: "Laptop start niet meer op",
    message:
      "Mijn laptop (HP ProBook) blijft hangen op het logo sinds de laatste update. Kan ik hem vandaag nog binnenbrengen?",
  },
  {
    daysAgo: 1,
    time: "16:30",
    from: "youssefElAmrani",
    topic: "Offerte voor 10 laptops",
    message:
      "Wij zijn een jeugdhuis in Borgerhout en zoeken 10 tweedehands laptops voor ons huiswerkcafé. Hebben jullie een aanbod voor vzw's?",
  },
  {
    daysAgo: 0,
    time: "08:15",
    from: "mehmetYilmaz",
    topic: "Afspraak installatie printer",
    message:
      "Wanneer kan een technieker langskomen om onze nieuwe printer op het netwerk te zetten?",
  },
  {
    // A child writing: held for the privacy officer, deleted after the policy's 24 hours.
    daysAgo: 0,
    time: "07:30",
    from: "noahAerts",
    topic: "Gameserver",
    message:
      "Hoi, ik ben 15 jaar oud en ik wil een Minecraft-server voor mijn klas. Kunnen jullie die voor mij opzetten?",
  },
];

/** The contact inbox: new, waiting and handled requests in three languages. */
export function contactEvents(): DemoEvent[] {
  return demoContactRequests.flatMap((request, index): DemoEvent[] => {
    const key = `contact-${index}`;
    const ids = new Map<string, string>();
    const received: DemoEvent = {
      daysAgo: request.daysAgo,
      time: request.time,
      run: async (world) => {
        const person = demoPeople[request.from];
        const created = await receiveContactRequest(world.contact, {
          name: person.name,
          email: person.email,
          phone: phoneOf(request.from),
          topic: request.topic,
          message: request.message,
          locale: person.locale,
          ip: person.ip,
          channel: "form",
          attachments: [],
        });
        ids.set(key, created.id);
        world.count(created.screening.quarantine ? "held in quarantine" : "contact requests");
      },
    };
    const follow = request.follow;
    if (!follow) return [received];
    const followed: DemoEvent = {
      daysAgo: request.daysAgo - follow.afterDays,
      time: "11:30",
      run: async (world) => {
        const requestId = ids.get(key);
        if (!requestId) throw new Error(`demo data: ${key} was not received`);
        const staffId = world.technician.staffId;
        if (follow.note)
          await addContactNote(world.contact, { requestId, staffId, text: follow.note });
        if (follow.reply) {
          await replyToContactRequest(world.contact, { requestId, staffId, text: follow.reply });
        }
        if (follow.handled) await markHandled(world.contact, { requestId, staffId });
      },
    };
    return [received, followed];
  });
}
