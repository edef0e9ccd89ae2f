/**
 * Per-file encoding: byte-order marks first, then UTF-8 when the bytes are valid
 * UTF-8, then what jschardet proposes among the Chinese legacy encodings
 * (GB18030/GBK, Big5). A decoding counts only when it is clean: no replacement
 * characters, no C1 controls, and — for writing back — the decoded text encodes
 * back to exactly the same bytes, so re-encoding a fixed text changes only the
 * edited characters.
 */
import * as iconv from 'iconv-lite';

/** The labels reported in JSON (`encoding`) and SARIF (artifact properties). UTF-16 is only recognised by its BOM. */
export type EncodingLabel = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: EncodingLabel;
  /** Whether encode(text) gives the original bytes back (required by --fix). */
  roundTrips: boolean;
}

/** IANA charset names, for SARIF's artifact.encoding. */
export const IANA_NAME: Record<EncodingLabel, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gbk: 'GBK',
  gb18030: 'GB18030',
  big5: 'Big5',
};

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function validUtf8(buf: Uint8Array): string | undefined {
  try {
    return UTF8.decode(buf);
  } catch {
    return undefined;
  }
}

/** Replacement characters or C1 controls mean the bytes were not in that encoding. */
function looksClean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) return false;
  }
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

type Jschardet = { detectAll(buf: Uint8Array, options?: { minimumThreshold?: number }): Array<{ encoding: string | null; confidence: number }> };

/** The Chinese legacy encodings jschardet proposes, most confident first. */
function legacyCandidates(buf: Buffer): Array<'gb' | 'big5'> {
  // Loaded on first use: most corpora are UTF-8 and never pay for the detector's models.
  const jschardet = require('jschardet') as Jschardet;
  const out: Array<'gb' | 'big5'> = [];
  let guesses: Array<{ encoding: string | null; confidence: number }> = [];
  try {
    guesses = jschardet.detectAll(buf, { minimumThreshold: 0 });
  } catch {
    guesses = [];
  }
  for (const g of guesses) {
    const name = (g.encoding ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    let c: 'gb' | 'big5' | undefined;
    if (name === 'gb2312' || name === 'gbk' || name === 'gb18030' || name === 'cp936' || name === 'euccn') c = 'gb';
    else if (name === 'big5' || name === 'big5hkscs' || name === 'cp950' || name === 'euctw') c = 'big5';
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

export type DecodeResult = Decoded | { error: string };

export function decodeBytes(buf: Buffer): DecodeResult {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = validUtf8(buf.subarray(3));
    if (text === undefined) return { error: 'not valid UTF-8 after its UTF-8 byte-order mark; not analysed' };
    return { text, encoding: 'utf-8-bom', roundTrips: true };
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const encoding: EncodingLabel = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = buf.subarray(2);
    if (body.length % 2 !== 0) return { error: `odd number of bytes after the ${IANA_NAME[encoding]} byte-order mark; not analysed` };
    const text = iconv.decode(body, encoding, { stripBOM: false });
    if (text.includes('\u0000')) return { error: `binary file (NUL characters in ${IANA_NAME[encoding]}); not analysed` };
    return { text, encoding, roundTrips: sameBytes(iconv.encode(text, encoding, { addBOM: false }), body) };
  }
  if (buf.includes(0)) return { error: 'binary file (NUL bytes); not analysed' };
  const utf8 = validUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', roundTrips: true };
  const candidates = legacyCandidates(buf);
  for (const c of candidates) {
    if (c === 'gb') {
      const text = iconv.decode(buf, 'gb18030');
      if (!looksClean(text)) continue;
      // GBK when it round-trips as GBK (no four-byte sequences), GB18030 otherwise.
      if (sameBytes(iconv.encode(text, 'gbk'), buf)) return { text, encoding: 'gbk', roundTrips: true };
      return { text, encoding: 'gb18030', roundTrips: sameBytes(iconv.encode(text, 'gb18030'), buf) };
    }
    const text = iconv.decode(buf, 'big5');
    if (!looksClean(text)) continue;
    return { text, encoding: 'big5', roundTrips: sameBytes(iconv.encode(text, 'big5'), buf) };
  }
  const tried = candidates.length > 0 ? `; it does not decode cleanly as ${candidates.map((c) => (c === 'gb' ? 'GB18030' : 'Big5')).join(' or ')}` : '';
  return { error: `cannot decode: not UTF-8, and no Chinese encoding (GB18030/GBK, Big5) fits${tried}; not analysed` };
}

/**
 * Encodes a text back into the file's encoding (with its BOM). Returns an error
 * when the text has characters the encoding cannot represent.
 */
export function encodeText(text: string, encoding: EncodingLabel): Buffer | { error: string } {
  let body: Buffer;
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      body = Buffer.from(text, 'utf8');
      break;
    case 'utf-16le':
    case 'utf-16be':
      body = iconv.encode(text, encoding, { addBOM: false });
      break;
    default:
      body = iconv.encode(text, encoding);
  }
  const back = encoding === 'utf-8' || encoding === 'utf-8-bom' ? validUtf8(body) : iconv.decode(body, encoding === 'gbk' ? 'gbk' : encoding, { stripBOM: false });
  if (back !== text) return { error: `the fixed text has characters ${IANA_NAME[encoding]} cannot encode` };
  const bom =
    encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : encoding === 'utf-16be' ? Buffer.from([0xfe, 0xff]) : undefined;
  return bom ? Buffer.concat([bom, body]) : body;
}
