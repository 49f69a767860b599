import { isoDay } from "../datamap/index.ts";
import {
  addContactPerson,
  addDossierItem,
  createCustomer,
  endAgreement,
  startAgreement,
} from "../modules/customers/index.ts";
import { type DemoCustomer, type DemoDossierItem, demoCustomers } from "./demo-customers.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPerson, demoPeople } from "./demo-people.ts";
import type { DemoWorld } from "./demo-world.ts";

/** Customers, their people and agreements, and what their dossiers hold. */
export function customerEvents(): DemoEvent[] {
  return demoCustomers.flatMap((customer): DemoEvent[] => [
    {
      daysAgo: customer.sinceDaysAgo,
      time: "09:00",
      run: (world) => createDemoCustomer(world, customer),
    },
    ...customer.agreements.map(
      (agreement): DemoEvent => ({
        daysAgo: agreement.startedDaysAgo,
        time: "09:05",
        run: async (world) => {
          const id = await startAgreement(world.customers, {
            customerId: customerId(world, customer.key),
            service: agreement.service,
            startsOn: isoDay(world.clock.now()),
            actor: world.technician.actor,
          });
          world.agreementsByKey.set(agreement.key, id);
          world.count("agreements");
        },
      }),
    ),
    ...customer.agreements.flatMap((agreement): DemoEvent[] =>
      agreement.endedDaysAgo === undefined
        ? []
        : [
            {
              daysAgo: agreement.endedDaysAgo,
              time: "16:00",
              run: async (world) => {
                const agreementId = world.agreementsByKey.get(agreement.key);
                if (!agreementId)
                  throw new Error(`demo data: agreement ${agreement.key} not started`);
                await endAgreement(world.customers, { agreementId, actor: world.technician.actor });
              },
            },
          ],
    ),
    {
      daysAgo: customer.sinceDaysAgo - 1,
      time: "14:00",
      run: async (world) => {
        for (const item of [...contactDetails(customer), ...customer.dossier]) {
          await addDossierItem(world.dossier, {
            customerId: customerId(world, customer.key),
            subjectId: await world.subjectOf(item.person),
            kind: item.kind,
            value: item.value,
            note: item.note,
            source: item.source,
            recordedOn: isoDay(world.clock.now()),
            staffId: world.technician.staffId,
          });
          world.count("dossier items");
        }
      },
    },
  ]);
}

async function createDemoCustomer(world: DemoWorld, customer: DemoCustomer): Promise<void> {
  const [first, ...others] = customer.contacts;
  if (!first) throw new Error(`demo data: customer ${customer.key} has no contact person`);
  const created = await createCustomer(world.customers, {
    kind: customer.companyName ? "company" : "person",
    companyName: customer.companyName,
    contact: {
      subjectId: await world.subjectOf(first.person),
      name: demoPeople[first.person].name,
      role: first.role,
    },
    actor: world.technician.actor,
  });
  for (const contact of others) {
    await addContactPerson(world.customers, {
      customerId: created.id,
      subjectId: await world.subjectOf(contact.person),
      name: demoPeople[contact.person].name,
      role: contact.role,
    });
  }
  world.customersByKey.set(customer.key, created);
  world.count("customers");
}

/** The statement's "contact data" and "addresses": what every dossier starts with. */
function contactDetails(customer: DemoCustomer): DemoDossierItem[] {
  return customer.contacts.flatMap(({ person }): DemoDossierItem[] => {
    const { address, ...details }: DemoPerson = demoPeople[person];
    const where = `${address.street}, ${address.postalCode} ${address.city}`;
    return [
      { person, kind: "address", value: where, source: "klant, bij de start" },
      ...(details.phone
        ? [
            {
              person,
              kind: "contact" as const,
              value: details.phone,
              source: "klant, bij de start",
            },
          ]
        : []),
    ];
  });
}

export function customerId(world: DemoWorld, key: string): string {
  const customer = world.customersByKey.get(key);
  if (!customer) throw new Error(`demo data: customer ${key} does not exist yet`);
  return customer.id;
}
