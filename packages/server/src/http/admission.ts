import type { MiddlewareHandler } from 'hono';

// Admission by weight for request bodies (sync pushes): a request waits, before its body is
// read, until its weight fits. Many small pushes are admitted at once — an online phone's is a
// few KB, and the more that wait together the larger the groups they are committed in
// (sync/group.ts) — while a few large ones fill the server alone, so the bodies held in memory
// stay bounded whatever mix of devices reconnects. Served in arrival order.

/** One unit: this many bytes of body on the wire (a gzipped body counts its expansion). */
export const ADMISSION_UNIT_BYTES = 256 * 1024;
/** A gzipped JSON push expands about this much. */
const GZIP_EXPANSION = 8;

/** A body sent without its length (chunked) counts as this many units: the body limit still
 *  stops it at its maximum, and six of those at once stay within the memory budget. */
const UNKNOWN_LENGTH_UNITS = 8;

export function weightOf(contentLength: number | null, gzipped: boolean, units: number): number {
  if (contentLength === null || !Number.isFinite(contentLength)) {
    return Math.min(units, UNKNOWN_LENGTH_UNITS);
  }
  const bytes = contentLength * (gzipped ? GZIP_EXPANSION : 1);
  return Math.min(units, Math.max(1, Math.ceil(bytes / ADMISSION_UNIT_BYTES)));
}

export function admitByWeight(units: number): MiddlewareHandler {
  let free = units;
  const queue: { weight: number; go: () => void }[] = [];
  const pump = () => {
    while (queue.length > 0 && (queue[0]?.weight ?? 0) <= free) {
      const next = queue.shift() as { weight: number; go: () => void };
      free -= next.weight;
      next.go();
    }
  };
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    const gzipped = /gzip/i.test(c.req.header('Content-Encoding') ?? '');
    const weight = weightOf(length === undefined ? null : Number(length), gzipped, units);
    await new Promise<void>((go) => {
      queue.push({ weight, go });
      pump();
    });
    try {
      await next();
    } finally {
      free += weight;
      pump();
    }
  };
}
