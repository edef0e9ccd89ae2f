/**
 * The JSON and text outputs, rendered one file at a time (on the thread that
 * analysed it) and stitched together at the end, byte for byte what
 * JSON.stringify(document, null, 2) of the whole document gives — without the
 * document: no 45 MB object graph kept until the end, no structured clone of it
 * from the workers, no single giant string.
 */
import type { Severity } from '../core/types';
import type { LineCharacter } from '../core/text/lineIndex';

/** JSON.stringify(value, null, 2), every line after the first indented by `indent` more (as when nested). */
export function stringifyAt(value: unknown, indent: string): string {
  const s = JSON.stringify(value, null, 2);
  // JSON text has no raw line breaks inside strings: every \n is layout.
  return indent === '' ? s : s.replace(/\n/g, '\n' + indent);
}

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  range: { start: LineCharacter; end: LineCharacter };
  message: string;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * Output bytes, appended in place: ASCII layout by latin1 (one byte a character),
 * strings by UTF-8. The pieces are whole JSON tokens or whole lines, so no
 * surrogate pair is cut between two writes: the bytes are those of the whole
 * text encoded at once.
 */
export class ByteWriter {
  /** The current slab: [0, start) belongs to views already taken, [start, len) is being written. */
  private buf: Buffer;
  private start = 0;
  private len = 0;

  constructor(private readonly slab = 1 << 20) {
    this.buf = Buffer.allocUnsafe(slab);
  }

  private need(n: number): void {
    if (this.len + n <= this.buf.length) return;
    // A new slab; the taken views keep the old one alive, the part being written moves.
    const next = Buffer.allocUnsafe(Math.max(this.slab, 2 * (this.len - this.start + n)));
    this.buf.copy(next, 0, this.start, this.len);
    this.len -= this.start;
    this.start = 0;
    this.buf = next;
  }

  /** Only for ASCII text (layout, numbers, rule codes). */
  ascii(s: string): void {
    this.need(s.length);
    this.len += this.buf.write(s, this.len, 'latin1');
  }

  utf8(s: string): void {
    this.need(s.length * 3);
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  /**
   * The bytes written since the last take: a view of the slab, never written
   * again (copy it before a structured clone, which would copy the whole slab).
   */
  take(): Buffer {
    const out = this.buf.subarray(this.start, this.len);
    this.start = this.len;
    return out;
  }
}

const ASCII_WORD = /^[a-z-]*$/;

/**
 * One diagnostic object as it appears in the document (10 spaces of indentation
 * for its keys), after its separator: "[" and a new line for the first of a file,
 * "," and a new line for the others.
 */
export function writeJsonDiagnostic(w: ByteWriter, d: JsonDiagnostic, first: boolean): void {
  w.ascii(first ? '[\n        ' : ',\n        ');
  const { start, end } = d.range;
  if (
    typeof d.code !== 'string' ||
    typeof d.severity !== 'string' ||
    typeof d.message !== 'string' ||
    !ASCII_WORD.test(d.code) ||
    !ASCII_WORD.test(d.severity) ||
    !isCount(start.line) ||
    !isCount(start.character) ||
    !isCount(end.line) ||
    !isCount(end.character)
  ) {
    w.utf8(stringifyAt({ code: d.code, severity: d.severity, range: d.range, message: d.message }, '        '));
    return;
  }
  w.ascii(
    '{\n          "code": "' +
      d.code +
      '",\n          "severity": "' +
      d.severity +
      '",\n          "range": {\n            "start": {\n              "line": ' +
      start.line +
      ',\n              "character": ' +
      start.character +
      '\n            },\n            "end": {\n              "line": ' +
      end.line +
      ',\n              "character": ' +
      end.character +
      '\n            }\n          },\n          "message": ',
  );
  w.utf8(JSON.stringify(d.message));
  w.ascii('\n        }');
}

/**
 * The start of one element of "files": {path, encoding, fixesApplied (with --fix),
 * diagnostics: (4 spaces of indentation before its opening brace, not included);
 * then writeJsonDiagnostic for each diagnostic, then writeJsonFileEnd.
 */
export function writeJsonFileStart(w: ByteWriter, path: string, encoding: string, fixesApplied: number | undefined): void {
  if (typeof path !== 'string' || typeof encoding !== 'string' || (fixesApplied !== undefined && !isCount(fixesApplied))) {
    // Not reached with the CLI's own data; kept exact for anything else.
    const head = stringifyAt({ path, encoding, ...(fixesApplied !== undefined ? { fixesApplied } : {}), diagnostics: [] }, '    ');
    w.utf8(head.slice(0, head.length - '[]\n    }'.length));
    return;
  }
  w.ascii('{\n      "path": ');
  w.utf8(JSON.stringify(path));
  w.ascii(',\n      "encoding": ');
  w.utf8(JSON.stringify(encoding));
  if (fixesApplied !== undefined) w.ascii(',\n      "fixesApplied": ' + fixesApplied);
  w.ascii(',\n      "diagnostics": ');
}

/** Closes the element: `any` says whether a diagnostic was written. */
export function writeJsonFileEnd(w: ByteWriter, any: boolean): void {
  w.ascii(any ? '\n      ]\n    }' : '[]\n    }');
}

/** One element of "files", whole (see writeJsonFileStart). */
export function jsonFile(path: string, encoding: string, fixesApplied: number | undefined, diagnostics: readonly JsonDiagnostic[], w = new ByteWriter()): Buffer {
  writeJsonFileStart(w, path, encoding, fixesApplied);
  diagnostics.forEach((d, i) => writeJsonDiagnostic(w, d, i === 0));
  writeJsonFileEnd(w, diagnostics.length > 0);
  return w.take();
}

/**
 * The whole JSON document, {files, errors}, from the files' rendered elements, in
 * pieces of about `chunk` bytes (the last ends with the final newline).
 */
export function* jsonDocument(files: readonly Uint8Array[], errors: readonly string[], chunk = 1 << 20): Generator<Buffer> {
  let parts: Uint8Array[] = [Buffer.from('{\n  "files": [', 'latin1')];
  let size = 0;
  const first = Buffer.from('\n    ', 'latin1');
  const next = Buffer.from(',\n    ', 'latin1');
  for (let i = 0; i < files.length; i++) {
    const f = files[i] as Uint8Array;
    parts.push(i === 0 ? first : next, f);
    size += f.length;
    if (size >= chunk) {
      yield Buffer.concat(parts);
      parts = [];
      size = 0;
    }
  }
  parts.push(Buffer.from((files.length > 0 ? '\n  ]' : ']') + ',\n  "errors": ' + stringifyAt(errors, '  ') + '\n}\n', 'utf8'));
  yield Buffer.concat(parts);
}

/** The text format's line for one diagnostic. */
export function textLine(display: string, d: JsonDiagnostic): string {
  return `${display}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`;
}
