import type { ServeProcess } from "./serve-process.ts";
import type { StaffSession } from "./staff-session.ts";

export interface Reply {
  /** Which process answered. */
  process: number;
  status: number;
  body: Record<string, unknown>;
}

export interface ShopOrders {
  processes: readonly ServeProcess[];
  token: string;
  /** Order i is by customer i % customers, so each customer orders more than once. */
  customers: number;
  /** Numbers the idempotency keys, so two batches never share one. */
  firstIndex: number;
  count: number;
  status: "confirmed" | "completed";
}

export interface ConcurrentWrites {
  /** Orders the web shop places as completed, each issuing its invoice. */
  shop: ShopOrders;
  /** Confirmed orders a clerk completes in the back office at the same time. */
  backOffice: { staff: StaffSession; orderIds: readonly string[] };
  contacts: number;
}

export interface WrittenLoad {
  shop: Reply[];
  backOffice: Reply[];
  contacts: Reply[];
}

/**
 * Every write at once, alternating between the processes as a load balancer without sticky
 * sessions would: the shop's completed orders, a clerk completing orders, and contact requests
 * from the website. Invoice numbers and audit entries are taken through both doors at once.
 */
export async function writeConcurrently(
  processes: readonly ServeProcess[],
  writes: ConcurrentWrites,
): Promise<WrittenLoad> {
  const { staff, orderIds } = writes.backOffice;
  const [shop, backOffice, contacts] = await Promise.all([
    placeShopOrders(writes.shop),
    Promise.all(
      orderIds.map((id, index) =>
        post(processes, index + 1, `/admin/orders/${id}/complete`, {
          headers: { cookie: staff.cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ _csrf: staff.csrf }).toString(),
        }),
      ),
    ),
    sendContactRequests(processes, 0, writes.contacts),
  ]);
  return { shop, backOffice, contacts };
}

/** The web shop's POST /api/orders, all at once, alternating between the processes. */
export function placeShopOrders(orders: ShopOrders): Promise<Reply[]> {
  return Promise.all(
    Array.from({ length: orders.count }, (_, offset) => {
      const index = orders.firstIndex + offset;
      const request = json(shopOrder(index % orders.customers, orders.status));
      request.headers.authorization = `Bearer ${orders.token}`;
      request.headers["idempotency-key"] = `scale-order-${index}`;
      return post(orders.processes, index, "/api/orders", request);
    }),
  );
}

/** The website's POST /api/contact, all at once, alternating between the processes. */
export function sendContactRequests(
  processes: readonly ServeProcess[],
  firstIndex: number,
  count: number,
): Promise<Reply[]> {
  return Promise.all(
    Array.from({ length: count }, (_, offset) => {
      const index = firstIndex + offset;
      return post(processes, index, "/api/contact", json(contactRequest(index)));
    }),
  );
}

/**
 * Requests in flight per process, like a proxy's connection limit. Below the server's pool of 10
 * database connections: every write queues on the audit head's lock, and a request that waited
 * over 5 s for a pool connection would be answered 503 (see docs/scaling.md).
 */
const inFlightPerProcess = 8;
const gates = new WeakMap<ServeProcess, ReturnType<typeof gate>>();

async function post(
  processes: readonly ServeProcess[],
  index: number,
  path: string,
  request: { headers: Record<string, string>; body: string },
): Promise<Reply> {
  const process = index % processes.length;
  const server = processes[process];
  if (!server) throw new Error(`no process ${process}`);
  let limit = gates.get(server);
  if (!limit) {
    limit = gate(inFlightPerProcess);
    gates.set(server, limit);
  }
  const response = await limit(() =>
    fetch(`${server.url}${path}`, { method: "POST", redirect: "manual", ...request }),
  );
  const text = await response.text();
  const body = response.headers.get("content-type")?.includes("json")
    ? (JSON.parse(text) as Reply["body"])
    : { location: response.headers.get("location") ?? "" };
  return { process, status: response.status, body };
}

function json(body: unknown): { headers: Record<string, string>; body: string } {
  return { headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function shopOrder(customer: number, status: ShopOrders["status"]) {
  return {
    status,
    billing: {
      email: `klant.${customer}@bakkerij.example.be`,
      name: `Ilse Klant${customer}`,
      address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
    },
    lines: [{ description: "Draadloze muis", quantity: 1, unitPrice: "19,99", vatRate: 21 }],
  };
}

function contactRequest(index: number) {
  return {
    name: `Jan Vraagsteller${index}`,
    email: `vraag.${index}@voorbeeld.example.be`,
    subject: "Offerte netwerk",
    message: "Kunnen jullie een offerte maken voor een nieuw netwerk op kantoor?",
    locale: "nl",
  };
}

/** Runs at most `size` tasks at once; the others wait their turn, in order. */
function gate(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot to the next in line, so `running` never passes `size`.
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
