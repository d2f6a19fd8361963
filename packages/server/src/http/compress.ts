import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

// Compresses JSON answers above 1 KiB for clients that accept it (brotli, else gzip): a coach's
// first sync pull is ~500 KB of JSON and ~10× less compressed, on 3G. `hono/compress` is not
// used: it compresses every body whose length it does not know (all of ours, even 20-byte
// ones) and has no brotli on Node 20. Compression is synchronous on purpose: a few ms at
// quality 5 even for a first pull, while node:zlib's async calls queue on libuv's four threads
// behind password hashes, so under a burst of logins every read waited for all of them
// (bench:load).

export const COMPRESS_THRESHOLD_BYTES = 1024;

/** The preferred encoding the client accepts (q > 0): br, then gzip; null for none. */
export function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name.trim(), qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const weight = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/** `body` compressed for the client (brotli at quality 5, else gzip at level 6). */
export function compressBody(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, {
        // Quality 5: most of brotli's gain at a fraction of the maximum's time.
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : zlib.gzipSync(body, { level: 6 });
}

export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      c.req.method === 'HEAD' ||
      !res.body ||
      res.headers.has('Content-Encoding') ||
      !/^application\/(problem\+)?json/i.test(res.headers.get('Content-Type') ?? '')
    ) {
      return;
    }
    res.headers.append('Vary', 'Accept-Encoding');
    const encoding = acceptedEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const body = Buffer.from(await res.arrayBuffer());
    const out = body.length >= COMPRESS_THRESHOLD_BYTES ? compressBody(body, encoding) : body;
    // Hono copies the old response's other headers (cookies included) onto the new one.
    res.headers.delete('Content-Length');
    const headers: Record<string, string> = {
      'Content-Type': res.headers.get('Content-Type') ?? 'application/json',
      'Content-Length': String(out.length),
    };
    if (out !== body) headers['Content-Encoding'] = encoding;
    c.res = new Response(out, { status: res.status, headers });
  };
}
