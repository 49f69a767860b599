import os from "node:os";
import type { DatabaseKind } from "../src/core/db/database.ts";
import {
  addContactPerson,
  addDossierItem,
  addTicketNote,
  createCustomer,
  dossierItemKinds,
  openTicket,
  startAgreement,
} from "../src/modules/customers/index.ts";
import { createOrder, orderSchema } from "../src/modules/orders/index.ts";
import { passThroughSensitiveData } from "../src/modules/scanner/index.ts";
import { loadActivePolicy } from "../src/policy/index.ts";
import { createDataMap } from "../src/record-types.ts";
import { createTestApp } from "../test/helpers/app.ts";
import { setUpStaff } from "../test/helpers/staff.ts";

const sizes = { dossierItems: 200, tickets: 100, orders: 50, contacts: 3, requests: 200 };

export interface CustomerPageResult {
  kind: DatabaseKind;
  page: { p50: number; p95: number; max: number; bytes: number };
  healthz: { p50: number; p95: number };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

/**
 * A customer with 200 dossier items, 100 tickets (a note each) and 50 orders: the staff page is
 * fetched 200 times, signed in, through app.inject, one at a time. Server time is Fastify's own
 * `reply.elapsedTime` (routing, guard, queries, decryption, audit, render), taken in an
 * onResponse hook; the baseline is /healthz through the same app.
 */
export async function customerPageBenchmark(kind: DatabaseKind): Promise<CustomerPageResult> {
  const timings = new Map<string, number[]>();
  const t = await createTestApp(kind, {
    extend: (app) => {
      app.addHook("onResponse", async (request, reply) => {
        const key = request.url.split("?")[0] ?? "";
        const list = timings.get(key) ?? [];
        list.push(reply.elapsedTime);
        timings.set(key, list);
      });
    },
  });
  try {
    const { policy } = await loadActivePolicy(undefined);
    const deps = {
      db: t.database.db,
      vault: t.vault,
      clock: t.clock,
      dataMap: createDataMap(() => policy),
      sensitiveData: passThroughSensitiveData,
    };
    const staff = await setUpStaff(t, "support");
    const actor = { type: "staff" as const, id: staff.staffId };
    const people: string[] = [];
    for (let i = 0; i < sizes.contacts; i++) {
      const { subjectId } = await t.vault.ensureSubject(t.database.db, {
        email: `persoon${i}@bakkerij.be`,
        name: `Persoon ${i} Claes`,
      });
      people.push(subjectId);
    }
    const customer = await createCustomer(deps, {
      kind: "company",
      companyName: "Bakkerij Claes BV",
      contact: { subjectId: people[0] ?? "", name: "Persoon 0 Claes" },
      actor,
    });
    for (let i = 1; i < people.length; i++) {
      await addContactPerson(deps, {
        customerId: customer.id,
        subjectId: people[i] ?? "",
        name: `Persoon ${i} Claes`,
      });
    }
    await startAgreement(deps, {
      customerId: customer.id,
      service: "Beheer IT",
      startsOn: "2026-01-01",
      actor,
    });
    const person = (i: number) => people[i % people.length] ?? "";
    for (let i = 0; i < sizes.dossierItems; i++) {
      await addDossierItem(deps, {
        customerId: customer.id,
        subjectId: person(i),
        kind: dossierItemKinds[i % dossierItemKinds.length] ?? "device",
        value: `waarde ${i}: laptop-${i}.bakkerij.local`,
        note: i % 2 === 0 ? `notitie ${i}` : undefined,
        source: "klant, per telefoon",
        recordedOn: "2026-02-01",
        staffId: staff.staffId,
      });
    }
    for (let i = 0; i < sizes.tickets; i++) {
      const ticket = await openTicket(deps, {
        customerId: customer.id,
        subjectId: person(i),
        title: `Printer ${i} doet raar`,
        staffId: staff.staffId,
        locale: "nl",
      });
      await addTicketNote(deps, {
        ticketId: ticket.id,
        body: `Driver ${i} opnieuw geïnstalleerd`,
        staffId: staff.staffId,
        locale: "nl",
      });
    }
    const ordersDeps = {
      ...deps,
      config: { MAIL_FROM: t.config.MAIL_FROM, PUBLIC_URL: t.config.PUBLIC_URL },
      policy: () => policy,
    };
    for (let i = 0; i < sizes.orders; i++) {
      await createOrder(ordersDeps, {
        channel: "backoffice",
        locale: "nl",
        actor,
        request: orderSchema.parse({
          billing: {
            email: "boekhouding@bakkerij.be",
            name: "Persoon 0 Claes",
            company: "Bakkerij Claes BV",
            address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
          },
          lines: [{ description: `Laptop ${i}`, quantity: "1", unitPrice: "999,99", vatRate: 21 }],
          customerNumber: customer.number,
        }),
      });
    }
    const url = `/admin/customers/${customer.id}`;
    const headers = { cookie: staff.jar.header };
    let bytes = 0;
    const fetch = async (target: string) => {
      const response = await t.app.inject({ url: target, remoteAddress: staff.jar.ip, headers });
      if (response.statusCode !== 200) {
        throw new Error(
          `${target} answered ${response.statusCode}: ${response.body.slice(0, 200)}`,
        );
      }
      if (target === url) bytes = response.body.length;
    };
    for (let i = 0; i < 20; i++) {
      await fetch(url);
      await fetch("/healthz");
    }
    timings.clear();
    for (let i = 0; i < sizes.requests; i++) {
      await fetch(url);
      await fetch("/healthz");
    }
    const page = [...(timings.get(url) ?? [])].sort((a, b) => a - b);
    const healthz = [...(timings.get("/healthz") ?? [])].sort((a, b) => a - b);
    return {
      kind,
      page: {
        p50: percentile(page, 0.5),
        p95: percentile(page, 0.95),
        max: page.at(-1) ?? Number.NaN,
        bytes,
      },
      healthz: { p50: percentile(healthz, 0.5), p95: percentile(healthz, 0.95) },
    };
  } finally {
    await t.close();
  }
}

/** Prints the customer page table (issue 10): target p95 < 50 ms on PostgreSQL. */
export async function printCustomerPageBenchmark(kinds: readonly DatabaseKind[]): Promise<void> {
  const fixed = (n: number, digits = 1) => n.toFixed(digits);
  process.stdout.write(
    `\nstaff customer page (${sizes.contacts} contacts, ${sizes.dossierItems} dossier items, ${sizes.tickets} tickets with a note, ${sizes.orders} orders), ${sizes.requests} sequential GETs signed in, server time (reply.elapsedTime), ${os.cpus().length} CPUs\n`,
  );
  process.stdout.write(
    "| database | page p50 ms | page p95 ms | page max ms | page KiB | /healthz p50 ms | /healthz p95 ms | p95 / healthz p95 | p95 < 50 ms |\n|---|---|---|---|---|---|---|---|---|\n",
  );
  for (const kind of kinds) {
    const result = await customerPageBenchmark(kind);
    process.stdout.write(
      `| ${kind} | ${fixed(result.page.p50)} | ${fixed(result.page.p95)} | ${fixed(result.page.max)} | ${fixed(result.page.bytes / 1024, 0)} | ${fixed(result.healthz.p50, 2)} | ${fixed(result.healthz.p95, 2)} | ${fixed(result.page.p95 / result.healthz.p95, 0)} | ${result.page.p95 < 50 ? "yes" : "no"} |\n`,
    );
  }
}
