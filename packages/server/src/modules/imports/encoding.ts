import iconv from 'iconv-lite';
import type { ImportSource } from './source.ts';

// Text encoding of a CSV. MINEDU files arrive as UTF-8 (new exports), Latin-1 / Windows-1252
// (Excel "CSV" on Windows) or IBM850 (the padrón's original DBF files, converted as is).
// UTF-8 is recognised by being valid; between the two single-byte code pages, each byte above
// 0x7F is read both ways and scored by how plausible it is in Spanish text ("Jaén" read as
// "JaÚn" or "Ñaña" as "¥a¤a" score low), so the whole file votes.

export type TextEncoding = 'utf-8' | 'latin1' | 'ibm850' | 'utf-16le' | 'utf-16be';

/** iconv-lite names. Latin-1 is decoded as Windows-1252, its superset for printable text. */
export const ICONV_NAME: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  latin1: 'win1252',
  ibm850: 'cp850',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
};

export const ENCODING_LABEL: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  latin1: 'Latin-1 (Windows-1252)',
  ibm850: 'IBM850',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

const LOWER = 'áéíóúüñ';
const UPPER = 'ÁÉÍÓÚÜÑ';
const PUNCT = 'ºª°¿¡«»–—‘’“”€…·';

/** Score of each high byte (0x80–0xFF) as a character class in one code page. */
type Kind = 0 | 1 | 2 | 3 | 4 | 5; // bad, lower, upper, punct, other letter, replacement
function kinds(codePage: string): Uint8Array {
  const text = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => i + 128)), codePage);
  const out = new Uint8Array(128);
  [...text].forEach((ch, i) => {
    let k: Kind = 0;
    if (LOWER.includes(ch)) k = 1;
    else if (UPPER.includes(ch)) k = 2;
    else if (PUNCT.includes(ch)) k = 3;
    else if (/\p{L}/u.test(ch)) k = 4;
    else if (ch === '\uFFFD') k = 5;
    out[i] = k;
  });
  return out;
}
const LATIN1 = kinds('win1252');
const IBM850 = kinds('cp850');

const isUpper = (b: number | undefined) => b !== undefined && b >= 0x41 && b <= 0x5a;
const isLower = (b: number | undefined) => b !== undefined && b >= 0x61 && b <= 0x7a;

function score(kind: number, prev: number | undefined, next: number | undefined): number {
  switch (kind) {
    case 1: // lower-case accented letter: expected next to lower-case letters
      return (
        2 + (isLower(prev) || isLower(next) ? 1 : 0) - (isUpper(prev) && isUpper(next) ? 1 : 0)
      );
    case 2: // upper-case: at a word start or inside an upper-case word, not after a lower-case letter
      return 2 + (isUpper(prev) || isUpper(next) ? 1 : 0) - (isLower(prev) ? 1 : 0);
    case 3:
      return 0.5;
    case 4:
      return 0.2;
    case 5:
      return -3;
    default:
      return -1;
  }
}

/** Enough evidence to stop reading: the file is not UTF-8 and this many high bytes were seen. */
const DECISIVE_HIGH_BYTES = 20_000;

export async function detectEncoding(source: ImportSource): Promise<TextEncoding> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let first = true;
  let latin1 = 0;
  let ibm850 = 0;
  let high = 0;
  for await (const chunk of source.open()) {
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
      if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
    }
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b < 0x80) continue;
      high += 1;
      latin1 += score(LATIN1[b - 0x80] as number, chunk[i - 1], chunk[i + 1]);
      ibm850 += score(IBM850[b - 0x80] as number, chunk[i - 1], chunk[i + 1]);
    }
    if (!validUtf8 && high >= DECISIVE_HIGH_BYTES) break;
  }
  if (validUtf8) {
    try {
      utf8.decode(); // a multi-byte sequence cut at the end of the file
      return 'utf-8';
    } catch {
      validUtf8 = false;
    }
  }
  return ibm850 > latin1 ? 'ibm850' : 'latin1';
}

export function decodeStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(ICONV_NAME[encoding]);
}
