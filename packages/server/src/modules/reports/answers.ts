import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { ReportQuery } from '@acompana/core';
import { COMPRESS_THRESHOLD_BYTES, compressBody } from '../../http/compress.ts';
import type { ReadModelsState } from './maintain.ts';
import type { ResolvedReport } from './scope.ts';

// Report answers kept while the read models stay as they are (docs/REPORTS.md, "Answers").
// An answer is a function of the question as resolved — report, year, month, scope, breakdown,
// filters, page — and of the read models: their version (counted up by every change to them,
// a refresh's or a caseload write's, in its transaction) and their «datos al». The national
// page that every MINEDU specialist opens, or a region's that its UGELs' specialists open, is
// computed once per change, not once per person. Nothing about the asker is in an answer: who may ask is decided before
// (resolveReport, the policy), and every ask is still audited. Identical questions arriving
// together share one computation.

export type Encoding = 'br' | 'gzip';
type Form = Encoding | 'json';

/** An answer's bytes in the forms made so far. A large one is kept compressed only (brotli,
 *  what browsers ask for): a client that takes no compression gets it decompressed. */
export interface Answer {
  forms: Partial<Record<Form, Buffer>>;
  /** Small answers go uncompressed, as every JSON answer of the API (http/compress.ts). */
  compressible: boolean;
}

interface Entry {
  answer: Promise<Answer>;
  /** The answer once made; until then the entry holds nothing and is not evicted. */
  made?: Answer;
  /** Bytes held once the answer is made (its kept forms). */
  bytes: number;
}

/** The bytes of answers kept at most: hundreds of UGEL pages, every region's, per process. */
export const ANSWER_CACHE_BYTES = 4 * 1024 * 1024;

/** A buffer of its own, exactly as long as its bytes: zlib's results and small strings'
 *  buffers are views of larger shared ones (16 KiB, 8 KiB), which a kept view would hold whole. */
function own(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(out);
  return out;
}

function make(body: unknown): Answer {
  const json = Buffer.from(JSON.stringify(body));
  return json.length >= COMPRESS_THRESHOLD_BYTES
    ? { forms: { br: own(compressBody(json, 'br')) }, compressible: true }
    : { forms: { json: own(json) }, compressible: false };
}

const sizeOf = (a: Answer) => Object.values(a.forms).reduce((n, b) => n + (b?.length ?? 0), 0);

export class ReportAnswers {
  /** In order of last use (a Map iterates in insertion order): the first is evicted first. */
  #entries = new Map<string, Entry>();
  #bytes = 0;

  constructor(readonly maxBytes = ANSWER_CACHE_BYTES) {}

  /** The answer to `key`, made by `build` unless kept or being made. */
  get(key: string, build: () => Promise<unknown>): Promise<Answer> {
    const kept = this.#entries.get(key);
    if (kept) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept.answer;
    }
    const entry: Entry = { answer: build().then(make), bytes: 0 };
    this.#entries.set(key, entry);
    entry.answer.then(
      (answer) => {
        entry.made = answer;
        this.#grow(key, entry, sizeOf(answer));
      },
      // A failed computation is not an answer: the next ask tries again.
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return entry.answer;
  }

  /** The answer's bytes in `form` (a compressed form is made once, then kept with it). */
  bytes(key: string, answer: Answer, form: Form): Buffer {
    const kept = answer.forms[form];
    if (kept) return kept;
    const { json: plain, br, gzip } = answer.forms;
    const json = plain ?? (br ? brotliDecompressSync(br) : gunzipSync(gzip as Buffer));
    if (form === 'json') return json;
    const out = own(compressBody(json, form));
    answer.forms[form] = out;
    // Counted against the entry that holds this answer (a newer one may have the key now).
    const entry = this.#entries.get(key);
    if (entry?.made === answer) this.#grow(key, entry, out.length);
    return out;
  }

  get size() {
    return { answers: this.#entries.size, bytes: this.#bytes };
  }

  #grow(key: string, entry: Entry, bytes: number) {
    if (this.#entries.get(key) !== entry) return;
    entry.bytes += bytes;
    this.#bytes += bytes;
    for (const [oldKey, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      // Answers being made hold nothing yet; evicting them would only split identical asks.
      if (!old.made) continue;
      this.#entries.delete(oldKey);
      this.#bytes -= old.bytes;
    }
  }
}

/** The question as resolved, with the state of the read models it is answered from. */
export function answerKey(
  report: 'compliance' | 'coverage' | 'progress',
  r: ResolvedReport,
  q: ReportQuery,
  state: ReadModelsState,
): string {
  return JSON.stringify([
    report,
    r.year,
    r.month,
    r.scope.level,
    r.scope.id,
    r.by,
    q.intervention ?? null,
    q.level ?? null,
    q.area ?? null,
    q.characteristic ?? null,
    q.limit,
    q.cursor ?? null,
    state.version,
    state.asOf,
  ]);
}
