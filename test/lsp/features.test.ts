/**
 * The presentation requests over the protocol: documentSymbol, foldingRange,
 * inlayHint, codeLens, semanticTokens, every hover kind and bulletinCheck/facts,
 * against the built server (dist/server.js --stdio).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentSymbol, FoldingRange, Hover, InlayHint, MarkupContent, Position, SemanticTokens } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seed } from '../support/fixtures';
import { startServer, type TestServer } from '../support/lspClient';

const S000 = 'file:///corpus/000.txt';
const S001 = 'file:///corpus/001.txt';
const S003 = 'file:///corpus/003.txt';
const MUT = 'file:///corpus/mutated-000.txt';
const mutated = () => seed('000').replace('平城区3例', '平城区4例');

function positionOf(text: string, needle: string, offsetInNeedle = 0, from = 0): Position {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, needle);
  return TextDocument.create('x', 'plaintext', 0, text).positionAt(i + offsetInNeedle);
}

async function open(server: TestServer, uri: string, text: string): Promise<void> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
}

async function hover(server: TestServer, uri: string, position: Position): Promise<string> {
  const h = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  return h ? String((h.contents as MarkupContent).value) : '';
}

function flatten(symbols: DocumentSymbol[], depth = 0): Array<{ name: string; kind: number; depth: number }> {
  return symbols.flatMap((s) => [{ name: s.name, kind: s.kind, depth }, ...flatten(s.children ?? [], depth + 1)]);
}

describe('presentation requests over stdio', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await open(server, S000, seed('000'));
    await open(server, S001, seed('001'));
    await open(server, S003, seed('003'));
    await open(server, MUT, mutated());
  });
  after(async () => {
    if (server.process.exitCode === null) await server.stop();
  });

  it('declares the new capabilities and a semantic-token legend with the custom modifiers', () => {
    const caps = server.initializeResult!.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.deepEqual(caps.inlayHintProvider, { resolveProvider: false });
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(caps.semanticTokensProvider?.legend, { tokenTypes: ['number'], tokenModifiers: ['checked', 'inconsistent'] });
  });

  it('documentSymbol: the outline of seed 003 is the headline and its district sections', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: S003 } })) as DocumentSymbol[];
    const top = symbols.map((s) => s.name);
    assert.equal(top[0], '扎紧织密基层疫情防控网');
    const sections = top.slice(1).map((n) => n.split(' · ')[0]);
    assert.deepEqual(sections, ['杏花岭区', '阳曲县', '小店区', '古交市', '清徐县', '娄烦县']);
    assert.equal(symbols[1]!.name, '杏花岭区 · 严防加演练 守牢主阵地');
    // the statements with figures sit under their section, and every child is inside its parent
    const xhl = symbols[1]!;
    assert.ok((xhl.children ?? []).length > 0);
    for (const s of symbols) {
      for (const c of s.children ?? []) {
        assert.ok(c.range.start.line >= s.range.start.line && c.range.end.line <= s.range.end.line, `${c.name} outside ${s.name}`);
      }
      assert.ok(s.selectionRange.start.line >= s.range.start.line && s.selectionRange.end.line <= s.range.end.line);
    }
    const flat = flatten(symbols);
    assert.ok(flat.some((x) => x.depth === 1 && x.name.includes('6000余人')), JSON.stringify(flat));
  });

  it('documentSymbol: seed 000 has the lead statements under its headline and its own subheads', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: S000 } })) as DocumentSymbol[];
    assert.equal(symbols[0]!.name, '我市通报疫情防控最新情况');
    assert.ok((symbols[0]!.children ?? []).length >= 6);
    assert.deepEqual(symbols.slice(1).map((s) => s.name.split(' · ')[0]), ['云冈区', '平城区', '平城区迎宾街道', '云冈区新文街道']);
  });

  it('foldingRange: one range per section', async () => {
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: S003 } })) as FoldingRange[];
    const text = seed('003');
    assert.equal(ranges.length, 6);
    assert.equal(ranges[0]!.startLine, positionOf(text, '杏花岭区').line);
    assert.equal(ranges[1]!.startLine, positionOf(text, '阳 曲 县').line);
    assert.ok(ranges[0]!.endLine < ranges[1]!.startLine);
  });

  it('inlayHint: Σ after each breakdown of seed 000, and the mismatch in the mutated seed', async () => {
    const text = seed('000');
    const range = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
    const hints = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: S000 }, range })) as InlayHint[];
    assert.deepEqual(
      hints.map((h) => h.label),
      ['Σ 9 ✓', 'Σ 9 ✓', 'Σ 56 ✓', 'Σ 56 ✓', 'Σ 401 ✓', 'Σ 339 ✓', 'Σ 133000 ≤ 220000 ✓'],
    );
    const end = positionOf(text, '云冈区6例', '云冈区6例'.length);
    assert.deepEqual(hints[0]!.position, end);
    const bad = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: MUT }, range })) as InlayHint[];
    assert.equal(bad[0]!.label, 'Σ 10 ≠ 9');
    // only the hints inside the requested range
    const none = (await server.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: S000 },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(none, []);
  });

  it('inlayHint: bulletinCheck.inlayHints = false turns them off', async () => {
    const off = await startServer({ inlayHints: false });
    try {
      await open(off, S000, seed('000'));
      await off.waitForDiagnostics(S000, (d) => d.length > 0);
      const hints = (await off.connection.sendRequest('textDocument/inlayHint', {
        textDocument: { uri: S000 },
        range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      })) as InlayHint[];
      assert.deepEqual(hints, []);
    } finally {
      await off.stop();
    }
  });

  it('codeLens: the counts on the headline, opening the summary view', async () => {
    const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: MUT } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    const lens = lenses[0]!;
    assert.equal(lens.range.start.line, 2);
    assert.match(lens.command!.title, /^\d+ figures · \d+ totals checked · 1 inconsistent$/);
    assert.equal(lens.command!.command, 'bulletinCheck.showSummary');
    assert.deepEqual(lens.command!.arguments, [MUT]);
    const ok = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: S000 } })) as CodeLens[];
    assert.equal(ok[0]!.command!.title, '39 figures · 5 totals checked · 0 inconsistent');
  });

  it('semanticTokens: the figures of the broken breakdown are inconsistent, the others checked', async () => {
    const text = mutated();
    const tokens = (await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: MUT } })) as SemanticTokens;
    // decode the relative encoding
    const decoded: Array<{ line: number; char: number; length: number; mods: number }> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, length, type, mods] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      line += dl;
      char = dl === 0 ? char + dc : dc;
      assert.equal(type, 0);
      decoded.push({ line, char, length, mods });
    }
    const at = (needle: string, inner: string) => {
      const p = positionOf(text, needle, needle.indexOf(inner));
      return decoded.find((t) => t.line === p.line && t.char === p.character);
    };
    assert.equal(at('平城区4例', '4例')?.mods, 2, 'the wrong part is inconsistent');
    assert.equal(at('新增的9例', '9例')?.mods, 2, 'its total is inconsistent');
    assert.equal(at('平城区37例', '37例')?.mods, 1, 'a part of a breakdown that holds is checked');
    assert.ok(decoded.every((t) => t.length > 0));
  });

  it('hover on a part: category, place with chain, period and the sum line', async () => {
    const text = seed('000');
    const h = await hover(server, S000, positionOf(text, '平城区3例', 3));
    assert.ok(h.includes('new · confirmed cases'), h);
    assert.ok(h.includes('平城区 → 大同市 → 山西省 (140213)'), h);
    assert.ok(h.includes('period: 10月30日0时至24时'), h);
    assert.ok(h.includes('平城区 3 + 云冈区 6 = 9 ✓'), h);
    assert.ok(h.includes('`3 + 6 = 9`'), h);
  });

  it('hover on a figure gives its normalised value (13.3万管 = 133,000 管)', async () => {
    const text = seed('000');
    const h = await hover(server, S000, positionOf(text, '13.3万管', 1));
    assert.ok(h.includes('13.3万管 = 133,000 管'), h);
  });

  it('hover on a total: a table of its parts with links, the sum and the verdict per dimension', async () => {
    const text = mutated();
    const h = await hover(server, MUT, positionOf(text, '新增的9例', 3));
    assert.ok(h.includes('| part | value |'), h);
    const part = positionOf(text, '平城区4例', 3);
    assert.ok(h.includes(`[平城区](${MUT}#L${part.line + 1},${part.character + 1})`), h);
    assert.ok(h.includes('`4 + 6 = 10 ≠ 9` — does not add up ✗'), h);
    assert.ok(h.includes('`6 + 2 + 1 = 9` — adds up ✓'), h);
  });

  it('hover on the headline: the summary of the article', async () => {
    const text = seed('000');
    const h = await hover(server, S000, positionOf(text, '我市通报', 1));
    assert.ok(h.includes('**Summary of the article**'), h);
    assert.ok(h.includes('region: 大同市 → 山西省 (1402)'), h);
    assert.ok(h.includes('| category |'), h);
    assert.ok(h.includes('| confirmed cases | ['), h);
    assert.ok(h.includes('39 figures · 5 totals checked · 0 inconsistent'), h);
  });

  it('hover on a place name: level, chain, code and its figures', async () => {
    const text = seed('000');
    const h = await hover(server, S000, positionOf(text, '平城区3例', 1));
    assert.ok(h.includes('**平城区**: county-level area'), h);
    assert.ok(h.includes('GB/T 2260 code: `140213`'), h);
    assert.ok(h.includes('[3例]('), h);
    assert.ok(h.includes('[13.3万管]('), h);
  });

  it('hover on a date: ISO form, the year (inferred or not) and the period it opens', async () => {
    const text = seed('001');
    const h = await hover(server, S001, positionOf(text, '2022年11月27日17时18分', 2));
    assert.ok(h.includes('ISO: `2022-11-27T17:18`'), h);
    assert.ok(h.includes('2022 (written)'), h);
    const h2 = await hover(server, S001, positionOf(text, '11月25日晚8时', 1));
    assert.ok(h2.includes('2022 (inferred'), h2);
    assert.ok(h2.includes('ISO: `2022-11-25'), h2);
    const h3 = await hover(server, S000, positionOf(seed('000'), '10月30日0时至24时', 1));
    assert.ok(h3.includes('Opens the period'), h3);
    assert.ok(h3.includes('Governs 2 figure(s): 9例, 56例'), h3);
  });

  it('bulletinCheck/facts: the facts of `bulletin-check facts`, verdicts, findings and CSV', async () => {
    const r = (await server.connection.sendRequest('bulletinCheck/facts', { uri: MUT })) as {
      uri: string;
      facts: { path: string; isBulletin: boolean; figures: Array<{ literal: string; category: string }>; groups: unknown[] };
      summary: { counts: { figures: number; totals: number; inconsistent: number }; groups: Array<{ ok: boolean; line: string }>; names: Record<string, string> };
      findings: Array<{ code: string }>;
      csv: string;
    };
    assert.equal(r.uri, MUT);
    assert.equal(r.facts.path, '/corpus/mutated-000.txt');
    assert.equal(r.facts.isBulletin, true);
    assert.equal(r.facts.groups.length, 7);
    assert.ok(r.facts.figures.some((f) => f.literal === '4例' && f.category === 'confirmed'));
    assert.equal(r.summary.counts.inconsistent, 1);
    assert.ok(r.summary.groups.some((g) => !g.ok && g.line === '4 + 6 = 10 ≠ 9'));
    assert.equal(r.summary.names.confirmed, 'confirmed cases');
    assert.ok(r.findings.some((f) => f.code === 'breakdown-sum'));
    const lines = r.csv.trim().split('\n');
    assert.equal(lines[0], 'path,line,character,literal,value,unit,kind,category,qualifier,origin,region,label,total_of,part_of');
    assert.equal(lines.length, r.facts.figures.length + 1);
    assert.equal(await server.connection.sendRequest('bulletinCheck/facts', { uri: 'file:///nope.txt' }), null);
  });

  it('a document whose analysis left the cache (3 kept) is analysed again for hover and code actions', async () => {
    // Open more documents than the cache keeps, so the mutated seed's analysis is dropped.
    for (let i = 0; i < 4; i++) await open(server, `file:///corpus/extra-${i}.txt`, seed('002') + '\n'.repeat(i));
    const text = mutated();
    const h = await hover(server, MUT, positionOf(text, '平城区4例', 3));
    assert.match(h, /4/);
    const end = TextDocument.create('x', 'plaintext', 0, text).positionAt(text.length);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: MUT },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [] },
    })) as Array<{ title: string }>;
    assert.ok(actions.some((a) => a.title === 'Change this part to 3 (total − others)'), JSON.stringify(actions.map((a) => a.title)));
  });
});

describe('presentation in Chinese', () => {
  it('speaks zh-cn in hovers, code lens and inlay tooltips', async () => {
    const server = await startServer({}, 'zh-cn');
    try {
      await open(server, MUT, mutated());
      const text = mutated();
      const h = await hover(server, MUT, positionOf(text, '我市通报', 1));
      assert.ok(h.includes('**全文摘要**'), h);
      const t = await hover(server, MUT, positionOf(text, '新增的9例', 3));
      assert.ok(t.includes('不符 ✗'), t);
      const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: MUT } })) as CodeLens[];
      assert.match(lenses[0]!.command!.title, /个数字 · 已核算 \d+ 个总数 · 1 处不符/);
    } finally {
      await server.stop();
    }
  });
});
