import net from "node:net";

/** What the proxy does with the app's database traffic. */
export type FaultMode = "pass" | "stall" | "refuse";

export interface FaultProxy {
  /** `databaseUrl` with its host and port replaced by the proxy's: give this one to the app. */
  url: string;
  mode(): FaultMode;
  /** Network partition: connections stay open but nothing moves either way (new ones hang in their startup). */
  stall(): void;
  /** Database gone: every connection is cut and new ones are refused (reset at once). */
  refuse(): void;
  /** Cuts every open connection (as if each backend died) but accepts new ones. */
  dropAll(): number;
  restore(): void;
  stop(): Promise<void>;
}

/**
 * A TCP proxy between the app and its database that can stall or cut the traffic: the one way to make
 * "the database is gone" or "the network hangs" happen the same way to a Postgres server and to the
 * embedded database, without stopping a server other people use.
 */
export async function startFaultProxy(databaseUrl: string): Promise<FaultProxy> {
  const target = new URL(databaseUrl);
  type Pair = { client: net.Socket; upstream: net.Socket; flowing: boolean };
  const pairs = new Set<Pair>();
  let mode: FaultMode = "pass";
  const flow = (pair: Pair) => {
    if (pair.flowing) return;
    pair.flowing = true;
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };
  const hold = (pair: Pair) => {
    if (!pair.flowing) return;
    pair.flowing = false;
    pair.client.unpipe(pair.upstream);
    pair.upstream.unpipe(pair.client);
    pair.client.pause();
    pair.upstream.pause();
  };

  const server = net.createServer((client) => {
    if (mode === "refuse") {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: Pair = { client, upstream, flowing: false };
    pairs.add(pair);
    client.pause();
    if (mode === "pass") flow(pair);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(address.port);

  const dropAll = () => {
    const count = pairs.size;
    for (const { client, upstream } of [...pairs]) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    return count;
  };
  return {
    url: url.toString(),
    mode: () => mode,
    stall() {
      mode = "stall";
      for (const pair of pairs) hold(pair);
    },
    refuse() {
      mode = "refuse";
      dropAll();
    },
    dropAll,
    restore() {
      mode = "pass";
      for (const pair of pairs) flow(pair);
    },
    async stop() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
