import type { AuditActor } from "../audit/index.ts";
import type { Config } from "../core/config.ts";
import type { Db } from "../core/db/database.ts";
import type { DataMap } from "../datamap/index.ts";
import { productModuleDeps } from "../module-deps.ts";
import type { ContactDeps } from "../modules/contact/index.ts";
import type { CustomerDeps, DossierDeps } from "../modules/customers/index.ts";
import type { NewsletterDeps } from "../modules/newsletter/index.ts";
import type { OrdersDeps } from "../modules/orders/index.ts";
import type { RightsDeps } from "../modules/rights/index.ts";
import type { SupportDeps } from "../modules/support/index.ts";
import type { Policy, PolicyStore } from "../policy/index.ts";
import { normalisePhone, type Vault } from "../vault/index.ts";
import type { DemoClock } from "./demo-clock.ts";
import { type DemoPerson, type DemoPersonKey, demoPeople } from "./demo-people.ts";

/** What the seed needs from its caller: the CLI opens these, a test passes its app's. */
export interface DemoDeps {
  db: Db;
  config: Config;
  vault: Vault;
  clock: DemoClock;
}

/** What the seed made, counted for the summary. */
export type DemoTally = Record<string, number>;

/**
 * Each module's dependencies, wired as app.ts wires them, and what the story has made so far:
 * a later event finds the customer or order an earlier one created by its key.
 */
export interface DemoWorld {
  db: Db;
  clock: DemoClock;
  vault: Vault;
  policy: () => Policy;
  dataMap: DataMap;
  contact: ContactDeps;
  customers: CustomerDeps;
  dossier: DossierDeps;
  orders: OrdersDeps;
  newsletter: NewsletterDeps;
  rights: RightsDeps;
  support: SupportDeps;
  /** The support technician the demo's tickets and sessions are by. */
  technician: { staffId: string; actor: AuditActor };
  customersByKey: Map<string, { id: string; number: string }>;
  agreementsByKey: Map<string, string>;
  ordersByKey: Map<string, string>;
  /** The cookie consent ids recorded, to look up at /admin/consent. */
  consentIds: string[];
  tally: DemoTally;
  subjectOf(person: DemoPersonKey): Promise<string>;
  count(what: string, by?: number): void;
}

export function createDemoWorld(
  deps: DemoDeps,
  options: { policies: PolicyStore; dataMap: DataMap; technicianId: string },
): DemoWorld {
  const { db, clock, vault, config } = deps;
  const { dataMap, policies } = options;
  const modules = productModuleDeps({ db, clock, vault, dataMap, config, policies });
  const tally: DemoTally = {};
  return {
    db,
    clock,
    vault,
    policy: modules.policy,
    dataMap,
    contact: modules.contact,
    customers: modules.engines,
    dossier: modules.customers,
    orders: modules.orders,
    newsletter: modules.newsletter,
    rights: modules.rights,
    support: modules.support,
    technician: {
      staffId: options.technicianId,
      actor: { type: "staff", id: options.technicianId },
    },
    customersByKey: new Map(),
    agreementsByKey: new Map(),
    ordersByKey: new Map(),
    consentIds: [],
    tally,
    subjectOf: async (key) => {
      const { email, name } = demoPeople[key];
      const { subjectId } = await vault.ensureSubject(db, { email, phone: phoneOf(key), name });
      return subjectId;
    },
    count: (what, by = 1) => {
      tally[what] = (tally[what] ?? 0) + by;
    },
  };
}

/** The person's phone in E.164, as the intake stores it; a typo in the demo data stops the seed. */
export function phoneOf(key: DemoPersonKey): string | undefined {
  const person: DemoPerson = demoPeople[key];
  if (person.phone === undefined) return undefined;
  const phone = normalisePhone(person.phone);
  if (!phone) throw new Error(`demo data: ${key} has no valid phone number`);
  return phone;
}
