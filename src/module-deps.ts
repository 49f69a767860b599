import type { Clock } from "./core/clock.ts";
import type { Config } from "./core/config.ts";
import type { Db } from "./core/db/database.ts";
import type { DataMap } from "./datamap/index.ts";
import { subjectsOfCustomer } from "./modules/customers/index.ts";
import { unsubscribeSubject } from "./modules/newsletter/index.ts";
import { disclosuresOfSubject, recordPortabilityTransfer } from "./modules/registers/index.ts";
import type { RightsEffects } from "./modules/rights/index.ts";
import {
  heldAsMinor,
  holdRecord,
  type QuarantineHook,
  sensitiveDataHook,
} from "./modules/scanner/index.ts";
import { memoryPasswordStore, type PasswordStore } from "./modules/support/index.ts";
import type { PolicyStore } from "./policy/index.ts";
import type { Vault } from "./vault/index.ts";

export interface ModuleDepsInput {
  db: Db;
  clock: Clock;
  vault: Vault;
  dataMap: DataMap;
  config: Config;
  policies: PolicyStore;
  /** Where handed-over TeamViewer passwords wait; defaults to this process's memory. */
  passwords?: PasswordStore | undefined;
}

/**
 * What each feature module is given, wired once: app.ts registers the routes with it and the
 * demo seed calls the same services with it, so a module's hooks into another (the scanner's
 * quarantine, the rights module's effects) are the same wherever the module runs.
 */
export function productModuleDeps(input: ModuleDepsInput) {
  const { db, clock, vault, dataMap, config, policies } = input;
  const policy = () => policies.current();
  const engines = { db, clock, dataMap, vault };
  const scanner = { ...engines, config, policy };
  const sensitiveData = sensitiveDataHook(policy);
  const quarantine: QuarantineHook = (tx, hold) => holdRecord(tx, scanner, hold);
  const newsletter = {
    ...engines,
    config,
    policy,
    policyVersion: () => policies.currentHash,
    minors: {
      heldAsMinor: (tx: Db, subjectId: string) => heldAsMinor(tx, scanner, subjectId),
      quarantine,
    },
  };
  const effects: RightsEffects = {
    unsubscribeNewsletter: (tx, unsubscribe) =>
      unsubscribeSubject({ ...newsletter, db: tx }, unsubscribe),
    subjectsOfCustomer: (tx, customerNumber) => subjectsOfCustomer({ db: tx }, customerNumber),
    recordTransfer: (tx, transfer) => recordPortabilityTransfer({ db: tx, clock }, transfer),
  };
  return {
    engines,
    policy,
    scanner,
    newsletter,
    rights: {
      ...engines,
      config,
      policy,
      sensitiveData,
      disclosures: disclosuresOfSubject,
      effects,
    },
    contact: { ...engines, config, policy, sensitiveData, quarantine },
    orders: { ...engines, config, policy },
    customers: { ...engines, config, policy, sensitiveData },
    consent: { ...engines, config, policy },
    security: { ...engines, config, policy, sensitiveData, quarantine },
    registers: { ...engines, config, policy, policies },
    support: {
      ...engines,
      config,
      // One store per process: a session is served by the process that holds its password.
      passwords: input.passwords ?? memoryPasswordStore(clock),
      sensitiveData,
    },
  };
}
