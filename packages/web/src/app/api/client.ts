import { flushPendingLogout } from '../session/pendingLogout.ts';

// Thin fetch wrapper for the same-origin JSON API. Every non-2xx answer becomes an ApiError
// carrying the server's stable code, so screens pick the catalog message for it.

/** Codes the client itself produces when there is no usable server answer. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  /** An `ErrorCode` from @acompana/core, or a client-side code. */
  readonly code: string;
  readonly details: Record<string, unknown> | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Anything with zod's `safeParse`; keeps this module free of a direct zod dependency. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/** A schema, or a loader of one: the schema module (and zod with it) then downloads with the
 *  first answer it checks instead of with the page that imports the endpoint. */
export type SchemaSource<T> = Parser<T> | (() => Promise<Parser<T>>);

type UnauthenticatedHandler = (error: ApiError) => void;
let onUnauthenticated: UnauthenticatedHandler | null = null;

/** The session registers here so that a 401 on any request sends the person to the login. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler | null): void {
  onUnauthenticated = handler;
}

const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-serialised, or sent as is when it is FormData (file uploads). */
  body?: unknown;
  signal?: AbortSignal;
  /** Validates a JSON answer; omit for endpoints that answer 204. */
  schema?: SchemaSource<T>;
}

export async function apiRequest<T = void>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const { method = 'GET', body, signal, schema } = options;
  const isForm = body instanceof FormData;
  const payload: BodyInit | undefined =
    body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body);
  // A logout made offline goes first: nothing is sent under a session its person left.
  if (!(await flushPendingLogout())) {
    throw new ApiError(0, 'NETWORK', 'A logout made offline has not reached the server yet');
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // The browser sets the multipart boundary of a FormData body itself.
      headers: isForm
        ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: payload,
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', String(cause));
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && SESSION_CODES.has(error.code)) onUnauthenticated?.(error);
    throw error;
  }
  if (!schema) return undefined as T;

  const [json, parser] = await Promise.all([readJson(response), loadSchema(schema)]);
  const parsed = parser.safeParse(json);
  if (!parsed.success) {
    // Logged so a contract drift between server and web is easy to spot while developing.
    console.error('Respuesta inesperada de', path, parsed.error);
    throw new ApiError(response.status, 'BAD_RESPONSE', 'Unexpected response shape');
  }
  return parsed.data;
}

async function loadSchema<T>(schema: SchemaSource<T>): Promise<Parser<T>> {
  if (typeof schema !== 'function') return schema;
  try {
    return await schema();
  } catch (cause) {
    // The schema's code could not be downloaded: the same remedy as a lost connection.
    throw new ApiError(0, 'NETWORK', `Could not load the answer's schema: ${String(cause)}`);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readError(response: Response): Promise<ApiError> {
  const json = await readJson(response);
  const error = isRecord(json) && isRecord(json.error) ? json.error : null;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : '';
    const details = isRecord(error.details) ? error.details : null;
    return new ApiError(response.status, error.code, message, details);
  }
  // No error body (a proxy or a crash answered): fall back to a code derived from the status.
  const code =
    response.status === 401
      ? 'UNAUTHENTICATED'
      : response.status === 403
        ? 'FORBIDDEN'
        : response.status === 404
          ? 'NOT_FOUND'
          : response.status === 429
            ? 'RATE_LIMITED'
            : 'INTERNAL';
  return new ApiError(response.status, code, '');
}
