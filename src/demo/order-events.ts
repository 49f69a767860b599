import {
  changeOrderStatus,
  completeOrder,
  createOrder,
  type OrderChannel,
  orderSchema,
} from "../modules/orders/index.ts";
import { demoCustomers } from "./demo-customers.ts";
import type { DemoEvent } from "./demo-event.ts";
import { type DemoPersonKey, demoPeople } from "./demo-people.ts";
import type { DemoWorld } from "./demo-world.ts";

interface DemoOrder {
  daysAgo: number;
  channel: OrderChannel;
  buyer: DemoPersonKey;
  /** A customer's orders carry its number and company; a walk-in order has neither. */
  customer?: string;
  company?: { name: string; vatNumber: string };
  /** Description, quantity and unit price in euro as typed, VAT rate. */
  lines: [string, string, string, 21 | 12 | 6 | 0][];
  /** Completed orders get their invoice a few days later; the rest stay as they are. */
  outcome: "completed" | "confirmed" | "draft" | "cancelled";
}

const demoOrders: readonly DemoOrder[] = [
  {
    daysAgo: 428,
    channel: "backoffice",
    buyer: "koenVermeulen",
    customer: "drukkerijVermeulen",
    lines: [
      ["Netwerkswitch HPE OfficeConnect 1930 24G", "1", "389.00", 21],
      ["Installatie ter plaatse (uur)", "3", "85.00", 21],
    ],
    outcome: "completed",
  },
  {
    daysAgo: 408,
    channel: "backoffice",
    buyer: "pieterDeSmet",
    customer: "bakkerijDeSmet",
    lines: [
      ["Kassa-pc Lenovo ThinkCentre M70q", "2", "749.00", 21],
      ["Installatie en configuratie (uur)", "4", "85.00", 21],
    ],
    outcome: "completed",
  },
  {
    daysAgo: 288,
    channel: "backoffice",
    buyer: "janJanssens",
    customer: "janJanssens",
    lines: [
      ["Laptop Dell Latitude 5440", "1", "1099.00", 21],
      ["Gegevensmigratie van de oude pc", "1", "120.00", 21],
    ],
    outcome: "completed",
  },
  {
    daysAgo: 195,
    channel: "backoffice",
    buyer: "sophieDubois",
    customer: "garageDubois",
    lines: [
      ["NAS Synology DS923+", "1", "689.00", 21],
      ["Disque dur 4 To", "4", "119.00", 21],
    ],
    outcome: "completed",
  },
  {
    daysAgo: 120,
    channel: "web",
    buyer: "anMaes",
    customer: "fietsenMaes",
    lines: [["Hosting webshop (maand)", "12", "25.00", 21]],
    outcome: "completed",
  },
  {
    daysAgo: 90,
    channel: "web",
    buyer: "sanneBakker",
    // Another member state's business: reverse charge, with the legal mention on the invoice.
    company: { name: "Bakker ICT B.V.", vatNumber: "NL123456782B01" },
    lines: [["Licentie Monitoring Pro (1 jaar)", "1", "480.00", 21]],
    outcome: "completed",
  },
  {
    daysAgo: 60,
    channel: "backoffice",
    buyer: "thomasWouters",
    customer: "woutersArchitecten",
    lines: [
      ["Microsoft 365 Business Standard (jaar, per gebruiker)", "8", "150.00", 21],
      ["Handboek Microsoft 365 voor kantoren", "1", "34.95", 6],
    ],
    outcome: "completed",
  },
  {
    daysAgo: 45,
    channel: "web",
    buyer: "lucasMartin",
    lines: [["Écran Dell 27 pouces P2723D", "1", "329.00", 21]],
    outcome: "cancelled",
  },
  {
    daysAgo: 20,
    channel: "backoffice",
    buyer: "julienLecocq",
    customer: "brasserieLeCoq",
    lines: [
      ["Point d'accès Wi-Fi Ubiquiti U6 Pro", "3", "179.00", 21],
      ["Installation (heure)", "2", "85.00", 21],
    ],
    outcome: "confirmed",
  },
  {
    daysAgo: 2,
    // Taken by phone: staff type it in the back office.
    channel: "backoffice",
    buyer: "wimVandenBerghe",
    lines: [
      ["Printer Brother HL-L2350DW", "1", "149.99", 21],
      ["Toner TN-2420", "2", "49.95", 21],
    ],
    outcome: "draft",
  },
];

/** Orders from every channel; most completed, so invoices (and their 7-year clock) exist. */
export function orderEvents(): DemoEvent[] {
  return demoOrders.flatMap((order, index): DemoEvent[] => {
    const key = `order-${index}`;
    const placed: DemoEvent = {
      daysAgo: order.daysAgo,
      time: "10:30",
      run: async (world) => {
        const created = await createOrder(world.orders, {
          channel: order.channel,
          request: orderRequest(world, order),
          locale: demoPeople[order.buyer].locale,
          actor: order.channel === "web" ? { type: "system" } : world.technician.actor,
        });
        world.ordersByKey.set(key, created.id);
        world.count("orders");
      },
    };
    if (order.outcome === "draft") return [placed];
    const settled: DemoEvent = {
      daysAgo: Math.max(order.daysAgo - 3, 0),
      time: "11:00",
      run: (world) => settleOrder(world, key, order.outcome),
    };
    return [placed, settled];
  });
}

async function settleOrder(
  world: DemoWorld,
  key: string,
  outcome: DemoOrder["outcome"],
): Promise<void> {
  const orderId = world.ordersByKey.get(key);
  if (!orderId) throw new Error(`demo data: ${key} was not placed`);
  const actor = world.technician.actor;
  if (outcome === "completed") {
    const completed = await completeOrder(world.orders, { orderId, actor });
    if (completed.status !== "completed") throw new Error(`demo data: ${key} ${completed.status}`);
    world.count("invoices");
    return;
  }
  const change = outcome === "cancelled" ? "cancel" : "confirm";
  await changeOrderStatus(world.orders, { orderId, change, actor });
}

/** Through the same schema as the web shop's JSON, so the demo cannot store what a shop could not. */
function orderRequest(world: DemoWorld, order: DemoOrder) {
  const buyer = demoPeople[order.buyer];
  const customer = order.customer
    ? demoCustomers.find((candidate) => candidate.key === order.customer)
    : undefined;
  const company =
    order.company ??
    (customer?.companyName && customer.vatNumber
      ? { name: customer.companyName, vatNumber: customer.vatNumber }
      : undefined);
  return orderSchema.parse({
    billing: {
      email: buyer.email,
      name: buyer.name,
      company: company?.name,
      vatNumber: company?.vatNumber,
      address: buyer.address,
    },
    lines: order.lines.map(([description, quantity, unitPrice, vatRate]) => ({
      description,
      quantity,
      unitPrice,
      vatRate,
    })),
    customerNumber: order.customer ? world.customersByKey.get(order.customer)?.number : undefined,
    locale: buyer.locale,
  });
}
