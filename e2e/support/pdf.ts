import { inflateSync } from 'node:zlib';

// Reading what a PDF made on the device says, without a PDF library: jsPDF compresses its
// content streams with Flate, and each piece of text is a `(…) Tj` operator.

/** The content streams of a PDF, inflated where compressed. */
export function pdfTexts(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const body = Buffer.from(m[1] ?? '', 'latin1');
    try {
      out.push(inflateSync(body).toString('latin1'));
    } catch {
      out.push(body.toString('latin1'));
    }
  }
  return out.join('\n');
}

/** The strings shown by `Tj`, in drawing order. */
export function pdfStrings(bytes: Buffer): string[] {
  return [...pdfTexts(bytes).matchAll(/\(((?:[^()\\]|\\.)*)\) Tj/g)].map((m) => m[1] ?? '');
}
