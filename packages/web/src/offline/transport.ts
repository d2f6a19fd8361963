import {
  type PullResponse,
  type PushRequest,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '@acompana/core';

// How the sync engine reaches the server. The browser uses same-origin fetch with the session
// cookie; tests and tools pass a base URL and headers (cookie, Origin). Failures are sorted
// into what the engine does next: retry later, ask to log in again, or report.

export type TransportFailure =
  /** No answer (offline, dropped connection, timeout): retry with backoff. */
  | 'network'
  /** 401: the session ended; stop until the person logs in again. */
  | 'unauthenticated'
  /** 5xx / 429 / an unreadable answer: retry with backoff. */
  | 'server'
  /** Another 4xx: the request itself is refused; retry later but show it. */
  | 'client';

export class TransportError extends Error {
  readonly failure: TransportFailure;
  readonly status: number;
  readonly code: string;
  constructor(failure: TransportFailure, status: number, code: string, message = '') {
    super(message || `${failure} ${status} ${code}`);
    this.name = 'TransportError';
    this.failure = failure;
    this.status = status;
    this.code = code;
  }
}

export interface PullQuery {
  cursor?: string;
  scope?: string;
  limit?: number;
}

export interface SyncTransport {
  push(request: PushRequest, signal?: AbortSignal): Promise<PushResponse>;
  pull(query: PullQuery, signal?: AbortSignal): Promise<PullResponse>;
}

export interface HttpTransportOptions {
  /** '' in the browser (same origin); `http://host:port` elsewhere. */
  baseUrl?: string;
  /** Extra headers per request (cookie and Origin outside the browser). */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
  /** Abort a request that takes longer than this (a hung connection must not block sync). */
  timeoutMs?: number;
}

/** Push bodies from this size on travel gzipped (the server expands them, capped: docs/SYNC.md).
 *  Smaller ones would gain less than gzip's own header. */
export const GZIP_PUSH_FROM_BYTES = 1024;

async function gzipText(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export function httpTransport(options: HttpTransportOptions = {}): SyncTransport {
  const { baseUrl = '', headers = () => ({}), timeoutMs = 60_000 } = options;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<T>(path: string, init: RequestInit, schema: Parser<T>, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        ...init,
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...(init.headers ?? {}), ...headers() },
        signal: combined,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new TransportError('network', 0, 'NETWORK', String(cause));
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`;
      const message = typeof error?.message === 'string' ? error.message : '';
      const failure: TransportFailure =
        response.status === 401
          ? 'unauthenticated'
          : response.status >= 500 || response.status === 429 || response.status === 408
            ? 'server'
            : 'client';
      throw new TransportError(failure, response.status, code, message);
    }
    const parsed = schema.safeParse(json);
    // A truncated or foreign answer (a captive portal, a proxy page) is retried like a 5xx.
    if (!parsed.success) throw new TransportError('server', response.status, 'BAD_RESPONSE');
    return parsed.data;
  }

  return {
    async push(request, signal) {
      const json = JSON.stringify(request);
      const gzip = json.length >= GZIP_PUSH_FROM_BYTES && typeof CompressionStream === 'function';
      return call(
        '/api/v1/sync/push',
        {
          method: 'POST',
          headers: gzip
            ? { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }
            : { 'Content-Type': 'application/json' },
          body: gzip ? await gzipText(json) : json,
        },
        pushResponseSchema,
        signal,
      );
    },
    pull(query, signal) {
      const params = new URLSearchParams();
      if (query.cursor) params.set('cursor', query.cursor);
      if (query.scope) params.set('scope', query.scope);
      if (query.limit) params.set('limit', String(query.limit));
      const qs = params.toString();
      return call(
        `/api/v1/sync/pull${qs ? `?${qs}` : ''}`,
        { method: 'GET' },
        pullResponseSchema,
        signal,
      );
    },
  };
}
