import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@acompana/core';

// Where an import reads from: a file on disk (CLI, bench) or an uploaded file (API). Readers
// may open it more than once (the encoding is detected on a first pass), always streaming.

export interface ImportSource {
  /** The file name, for the report and messages. */
  name: string;
  open(): AsyncIterable<Uint8Array>;
}

export async function fileSource(file: string): Promise<ImportSource> {
  const stat = await fsp.stat(file).catch(() => null);
  if (!stat?.isFile()) {
    throw new AppError('IMPORT_UNREADABLE_FILE', `No se encontró el archivo ${file}.`, { file });
  }
  return {
    name: path.basename(file),
    open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
  };
}

/** An uploaded file (already received whole by the HTTP layer), read in 1 MiB slices. */
export function blobSource(blob: Blob, name: string): ImportSource {
  return {
    name,
    async *open() {
      const step = 1024 * 1024;
      for (let at = 0; at < blob.size; at += step) {
        yield new Uint8Array(await blob.slice(at, at + step).arrayBuffer());
      }
    },
  };
}

/** The first bytes of a source (format sniffing). */
export async function head(source: ImportSource, bytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= bytes) break;
  }
  return Buffer.concat(parts).subarray(0, bytes);
}
