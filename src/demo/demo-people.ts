import type { Locale } from "../core/i18n/index.ts";

export interface DemoAddress {
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

/** One made-up person, as they would type their own details. */
export interface DemoPerson {
  name: string;
  /**
   * Every address ends in `.example` (RFC 2606): it can never be delivered, so setting SMTP_URL
   * on a demo data dir later mails nobody real.
   */
  email: string;
  /** As people type it; the intake normalises it to E.164. */
  phone?: string;
  locale: Locale;
  address: DemoAddress;
  /** Documentation ranges (RFC 5737): nobody's real address. */
  ip: string;
}

const be = (street: string, postalCode: string, city: string): DemoAddress => ({
  street,
  postalCode,
  city,
  country: "BE",
});

/**
 * The demo's people: Flemish, Walloon and Brussels names, one Dutch business and two English
 * speakers, so the back office shows all three languages of the statement. Fixed, not random:
 * every seed tells the same story.
 */
export const demoPeople = {
  pieterDeSmet: {
    name: "Pieter De Smet",
    email: "pieter@bakkerijdesmet.example",
    phone: "0475 21 34 56",
    locale: "nl",
    address: be("Veldstraat 112", "9000", "Gent"),
    ip: "203.0.113.24",
  },
  elsVanDamme: {
    name: "Els Van Damme",
    email: "boekhouding@bakkerijdesmet.example",
    phone: "09 223 45 67",
    locale: "nl",
    address: be("Veldstraat 112", "9000", "Gent"),
    ip: "203.0.113.25",
  },
  janJanssens: {
    name: "Jan Janssens",
    email: "jan.janssens@voorbeeld.example",
    phone: "0486 12 78 90",
    locale: "nl",
    address: be("Mechelsesteenweg 45", "2018", "Antwerpen"),
    ip: "198.51.100.17",
  },
  lottePeeters: {
    name: "Lotte Peeters",
    email: "lotte.peeters@voorbeeld.example",
    phone: "0494 55 21 09",
    locale: "nl",
    address: be("Naamsestraat 27", "3000", "Leuven"),
    ip: "198.51.100.42",
  },
  sophieDubois: {
    name: "Sophie Dubois",
    email: "sophie@garagedubois.example",
    phone: "081 22 33 44",
    locale: "fr",
    address: be("Rue de Fer 18", "5000", "Namur"),
    ip: "203.0.113.80",
  },
  marcLambert: {
    name: "Marc Lambert",
    email: "marc.lambert@exemple.example",
    phone: "0478 90 12 34",
    locale: "fr",
    address: be("Avenue Louise 231", "1050", "Bruxelles"),
    ip: "198.51.100.63",
  },
  sarahOBrien: {
    name: "Sarah O'Brien",
    email: "sarah.obrien@mail.example",
    phone: "0468 33 44 55",
    locale: "en",
    address: be("Rue Belliard 65", "1040", "Brussel"),
    ip: "198.51.100.91",
  },
  tomWillems: {
    name: "Tom Willems",
    email: "tom.willems@voorbeeld.example",
    phone: "0472 11 22 33",
    locale: "nl",
    address: be("Bruul 14", "2800", "Mechelen"),
    ip: "198.51.100.12",
  },
  ninaGoossens: {
    name: "Nina Goossens",
    email: "nina.goossens@voorbeeld.example",
    locale: "nl",
    address: be("Kapelstraat 8", "3500", "Hasselt"),
    ip: "198.51.100.77",
  },
  koenVermeulen: {
    name: "Koen Vermeulen",
    email: "koen@drukkerijvermeulen.example",
    phone: "015 41 22 10",
    locale: "nl",
    address: be("Industrieweg 4", "2800", "Mechelen"),
    ip: "203.0.113.51",
  },
  anMaes: {
    name: "An Maes",
    email: "an@fietsenmaes.example",
    phone: "011 87 65 43",
    locale: "nl",
    address: be("Grote Markt 3", "3500", "Hasselt"),
    ip: "203.0.113.66",
  },
  julienLecocq: {
    name: "Julien Lecocq",
    email: "julien@brasserielecoq.example",
    phone: "04 222 11 00",
    locale: "fr",
    address: be("Place du Marché 12", "4000", "Liège"),
    ip: "203.0.113.93",
  },
  thomasWouters: {
    name: "Thomas Wouters",
    email: "thomas@woutersarchitecten.example",
    phone: "03 231 44 55",
    locale: "nl",
    address: be("Lange Gasthuisstraat 21", "2000", "Antwerpen"),
    ip: "203.0.113.110",
  },
  inesMertens: {
    name: "Ines Mertens",
    email: "ines.mertens@voorbeeld.example",
    locale: "nl",
    address: be("Langestraat 90", "8000", "Brugge"),
    ip: "198.51.100.130",
  },
  bramJacobs: {
    name: "Bram Jacobs",
    email: "bram.jacobs@voorbeeld.example",
    locale: "nl",
    address: be("Overpoortstraat 50", "9000", "Gent"),
    ip: "198.51.100.131",
  },
  eliseDupont: {
    name: "Élise Dupont",
    email: "elise.dupont@exemple.example",
    locale: "fr",
    address: be("Rue de l'Ange 7", "5000", "Namur"),
    ip: "198.51.100.132",
  },
  lucasMartin: {
    name: "Lucas Martin",
    email: "lucas.martin@exemple.example",
    phone: "0471 23 45 67",
    locale: "fr",
    address: be("Boulevard Tirou 40", "6000", "Charleroi"),
    ip: "198.51.100.133",
  },
  hanneClaes: {
    name: "Hanne Claes",
    email: "hanne.claes@voorbeeld.example",
    phone: "0499 87 65 43",
    locale: "nl",
    address: be("Tiensestraat 101", "3000", "Leuven"),
    ip: "198.51.100.134",
  },
  davidSmith: {
    name: "David Smith",
    email: "david.smith@mail.example",
    locale: "en",
    address: be("Celestijnenlaan 200", "3001", "Leuven"),
    ip: "198.51.100.135",
  },
  rubenHermans: {
    name: "Ruben Hermans",
    email: "ruben.hermans@voorbeeld.example",
    phone: "0474 98 76 54",
    locale: "nl",
    address: be("Gasthuisstraat 5", "2300", "Turnhout"),
    ip: "198.51.100.136",
  },
  charlotteLeroy: {
    name: "Charlotte Leroy",
    email: "charlotte.leroy@exemple.example",
    locale: "fr",
    address: be("Grand-Place 22", "7000", "Mons"),
    ip: "198.51.100.137",
  },
  wimVandenBerghe: {
    name: "Wim Van den Berghe",
    email: "wim.vandenberghe@voorbeeld.example",
    phone: "056 21 43 65",
    locale: "nl",
    address: be("Doorniksestraat 33", "8500", "Kortrijk"),
    ip: "198.51.100.138",
  },
  sanneBakker: {
    name: "Sanne Bakker",
    email: "sanne@bakkerict.example",
    phone: "+31 43 321 54 76",
    locale: "nl",
    address: {
      street: "Stationsstraat 9",
      postalCode: "6221 BN",
      city: "Maastricht",
      country: "NL",
    },
    ip: "203.0.113.140",
  },
  youssefElAmrani: {
    name: "Youssef El Amrani",
    email: "youssef.elamrani@voorbeeld.example",
    phone: "0485 66 77 88",
    locale: "nl",
    address: be("Turnhoutsebaan 150", "2140", "Borgerhout"),
    ip: "198.51.100.139",
  },
  lisaVanAcker: {
    name: "Lisa Van Acker",
    email: "lisa.vanacker@voorbeeld.example",
    locale: "nl",
    address: be("Kerkstraat 12", "9300", "Aalst"),
    ip: "198.51.100.140",
  },
  pierreRenard: {
    name: "Pierre Renard",
    email: "pierre.renard@exemple.example",
    locale: "fr",
    address: be("Place Bosch 3", "1300", "Wavre"),
    ip: "198.51.100.141",
  },
  mehmetYilmaz: {
    name: "Mehmet Yılmaz",
    email: "mehmet.yilmaz@voorbeeld.example",
    phone: "089 35 46 57",
    locale: "nl",
    address: be("Vennestraat 77", "3600", "Genk"),
    ip: "198.51.100.142",
  },
  noahAerts: {
    name: "Noah Aerts",
    email: "noah.aerts@voorbeeld.example",
    locale: "nl",
    address: be("Dorpsstraat 2", "2200", "Herentals"),
    ip: "198.51.100.143",
  },
} as const satisfies Record<string, DemoPerson>;

export type DemoPersonKey = keyof typeof demoPeople;
