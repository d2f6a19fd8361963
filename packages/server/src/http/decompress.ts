import zlib from 'node:zlib';
import { AppError } from '@acompana/core';
import type { MiddlewareHandler } from 'hono';

// Request bodies sent with `Content-Encoding: gzip` (the app compresses large sync pushes with
// CompressionStream). Mounted after the body limit, which counts the compressed bytes; the
// expanded body is capped at `maxBytes` too, so a small body that inflates without end (a zip
// bomb) stops there and is refused with DECOMPRESSED_TOO_LARGE — memory never holds more.
// Synchronous on purpose, like compress.ts: a push is at most a few MB, and async zlib queues
// behind password hashes on libuv's threads.

export function gunzipBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const encoding = (c.req.header('Content-Encoding') ?? '').trim().toLowerCase();
    if (encoding === '' || encoding === 'identity') return next();
    if (encoding !== 'gzip') throw new AppError('UNSUPPORTED_CONTENT_ENCODING');
    const compressed = Buffer.from(await c.req.raw.arrayBuffer());
    let body: Buffer;
    try {
      body = zlib.gunzipSync(compressed, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new AppError('DECOMPRESSED_TOO_LARGE');
      }
      throw new AppError('UNSUPPORTED_CONTENT_ENCODING');
    }
    // Handed to the validators as the request's read body (Hono's body cache), rather than as
    // a new Request whose body stream would be read again: a push is the hottest request.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(body.toString('utf8'));
    return next();
  };
}
