/** One request the load made, as the client saw it. */
export interface Sample {
  label: string;
  /** ms since the load began, when the request was sent. */
  startedAt: number;
  ms: number;
  /** 0: no answer (the client gave up or the connection failed). */
  status: number;
  retryAfter: string | null;
  contentType: string;
  body: string;
}

export interface Target {
  label: string;
  path: string;
  init?: RequestInit;
  /** Runs the request itself (a server action); otherwise `fetch(base + path, init)`. */
  send?: () => Promise<Response>;
}

export interface LoadOptions {
  baseUrl: string;
  targets: Target[];
  /** Concurrent clients, each sending its next request as soon as the last one answered. */
  clients: number;
  /** Stop sending when this says so (checked before each request). */
  done: () => boolean;
  /** At most this many requests in all, so the load is bounded whatever happens. */
  maxRequests: number;
  /** A client gives up on a request after this long (recorded as status 0). */
  timeoutMs?: number;
}

/** A bounded load of plain fetch loops; returns every request it made, with its timing and answer. */
export async function runLoad(options: LoadOptions): Promise<{ samples: Sample[]; startedAt: number }> {
  const startedAt = Date.now();
  const samples: Sample[] = [];
  let sent = 0;
  const client = async (offset: number) => {
    for (let i = offset; !options.done() && sent < options.maxRequests; i++) {
      sent++;
      const target = options.targets[i % options.targets.length]!;
      const began = Date.now();
      let sample: Omit<Sample, "label" | "startedAt" | "ms">;
      try {
        const response = await (target.send
          ? target.send()
          : fetch(options.baseUrl + target.path, {
              redirect: "manual",
              ...target.init,
              signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
            }));
        const body = await response.text();
        sample = {
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          contentType: response.headers.get("content-type") ?? "",
          body: body.slice(0, 4000),
        };
      } catch (error) {
        sample = { status: 0, retryAfter: null, contentType: "", body: String(error) };
      }
      samples.push({ label: target.label, startedAt: began - startedAt, ms: Date.now() - began, ...sample });
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return { samples, startedAt };
}

export interface LoadFigures {
  requests: number;
  ok: number;
  unavailable: number;
  /** Any 5xx but 503, and answers that never came. */
  failures: number;
  maxMs: number;
  p50Ms: number;
  /** ms from the fault's end until every request sent from then on was answered well (null: not measured). */
  recoveryMs: number | null;
  byStatus: Record<string, number>;
}

/**
 * Figures of a load around a fault that ended at `faultEnd` (ms since the load began): the recovery time
 * is how long after the fault's end the last bad answer (a 503, a failure) was sent.
 */
export function figures(
  samples: Sample[],
  faultEnd?: number,
  isGood = (s: Sample) => s.status > 0 && s.status < 500,
): LoadFigures {
  const byStatus: Record<string, number> = {};
  for (const s of samples) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  const latencies = samples.map((s) => s.ms).sort((a, b) => a - b);
  let recoveryMs: number | null = null;
  if (faultEnd !== undefined) {
    const lastBad = samples
      .filter((s) => s.startedAt >= faultEnd && !isGood(s))
      .reduce((latest, s) => Math.max(latest, s.startedAt), faultEnd);
    recoveryMs = lastBad - faultEnd;
  }
  return {
    requests: samples.length,
    ok: samples.filter((s) => s.status >= 200 && s.status < 400).length,
    unavailable: byStatus["503"] ?? 0,
    failures: samples.filter((s) => s.status === 0 || (s.status >= 500 && s.status !== 503)).length,
    maxMs: latencies.at(-1) ?? 0,
    p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
    recoveryMs,
    byStatus,
  };
}
