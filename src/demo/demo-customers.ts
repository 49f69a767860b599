import type { DossierItemKind } from "../modules/customers/index.ts";
import { belgianVatNumber } from "./belgian-vat-number.ts";
import type { DemoPersonKey } from "./demo-people.ts";

export interface DemoAgreement {
  key: string;
  service: string;
  startedDaysAgo: number;
  /** Ended agreements start the dossier's year; a running one keeps it. */
  endedDaysAgo?: number;
}

export interface DemoDossierItem {
  person: DemoPersonKey;
  kind: DossierItemKind;
  value: string;
  note?: string;
  source: string;
}

export interface DemoCustomer {
  key: string;
  companyName?: string;
  vatNumber?: string;
  contacts: { person: DemoPersonKey; role: string }[];
  sinceDaysAgo: number;
  agreements: DemoAgreement[];
  dossier: DemoDossierItem[];
}

/** Customers across Flanders, Brussels and Wallonia; one private person, the rest companies. */
export const demoCustomers: readonly DemoCustomer[] = [
  {
    key: "drukkerijVermeulen",
    companyName: "Drukkerij Vermeulen NV",
    vatNumber: belgianVatNumber("04478812"),
    contacts: [{ person: "koenVermeulen", role: "Zaakvoerder" }],
    sinceDaysAgo: 430,
    // Ended more than a year ago: the dossier is due, and a legal hold keeps it.
    agreements: [
      {
        key: "vermeulenNetwerk",
        service: "Netwerkbeheer drukkerij",
        startedDaysAgo: 430,
        endedDaysAgo: 400,
      },
    ],
    dossier: [
      {
        person: "koenVermeulen",
        kind: "device",
        value: "Switch HPE OfficeConnect 1930 24G",
        source: "installatie ter plaatse",
      },
    ],
  },
  {
    key: "bakkerijDeSmet",
    companyName: "Bakkerij De Smet BV",
    vatNumber: belgianVatNumber("07123456"),
    contacts: [
      { person: "pieterDeSmet", role: "Zaakvoerder" },
      { person: "elsVanDamme", role: "Boekhouding" },
    ],
    sinceDaysAgo: 410,
    agreements: [
      { key: "desmetKassa", service: "Beheer kassasystemen en netwerk", startedDaysAgo: 410 },
    ],
    dossier: [
      {
        person: "pieterDeSmet",
        kind: "device",
        value: "2 × kassa-pc Lenovo ThinkCentre M70q",
        note: "Winkel Veldstraat, achter de toonbank",
        source: "installatie ter plaatse",
      },
      {
        person: "pieterDeSmet",
        kind: "software",
        value: "Lightspeed Restaurant op Windows 11 Pro",
        source: "installatie ter plaatse",
      },
      {
        person: "pieterDeSmet",
        kind: "username",
        value: "desmet-kassa1",
        source: "installatie ter plaatse",
      },
      {
        person: "pieterDeSmet",
        kind: "ip_address",
        value: "203.0.113.24",
        note: "Vast IP-adres van de winkel",
        source: "klant, per telefoon",
      },
      {
        person: "elsVanDamme",
        kind: "application",
        value: "Exact Online (boekhouding)",
        source: "klant, per e-mail",
      },
    ],
  },
  {
    key: "janJanssens",
    contacts: [{ person: "janJanssens", role: "Particulier" }],
    sinceDaysAgo: 290,
    agreements: [
      { key: "janssensOnderhoud", service: "Onderhoudscontract thuiskantoor", startedDaysAgo: 290 },
    ],
    dossier: [
      {
        person: "janJanssens",
        kind: "device",
        value: "Laptop Dell Latitude 5440",
        source: "levering",
      },
      {
        person: "janJanssens",
        kind: "social_media",
        value: "https://www.linkedin.com/in/jan-janssens-demo",
        source: "klant, per e-mail",
      },
    ],
  },
  {
    key: "fietsenMaes",
    companyName: "Fietsen Maes BV",
    vatNumber: belgianVatNumber("06652231"),
    contacts: [{ person: "anMaes", role: "Zaakvoerder" }],
    sinceDaysAgo: 250,
    agreements: [{ key: "maesWebshop", service: "Onderhoud webshop", startedDaysAgo: 250 }],
    dossier: [
      {
        person: "anMaes",
        kind: "application",
        value: "WooCommerce-webshop",
        source: "overdracht vorige leverancier",
      },
    ],
  },
  {
    key: "garageDubois",
    companyName: "Garage Dubois SRL",
    vatNumber: belgianVatNumber("08341277"),
    contacts: [{ person: "sophieDubois", role: "Gérante" }],
    sinceDaysAgo: 200,
    agreements: [
      {
        key: "duboisParc",
        service: "Gestion du parc informatique (5 postes)",
        startedDaysAgo: 200,
      },
    ],
    dossier: [
      {
        person: "sophieDubois",
        kind: "device",
        value: "NAS Synology DS923+",
        source: "installation sur place",
      },
      {
        person: "sophieDubois",
        kind: "username",
        value: "garage-admin",
        source: "installation sur place",
      },
    ],
  },
  {
    key: "woutersArchitecten",
    companyName: "Wouters & Partners Architecten BV",
    vatNumber: belgianVatNumber("07559012"),
    contacts: [{ person: "thomasWouters", role: "Vennoot" }],
    sinceDaysAgo: 150,
    agreements: [{ key: "woutersM365", service: "Beheer Microsoft 365", startedDaysAgo: 150 }],
    dossier: [
      {
        person: "thomasWouters",
        kind: "email",
        value: "thomas@woutersarchitecten.example",
        note: "Beheerdersaccount Microsoft 365",
        source: "klant, per telefoon",
      },
    ],
  },
  {
    key: "brasserieLeCoq",
    companyName: "Brasserie Le Coq SRL",
    vatNumber: belgianVatNumber("08895540"),
    contacts: [{ person: "julienLecocq", role: "Gérant" }],
    sinceDaysAgo: 100,
    agreements: [{ key: "lecoqWifi", service: "Wi-Fi clients et caisse", startedDaysAgo: 100 }],
    dossier: [],
  },
];
