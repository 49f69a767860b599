import { inventoryVersion, recordConsentChoice } from "../modules/consent/index.ts";
import type { DemoEvent } from "./demo-event.ts";

interface DemoConsent {
  daysAgo: number;
  /** The banner's random id, fixed here so every demo has the same ones. */
  consentId: string;
  action: "accept_all" | "reject_all" | "custom";
  choices: Record<string, boolean>;
  page: string;
  ip: string;
  userAgent: string;
}

const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const safari =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const chrome =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const demoConsents: readonly DemoConsent[] = [
  {
    daysAgo: 21,
    consentId: "5b0c8a8e-3f4d-4c1e-9a57-2e6f1d0b7c31",
    action: "reject_all",
    choices: {},
    page: "/",
    ip: "198.51.100.42",
    userAgent: firefox,
  },
  {
    daysAgo: 8,
    consentId: "c2f7e9d4-81a6-4b3f-8d0e-6a5b4c3d2e1f",
    action: "accept_all",
    choices: {},
    page: "/diensten",
    ip: "203.0.113.93",
    userAgent: safari,
  },
  {
    daysAgo: 2,
    consentId: "9e1d2c3b-4a5f-4e6d-8c7b-0a9f8e7d6c5b",
    action: "reject_all",
    choices: {},
    page: "/contact",
    ip: "198.51.100.139",
    userAgent: chrome,
  },
];

/** Proof of cookie choices, refusals kept as carefully as acceptances. */
export function consentEvents(): DemoEvent[] {
  return demoConsents.map(
    (entry): DemoEvent => ({
      daysAgo: entry.daysAgo,
      time: "18:45",
      run: async (world) => {
        const recorded = await recordConsentChoice(world, {
          consentId: entry.consentId,
          action: entry.action,
          choices: entry.choices,
          inventoryVersion: inventoryVersion(world.policy()),
          page: entry.page,
          ip: entry.ip,
          userAgent: entry.userAgent,
        });
        if (!recorded.ok) throw new Error(`demo: consent ${entry.consentId} ${recorded.problem}`);
        world.consentIds.push(entry.consentId);
        world.count("cookie choices");
      },
    }),
  );
}
