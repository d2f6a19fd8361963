import { inflateSync } from 'node:zlib';

// Reading what a PDF made on the device says, without a PDF library: jsPDF compresses its
// content streams with Flate, and each piece of text is a `(…) Tj` operator.

/** The content streams of a PDF, inflated where compressed. */
export function pdfTexts(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\nendstream/g)) {
    const body = m[1] ?? '';
    // The end of line before `endstream` is "\n" (jsPDF) or "\r\n": compressed data may itself
    // end in a "\r" byte (a code drawn at random made it so), so both readings are tried
    // rather than always dropping a final "\r".
    const readings = body.endsWith('\r') ? [body, body.slice(0, -1)] : [body];
    let text: string | null = null;
    for (const reading of readings) {
      try {
        text = inflateSync(Buffer.from(reading, 'latin1')).toString('latin1');
        break;
      } catch {
        // not compressed, or not this reading
      }
    }
    out.push(text ?? body);
  }
  return out.join('\n');
}

/** The strings shown by `Tj`, in drawing order. */
export function pdfStrings(bytes: Buffer): string[] {
  return [...pdfTexts(bytes).matchAll(/\(((?:[^()\\]|\\.)*)\) Tj/g)].map((m) => m[1] ?? '');
}
