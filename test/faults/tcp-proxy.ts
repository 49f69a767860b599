import net from "node:net";

export interface TcpProxy {
  port: number;
  /** New connections are refused (nothing listens on the port); open ones are left alone. */
  refuse(): void;
  /** Every open connection is cut, as a server going down closes its sockets. */
  cut(): void;
  /**
   * Like a host that stopped answering (a hung server, a firewall dropping packets): connections
   * are accepted, then nothing ever comes back.
   */
  blackHole(): Promise<void>;
  /** Back up: new connections reach the real server again. */
  forward(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy between the app and the shared PostgreSQL, so a test can take "the database"
 * away without touching the real server, which other test files use at the same time.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: "forward" | "black-hole" = "forward";
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    // A cut connection reports ECONNRESET here; its other half is cut with it below.
    socket.on("error", () => {});
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === "black-hole") {
      client.resume();
      return;
    }
    const upstream = net.connect(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
  });
  await listen(server, 0);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  const refuse = () => {
    if (server.listening) server.close();
  };
  const ensureListening = async () => {
    if (!server.listening) await listen(server, port);
  };
  return {
    port,
    refuse,
    cut,
    blackHole: async () => {
      mode = "black-hole";
      await ensureListening();
    },
    forward: async () => {
      mode = "forward";
      // Held black-holed connections die with the outage; their client gave up on them already.
      cut();
      await ensureListening();
    },
    close: async () => {
      refuse();
      cut();
    },
  };
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
