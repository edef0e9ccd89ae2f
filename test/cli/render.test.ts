/** The per-file rendering of the JSON and text outputs equals what stringifying the whole document gives. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ByteWriter, jsonDocument, jsonFile, stringifyAt, textLine, type JsonDiagnostic } from '../../server/src/cli/render';

// Any UTF-16 code units, lone surrogates, controls, quotes and backslashes included.
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', '\u2028', '\ud800', '\udfff', 'a', '疫', '/'), maxLength: 8 }),
);
const position = fc.record({ line: fc.nat(), character: fc.nat() });
const oddNumber = fc.constantFrom(-1, 0.5, NaN, Infinity, -0, 2 ** 53);
const diagnostic: fc.Arbitrary<JsonDiagnostic> = fc.record({
  code: anyString,
  severity: fc.constantFrom('error', 'warning', 'information', 'hint'),
  range: fc.record({ start: position, end: position }),
  message: anyString,
});
// Values the fast path does not take (not produced by the CLI, but still rendered exactly).
const oddDiagnostic = fc.record({
  code: fc.oneof(anyString, fc.constant(undefined)),
  severity: fc.constantFrom('error', 'warning'),
  range: fc.record({ start: fc.record({ line: oddNumber, character: fc.nat() }), end: position }),
  message: fc.oneof(anyString, fc.constant(undefined)),
}) as unknown as fc.Arbitrary<JsonDiagnostic>;
const file = fc.record({
  path: anyString,
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gbk', 'big5'),
  fixesApplied: fc.option(fc.nat(), { nil: undefined }),
  diagnostics: fc.array(fc.oneof({ weight: 5, arbitrary: diagnostic }, { weight: 1, arbitrary: oddDiagnostic }), { maxLength: 5 }),
});

/** What the CLI printed before: one object, stringified whole. */
function reference(files: Array<{ path: string; encoding: string; fixesApplied?: number; diagnostics: JsonDiagnostic[] }>, errors: string[]): Buffer {
  const json = {
    files: files.map((f) => ({
      path: f.path,
      encoding: f.encoding,
      ...(f.fixesApplied !== undefined ? { fixesApplied: f.fixesApplied } : {}),
      diagnostics: f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
    })),
    errors,
  };
  return Buffer.from(JSON.stringify(json, null, 2) + '\n', 'utf8');
}

function rendered(files: Array<{ path: string; encoding: string; fixesApplied?: number; diagnostics: JsonDiagnostic[] }>, errors: string[], chunk?: number, slab?: number): Buffer {
  const w = new ByteWriter(slab); // reused, as on a thread: the views taken stay intact when it moves to a new slab
  const parts = files.map((f) => jsonFile(f.path, f.encoding, f.fixesApplied, f.diagnostics, w));
  return Buffer.concat([...jsonDocument(parts, errors, chunk)]);
}

describe('rendered JSON output', () => {
  it('equals JSON.stringify(document, null, 2) for random documents', () => {
    fc.assert(
      fc.property(fc.array(file, { maxLength: 6 }), fc.array(anyString, { maxLength: 3 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 600 }), (files, errors, chunk, slab) => {
        assert.deepEqual(rendered(files, errors, chunk, slab), reference(files, errors));
      }),
      { numRuns: 500 },
    );
  });

  it('equals it for the edge cases: no files, no diagnostics, no errors', () => {
    assert.deepEqual(rendered([], []), reference([], []));
    const empty = { path: 'a.txt', encoding: 'utf-8', diagnostics: [] };
    assert.deepEqual(rendered([empty], []), reference([empty], []));
    assert.deepEqual(rendered([empty, { ...empty, fixesApplied: 0 }], ['x: cannot read']), reference([empty, { ...empty, fixesApplied: 0 }], ['x: cannot read']));
  });

  it('cuts the document into pieces of about the chunk size', () => {
    const files = Array.from({ length: 50 }, (_, i) => ({ path: `f${i}.txt`, encoding: 'utf-8', diagnostics: [] }));
    const parts = files.map((f) => jsonFile(f.path, f.encoding, undefined, []));
    const pieces = [...jsonDocument(parts, [], 500)];
    assert.ok(pieces.length > 5, `${pieces.length} pieces`);
    assert.deepEqual(Buffer.concat(pieces), reference(files, []));
  });

  it('stringifyAt nests like JSON.stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        assert.equal(JSON.stringify({ a: [v] }, null, 2), '{\n  "a": [\n    ' + stringifyAt(v, '    ') + '\n  ]\n}');
      }),
    );
  });

  it('renders a text line: path:line:column (1-based): severity code message', () => {
    const d: JsonDiagnostic = { code: 'typo', severity: 'warning', range: { start: { line: 0, character: 4 }, end: { line: 1, character: 0 } }, message: 'm' };
    assert.equal(textLine('a/b.txt', d), 'a/b.txt:1:5: warning typo m\n');
  });

  it('writes text lines as the UTF-8 of the whole text (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyString, diagnostic), { maxLength: 8 }), fc.boolean(), (items, big) => {
        const w = new ByteWriter(100);
        const before = w.take();
        if (big) w.utf8('x'.repeat(700)); // past the slab
        const lines = items.map(([display, d]) => textLine(display, d));
        for (const l of lines) w.utf8(l);
        assert.deepEqual(w.take(), Buffer.from((big ? 'x'.repeat(700) : '') + lines.join(''), 'utf8'));
        assert.equal(w.take().length + before.length, 0);
      }),
    );
  });
});
