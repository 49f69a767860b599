import pg from "pg";

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: Error | boolean) => void,
) => void;

/**
 * A pg pool that survives its server going away (a restart, a failover, a network cut) while
 * clients are checked out, so the process serves again once the database is back:
 *
 * - A checked-out client whose connection dies emits `error`; node-postgres listens for it only
 *   while the client is idle, so without a listener of our own the process would crash.
 * - drizzle's `transaction()` does not release a client whose BEGIN failed. A dead connection
 *   therefore used to keep its slot forever; after a few outages the pool had none left. A
 *   client whose connection ends while checked out is handed back at once (the pool drops it,
 *   since it is no longer queryable), and the owner's later `release()` does nothing.
 */
export class RecoveringPool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("connect", (client) => {
      client.on("error", () => {});
    });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    // pool.query() uses the callback form and releases on every path itself.
    if (callback) {
      super.connect(callback);
      return undefined;
    }
    return super.connect().then(handBackWhenLost);
  }
}

function handBackWhenLost(client: pg.PoolClient): pg.PoolClient {
  const poolRelease = client.release;
  let released = false;
  const release = (reason?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("end", onLost);
    poolRelease.call(client, reason);
  };
  const onLost = () => release(new Error("the database connection was lost"));
  client.once("end", onLost);
  client.release = release;
  return client;
}
