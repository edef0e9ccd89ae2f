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

/** One diagnostic object as it appears in the document (10 spaces of indentation for its keys). */
export function jsonDiagnostic(d: JsonDiagnostic): string {
  const { start, end } = d.range;
  if (
    typeof d.code !== 'string' ||
    typeof d.severity !== 'string' ||
    typeof d.message !== 'string' ||
    !isCount(start.line) ||
    !isCount(start.character) ||
    !isCount(end.line) ||
    !isCount(end.character)
  ) {
    return stringifyAt({ code: d.code, severity: d.severity, range: d.range, message: d.message }, '        ');
  }
  return (
    '{\n          "code": ' +
    JSON.stringify(d.code) +
    ',\n          "severity": ' +
    JSON.stringify(d.severity) +
    ',\n          "range": {\n            "start": {\n              "line": ' +
    start.line +
    ',\n              "character": ' +
    start.character +
    '\n            },\n            "end": {\n              "line": ' +
    end.line +
    ',\n              "character": ' +
    end.character +
    '\n            }\n          },\n          "message": ' +
    JSON.stringify(d.message) +
    '\n        }'
  );
}

/**
 * One element of "files": {path, encoding, fixesApplied (with --fix), diagnostics},
 * as it appears in the document (4 spaces of indentation before its opening brace,
 * which is not included).
 */
export function jsonFile(path: string, encoding: string, fixesApplied: number | undefined, diagnostics: readonly string[]): string {
  if (typeof path !== 'string' || typeof encoding !== 'string' || (fixesApplied !== undefined && !isCount(fixesApplied))) {
    // Not reached with the CLI's own data; kept exact for anything else.
    const head = stringifyAt({ path, encoding, ...(fixesApplied !== undefined ? { fixesApplied } : {}), diagnostics: [] }, '    ');
    return head.slice(0, head.length - '[]\n    }'.length) + (diagnostics.length === 0 ? '[]' : '[\n        ' + diagnostics.join(',\n        ') + '\n      ]') + '\n    }';
  }
  return (
    '{\n      "path": ' +
    JSON.stringify(path) +
    ',\n      "encoding": ' +
    JSON.stringify(encoding) +
    (fixesApplied !== undefined ? ',\n      "fixesApplied": ' + fixesApplied : '') +
    ',\n      "diagnostics": ' +
    (diagnostics.length === 0 ? '[]' : '[\n        ' + diagnostics.join(',\n        ') + '\n      ]') +
    '\n    }'
  );
}

/**
 * The whole JSON document, {files, errors}, from the files' rendered elements, in
 * pieces of about `chunk` characters (the last ends with the final newline).
 */
export function* jsonDocument(files: readonly string[], errors: readonly string[], chunk = 1 << 20): Generator<string> {
  let buf = '{\n  "files": [';
  for (let i = 0; i < files.length; i++) {
    buf += (i === 0 ? '\n    ' : ',\n    ') + files[i];
    if (buf.length >= chunk) {
      yield buf;
      buf = '';
    }
  }
  buf += (files.length > 0 ? '\n  ]' : ']') + ',\n  "errors": ' + stringifyAt(errors, '  ') + '\n}\n';
  yield buf;
}

/** The text format's line for one diagnostic. */
export function textLine(display: string, d: JsonDiagnostic): string {
  return `${display}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}\n`;
}
