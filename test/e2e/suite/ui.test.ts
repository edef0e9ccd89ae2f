/**
 * End-to-end tests of what the checker shows it understood, in real VS Code:
 * every hover kind, the outline of seed 003, the inlay hints of seed 000, the
 * code lens, semantic tokens, the summary view (it opens, lists the figures and
 * follows the active editor) and the copy commands. Language-aware: with VS Code's
 * display language zh-cn (BULLETIN_E2E_LOCALE=zh-cn) it expects the Chinese texts.
 *
 * With BULLETIN_E2E_SCREENSHOT_DIR set (the code-server runner sets it), it asks the
 * runner for named screenshots of the hovers and the summary view.
 * Every wait polls (waitFor); there are no fixed sleeps.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SummaryState } from '../../../client/src/summaryView';
import { hoverText, openEditor, rangeWithin, waitForDiagnostic, workspaceFile, codeOf } from './helpers';
import { emit, out, screenshotDoneFile, type RelayEvent } from './relay';
import { waitFor } from './waitFor';

const zh = vscode.env.language.toLowerCase().startsWith('zh');
/** The expected text in the display language. */
const L = (en: string, cn: string): string => (zh ? cn : en);


async function hoverAt(uri: vscode.Uri, position: vscode.Position, what: string, ok: (t: string) => boolean): Promise<string> {
  let last = '';
  return waitFor(
    what,
    async () => {
      last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
      return ok(last) ? last : undefined;
    },
    30_000,
    () => JSON.stringify(last),
  );
}

function expectAll(text: string, needles: string[]): void {
  for (const n of needles) assert.ok(text.includes(n), `missing ${JSON.stringify(n)} in:\n${text}`);
}

function summaryState(): Thenable<SummaryState> {
  return vscode.commands.executeCommand<SummaryState>('bulletinCheck.summaryState');
}

