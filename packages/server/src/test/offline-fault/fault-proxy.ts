import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A hostile network between devices and the server, for the fault-injection test: on sync
// requests it drops requests, drops responses (after the server acted), sends requests twice
// and delays them at random so they overtake each other. Seeded, so a failure replays.

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  /** Upper bound of the random delay added to every sync request (reordering). */
  maxDelayMs: number;
}

export interface FaultStats {
  forwarded: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  upstreamDown: number;
}

/** Small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  setUpstream(url: string | null): void;
  setFaults(rates: FaultRates | null): void;
  close(): Promise<void>;
}

export async function startFaultProxy(seed: number): Promise<FaultProxy> {
  const random = seededRandom(seed);
  let upstream: string | null = null;
  let faults: FaultRates | null = null;
  const stats: FaultStats = {
    forwarded: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicated: 0,
    upstreamDown: 0,
  };

  async function forward(req: http.IncomingMessage, body: Buffer) {
    if (!upstream) throw new Error('upstream down');
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'connection') {
        headers.set(name, value);
      }
    }
    const response = await fetch(`${upstream}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    stats.forwarded++;
    return {
      status: response.status,
      headers: response.headers,
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const hostile = faults !== null && (req.url ?? '').startsWith('/api/v1/sync/');
    const roll = random();
    const rates = faults;
    try {
      if (hostile && rates) {
        await sleep(random() * rates.maxDelayMs);
        if (roll < rates.dropRequest) {
          stats.droppedRequests++;
          res.socket?.destroy();
          return;
        }
      }
      let answer: Awaited<ReturnType<typeof forward>>;
      if (hostile && rates && roll < rates.dropRequest + rates.duplicate) {
        stats.duplicated++;
        const twice = await Promise.allSettled([
          forward(req, body),
          sleep(random() * rates.maxDelayMs).then(() => forward(req, body)),
        ]);
        const ok = twice.find((r) => r.status === 'fulfilled');
        if (!ok) throw new Error('upstream down');
        answer = ok.value;
      } else {
        answer = await forward(req, body);
      }
      if (hostile && rates && roll >= 1 - rates.dropResponse) {
        // The server has acted; the device never hears about it.
        stats.droppedResponses++;
        res.socket?.destroy();
        return;
      }
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (
          name !== 'content-length' &&
          name !== 'transfer-encoding' &&
          name !== 'content-encoding'
        ) {
          headers[name] = value;
        }
      });
      const setCookie = answer.headers.getSetCookie();
      res.writeHead(answer.status, {
        ...headers,
        ...(setCookie.length ? { 'set-cookie': setCookie } : {}),
      });
      res.end(answer.body);
    } catch {
      // The server is restarting or unreachable: the device sees a dead connection.
      stats.upstreamDown++;
      res.socket?.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setUpstream(url) {
      upstream = url;
    },
    setFaults(rates) {
      faults = rates;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