/** Asks the runner for a screenshot and waits (bounded) until it says it took it. Never fails the test. */
async function screenshot(name: string, wait: 'hover' | 'webview'): Promise<void> {
  const dir = process.env.BULLETIN_E2E_SCREENSHOT_DIR;
  const done = screenshotDoneFile;
  if (!dir || !done) return;
  const locale = (process.env.BULLETIN_E2E_LOCALE || 'en').toLowerCase();
  const target = path.join(dir, `${name}${locale === 'en' ? '' : `-${locale}`}.png`);
  try {
    fs.rmSync(done, { force: true });
    emit({ t: 'screenshot', path: target, wait } as RelayEvent);
    await waitFor(`the runner to take ${name}`, () => fs.existsSync(done), 45_000);
    out(`screenshot ${name}: ${fs.readFileSync(done, 'utf8').trim()} (${target})`);
  } catch (err) {
    out(`screenshot ${name} not taken: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    fs.rmSync(done, { force: true });
  }
}

async function closeAll(): Promise<void> {
  if (!vscode.workspace.textDocuments.some((d) => d.isDirty)) await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('What the checker understood (hover, outline, hints, lens, summary view)', () => {
  before(async () => {
    await closeAll();
  });

  it('hover on a part: what it counts, its place with chain, its period and the sum line', async () => {
    const uri = await workspaceFile('000_');
    const editor = await openEditor(uri);
    const pos = rangeWithin(editor.document, '平城区3例', '3例').start;
    const text = await hoverAt(uri, pos, 'the part hover of 平城区3例', (t) => t.includes('3 + 6 = 9'));
    expectAll(text, ['✓', '平城区 3 + 云冈区 6 = 9 ✓', '平城区 → 大同市 → 山西省 (140213)', '10月30日0时至24时', L('confirmed cases', '确诊病例')]);
  });

  it('hover on a figure gives its normalised value (13.3万管 = 133,000 管)', async () => {
    const uri = await workspaceFile('000_');
    const editor = await openEditor(uri);
    const pos = rangeWithin(editor.document, '平城区13.3万管', '13.3万管').start.translate(0, 1);
    const text = await hoverAt(uri, pos, 'the hover of 13.3万管', (t) => t.includes('133,000'));
    expectAll(text, ['13.3万管 = 133,000 管']);
  });

  it('hover on a total: a table of its parts (links to their positions), the sum and the verdict per dimension', async () => {
    const uri = await workspaceFile('mutated-000.txt');
    const editor = await openEditor(uri);
    const pos = rangeWithin(editor.document, '新增的9例确诊病例中', '9例').start;
    const text = await hoverAt(uri, pos, 'the total hover of 新增的9例', (t) => t.includes('4 + 6 = 10 ≠ 9'));
    const part = rangeWithin(editor.document, '平城区4例', '4例').start;
    expectAll(text, [
      L('| part | value |', '| 分项 | 数值 |'),
      `#L${part.line + 1},${part.character + 1})`,
      `\`4 + 6 = 10 ≠ 9\` — ${L('does not add up ✗', '不符 ✗')}`,
      `\`6 + 2 + 1 = 9\` — ${L('adds up ✓', '相符 ✓')}`,
    ]);
  });

  it('hover on the headline: a summary of the article', async () => {
    const uri = await workspaceFile('mutated-000.txt');
    const editor = await openEditor(uri);
    const pos = rangeWithin(editor.document, '我市通报疫情防控最新情况', '通报').start;
    const text = await hoverAt(uri, pos, 'the headline summary', (t) => t.includes(L('Summary of the article', '全文摘要')));
    expectAll(text, [L('region: 大同市 → 山西省 (1402)', '地区: 大同市 → 山西省 (1402)'), L('| category |', '| 类别 |'), L('1 inconsistent', '1 处不符')]);
  });

  it('hover on a place name: level, chain, GB/T 2260 code and its figures', async () => {
    const uri = await workspaceFile('000_');
    const editor = await openEditor(uri);
    const pos = rangeWithin(editor.document, '浑源县9例', '浑源县').start.translate(0, 1);
    const text = await hoverAt(uri, pos, 'the place hover of 浑源县', (t) => t.includes('140225'));
    expectAll(text, ['**浑源县**', L('county-level area', '县级'), '浑源县 → 大同市 → 山西省', '[9例]']);
  });

  it('hover on a date: ISO form, the year and whether it was inferred', async () => {
    const uri = await workspaceFile('001_');
    const editor = await openEditor(uri);
    const pos = rangeWithin(editor.document, '11月25日晚8时', '25日').start;
    const text = await hoverAt(uri, pos, 'the date hover of 11月25日晚8时', (t) => t.includes('2022-11-25'));
    expectAll(text, ['ISO: `2022-11-25T20:00`', L('2022 (inferred', '2022(推断')]);
  });

  it('outlines seed 003: headline, then the district sections with their statements', async () => {
    const uri = await workspaceFile('003_');
    await openEditor(uri);
    const symbols = await waitFor(
      'the outline of seed 003',
      async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        return s && s.length > 1 ? s : undefined;
      },
      30_000,
    );
    assert.strictEqual(symbols[0]!.name, '扎紧织密基层疫情防控网');
    assert.deepStrictEqual(
      symbols.slice(1).map((s) => s.name.split(' · ')[0]),
      ['杏花岭区', '阳曲县', '小店区', '古交市', '清徐县', '娄烦县'],
    );
    assert.strictEqual(symbols[1]!.kind, vscode.SymbolKind.Namespace);
    assert.ok(symbols[3]!.children.some((c) => c.name.includes('6000余人')), JSON.stringify(symbols[3]!.children.map((c) => c.name)));
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok((folds ?? []).length >= 6, `folding ranges: ${JSON.stringify(folds)}`);
  });

  it('shows Σ after each breakdown of seed 000 as inlay hints', async () => {
    const uri = await workspaceFile('000_');
    const editor = await openEditor(uri);
    const doc = editor.document;
    const all = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor(
      'the inlay hints of seed 000',
      async () => {
        const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, all);
        return h && h.length > 0 ? h : undefined;
      },
      30_000,
    );
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    assert.deepStrictEqual(hints.map(label), ['Σ 9 ✓', 'Σ 9 ✓', 'Σ 56 ✓', 'Σ 56 ✓', 'Σ 401 ✓', 'Σ 339 ✓', 'Σ 133000 ≤ 220000 ✓']);
    const end = rangeWithin(doc, '平城区3例、云冈区6例', '6例').end;
    assert.ok(hints[0]!.position.isEqual(end), `first hint at ${hints[0]!.position.line}:${hints[0]!.position.character}`);
  });

  it('the inlay hint of a broken breakdown shows the mismatch (Σ 10 ≠ 9)', async () => {
    const uri = await workspaceFile('mutated-000.txt');
    const editor = await openEditor(uri);
    const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const first = await waitFor(
      'the inlay hints of mutated-000.txt',
      async () => (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, all))?.[0],
      30_000,
    );
    assert.strictEqual(first.label, 'Σ 10 ≠ 9');
  });

  it('puts the counts in a code lens on the first line, whose command opens the summary view', async () => {
    const uri = await workspaceFile('mutated-000.txt');
    await openEditor(uri);
    const lens = await waitFor(
      'the code lens of mutated-000.txt',
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10))?.find((l) => l.command),
      30_000,
    );
    assert.strictEqual(lens.range.start.line, 2);
    assert.strictEqual(lens.command!.title, L('39 figures · 5 totals checked · 1 inconsistent', '39 个数字 · 已核算 5 个总数 · 1 处不符'));
    assert.strictEqual(lens.command!.command, 'bulletinCheck.showSummary');
  });

  it('marks the figures of the broken breakdown with the semantic modifier "inconsistent"', async () => {
    const uri = await workspaceFile('mutated-000.txt');
    const editor = await openEditor(uri);
    await waitForDiagnostic(uri, 'the breakdown-sum diagnostic', (d) => codeOf(d) === 'breakdown-sum');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    assert.ok(legend, 'no semantic tokens legend');
    assert.deepStrictEqual(legend.tokenModifiers, ['checked', 'inconsistent']);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    const data = tokens?.data ?? new Uint32Array();
    const part = rangeWithin(editor.document, '平城区4例', '4例').start;
    let line = 0;
    let ch = 0;
    let mods: number | undefined;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      ch = data[i] === 0 ? ch + data[i + 1]! : data[i + 1]!;
      if (line === part.line && ch === part.character) mods = data[i + 4];
    }
    assert.strictEqual(mods, 1 << legend.tokenModifiers.indexOf('inconsistent'));
  });

  it('opens the summary view for the active article and lists its figures, groups and findings', async () => {
    const uri = await workspaceFile('mutated-000.txt');
    await openEditor(uri);
    await vscode.commands.executeCommand('bulletinCheck.showSummary');
    const state = await waitFor(
      'the summary view to render the figures of mutated-000.txt',
      async () => {
        const s = await summaryState();
        return s.open && s.uri === uri.toString() && s.figures > 0 ? s : undefined;
      },
      30_000,
      () => 'summary state never rendered',
    );
    assert.strictEqual(state.figures, 39, JSON.stringify(state));
    assert.strictEqual(state.groups, 7);
    assert.ok(state.findings >= 1);
    assert.ok(state.loads >= 1);
    assert.strictEqual(state.error, undefined);
    assert.ok(state.title?.startsWith(L('Bulletin Summary', '通报摘要')), state.title);
  });

  it('the summary view follows the active editor', async () => {
    const uri = await workspaceFile('003_');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const state = await waitFor(
      'the summary view to show seed 003',
      async () => {
        const s = await summaryState();
        return s.uri === uri.toString() && s.figures === 16 ? s : undefined;
      },
      30_000,
      () => 'still on the previous article',
    );
    assert.strictEqual(state.groups, 0);
  });

  it('copies the figures as CSV and JSON (what `bulletin-check facts` gives)', async () => {
    const uri = await workspaceFile('000_');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.One });
    const csv = await vscode.commands.executeCommand<string>('bulletinCheck.copyFiguresCsv', uri);
    const lines = csv.trim().split('\n');
    assert.strictEqual(lines[0], 'path,line,character,literal,value,unit,kind,category,qualifier,origin,region,label,total_of,part_of');
    assert.ok(lines.some((l) => l.includes(',13.3万管,133000,管,count,test,')), lines.slice(0, 5).join('\n'));
    assert.strictEqual(await vscode.env.clipboard.readText(), csv);
    const json = await vscode.commands.executeCommand<string>('bulletinCheck.copyFiguresJson', uri);
    const facts = JSON.parse(json) as { isBulletin: boolean; figures: unknown[]; groups: unknown[] };
    assert.strictEqual(facts.isBulletin, true);
    assert.strictEqual(facts.groups.length, 7);
    assert.strictEqual(facts.figures.length, lines.length - 1);
    assert.strictEqual(await vscode.env.clipboard.readText(), json);
  });

  after(async () => {
    // Screenshots for the README: the total's hover, the headline summary and the summary view.
    if (!process.env.BULLETIN_E2E_SCREENSHOT_DIR) return;
    try {
      await closeAll();
      await vscode.commands.executeCommand('notifications.clearAll');
      const uri = await workspaceFile('mutated-000.txt');
      const editor = await openEditor(uri);
      await waitForDiagnostic(uri, 'the breakdown-sum diagnostic', (d) => codeOf(d) === 'breakdown-sum');
      const show = async (context: string, part: string) => {
        const r = rangeWithin(editor.document, context, part);
        editor.selection = new vscode.Selection(r.start.translate(0, 1), r.start.translate(0, 1));
        editor.revealRange(r, vscode.TextEditorRevealType.InCenter);
        await hoverAt(uri, r.start, 'the hover before the screenshot', (t) => t.length > 0);
        await vscode.commands.executeCommand('editor.action.showHover');
      };
      await show('新增的9例确诊病例中', '9例');
      await screenshot('screenshot-total-hover', 'hover');
      await vscode.commands.executeCommand('editor.action.hideHover');
      const head = rangeWithin(editor.document, '我市通报疫情防控最新情况', '通报');
      editor.selection = new vscode.Selection(head.start, head.start);
      editor.revealRange(head, vscode.TextEditorRevealType.AtTop);
      await hoverAt(uri, head.start, 'the headline hover before the screenshot', (t) => t.length > 0);
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('screenshot-headline-hover', 'hover');
      await vscode.commands.executeCommand('editor.action.hideHover');
      await vscode.commands.executeCommand('notifications.clearAll');
      // move the cursor off the headline so that its hover closes
      const body = rangeWithin(editor.document, '新增的9例确诊病例中', '确诊');
      editor.selection = new vscode.Selection(body.start, body.start);
      editor.revealRange(body, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('bulletinCheck.showSummary', uri);
      await waitFor('the summary view to render', async () => ((await summaryState()).figures > 0 ? true : undefined), 30_000);
      await screenshot('screenshot-summary-view', 'webview');
    } catch (err) {
      out(`screenshots skipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
});
