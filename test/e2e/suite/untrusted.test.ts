/**
 * Bulletin Check in an untrusted workspace (Restricted Mode), in real VS Code. Only the
 * runner's untrusted pass runs this file (runCodeServer.mjs with
 * BULLETIN_E2E_TRUST=untrusted: workspace trust enabled, no startup prompt, a fresh
 * user-data directory that trusts nothing), on the workspace of
 * prepareUntrustedWorkspace (test/e2e/prepareWorkspace.cjs): seed 000,
 * mutated-000.txt and a `.bulletincheck.json` that turns breakdown-sum off, ignores the
 * typo 奥密戎 and adds a typo entry for 新闻发言人.
 *
 * The text is still checked, but the file is neither used nor written: each document
 * gets exactly the diagnostics of an analysis without it (the ones the trusted passes
 * expect of the same text, extension.test.ts), not those of an analysis with it, and
 * "Ignore in this file" / "Add to accepted words" leave it as it was.
 * Every wait polls (waitFor); there are no fixed sleeps.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/core/analyze';
import { CONFIG_NAME, filterFindings, ignoresForPath, parseConfig, rulesForPath } from '../../../server/src/core/config';
import type { Finding } from '../../../server/src/core/types';
import type { AddToConfigArgs } from '../../../server/src/lsp/handlers/codeActions';
import {
  DIAGNOSTICS_TIMEOUT_MS,
  EXTENSION_ID,
  bulletinDiagnostics,
  codeOf,
  describeDiagnostics,
  openEditor,
  rangeOf,
  rangeToString,
  rangeWithin,
  waitForDiagnostic,
  workspaceFile,
  workspaceRoot,
} from './helpers';
import { waitFor } from './waitFor';

const SEED_000 = '000_';
const MUTATED = 'mutated-000.txt';
/** The correct word of seed 000 that the workspace's typo entry calls a misspelling. */
const WORKSPACE_TYPO = '新闻发言人';
const ADD_TO_CONFIG = 'bulletinCheck.addToConfig';

/** Set if VS Code grants trust during the pass: every later assertion would prove nothing. */
let trustGranted = false;
const trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => (trustGranted = true));

function assertUntrusted(): void {
  assert.strictEqual(
    vscode.workspace.isTrusted,
    false,
    'the workspace is trusted, so this test proves nothing: it must run in Restricted Mode (runCodeServer.mjs with BULLETIN_E2E_TRUST=untrusted)',
  );
  assert.strictEqual(trustGranted, false, 'workspace trust was granted during the pass');
}

function configUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), CONFIG_NAME);
}

async function readConfig(): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(configUri()));
}

/** What is reported: code, range and severity of each bulletin-check diagnostic, sorted. */
function reported(uri: vscode.Uri): string[] {
  return bulletinDiagnostics(uri)
    .map((d) => `${String(codeOf(d))} ${rangeToString(d.range)} ${vscode.DiagnosticSeverity[d.severity].toLowerCase()}`)
    .sort();
}

function keys(doc: vscode.TextDocument, findings: readonly Finding[]): string[] {
  return findings
    .map((f) => `${f.code} ${rangeToString(new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)))} ${f.severity}`)
    .sort();
}

/**
 * What the server reports for `doc` (a plain-text file, default settings) without a
 * workspace configuration, or with `config` applied as server/src/lsp/handlers/diagnostics.ts
 * applies it.
 */
function expected(doc: vscode.TextDocument, config?: string): string[] {
  const text = doc.getText();
  if (config === undefined) return keys(doc, analyze(text, { mode: 'auto' }).findings);
  const problems: string[] = [];
  const cfg = parseConfig(config, (m) => problems.push(m));
  assert.deepStrictEqual(problems, [], `the workspace's ${CONFIG_NAME} has problems`);
  const relPath = vscode.workspace.asRelativePath(doc.uri, false);
  const analysis = analyze(text, { mode: 'auto', rules: rulesForPath(cfg, relPath), typos: cfg.typos });
  return keys(doc, filterFindings(text, analysis.findings, ignoresForPath(cfg, relPath), cfg.accept));
}

/** Polls until the document's diagnostics are exactly those of an analysis without the workspace's file. */
async function waitForUnconfigured(doc: vscode.TextDocument): Promise<string[]> {
  const want = expected(doc);
  assert.ok(want.length > 0, `${doc.uri.path} has no findings at all`);
  await waitFor(
    `the diagnostics of ${doc.uri.path} to be those of an analysis without ${CONFIG_NAME}:\n  ${want.join('\n  ')}\n`,
    () => JSON.stringify(reported(doc.uri)) === JSON.stringify(want),
    DIAGNOSTICS_TIMEOUT_MS,
    () => describeDiagnostics(doc.uri),
  );
  return want;
}

describe('Bulletin Check in an untrusted workspace (Restricted Mode)', () => {
  after(() => trustListener.dispose());

  it('runs in Restricted Mode, on a workspace whose .bulletincheck.json would change what is reported', async () => {
    assertUntrusted();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed (development path not loaded?)`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true, 'the extension must still run in Restricted Mode (untrustedWorkspaces: limited)');
    const config = await readConfig();
    const parsed = JSON.parse(config) as { rules?: unknown; ignore?: unknown; typos?: unknown };
    assert.ok(parsed.rules && parsed.ignore && parsed.typos, `${CONFIG_NAME} lacks rules, ignore or typos: ${config}`);
  });

  it('ignores the workspace setting bulletinCheck.rules too (a restricted configuration): the effective rules keep breakdown-sum and typo on', async () => {
    assertUntrusted();
    const settings = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), '.vscode', 'settings.json')));
    assert.match(settings, /"breakdown-sum": "off"/, 'the workspace settings must try to turn breakdown-sum off');
    const rules = vscode.workspace.getConfiguration('bulletinCheck').get<Record<string, string>>('rules') ?? {};
    assert.notStrictEqual(rules['breakdown-sum'], 'off', `effective bulletinCheck.rules: ${JSON.stringify(rules)}`);
    assert.notStrictEqual(rules['typo'], 'off', `effective bulletinCheck.rules: ${JSON.stringify(rules)}`);
  });

  it('still checks the text: the broken breakdown of mutated-000.txt is an error on its total although the file turns breakdown-sum off', async () => {
    assertUntrusted();
    const uri = await workspaceFile(MUTATED);
    const doc = (await openEditor(uri)).document;
    // As extension.test.ts expects in a trusted workspace without the file.
    const total = rangeWithin(doc, '新增的9例确诊病例中', '9例');
    const d = await waitForDiagnostic(uri, 'the breakdown-sum diagnostic on the total "9例"', (x) => codeOf(x) === 'breakdown-sum');
    assert.ok(d.range.contains(total), `range ${rangeToString(d.range)} does not cover "9例" at ${rangeToString(total)}`);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(d.message.includes('4 + 6 = 10'), `message lacks "4 + 6 = 10": ${d.message}`);

    const unconfigured = await waitForUnconfigured(doc);
    // Not vacuous: used, the file would have removed the finding.
    const configured = expected(doc, await readConfig());
    assert.ok(!configured.some((k) => k.startsWith('breakdown-sum ')), `with ${CONFIG_NAME}: ${configured.join(', ')}`);
    assert.notDeepStrictEqual(configured, unconfigured);
  });

  it('reports seed 000 as if there were no .bulletincheck.json: its ignored typo 奥密戎 is reported, its extra typo 新闻发言人 is not', async () => {
    assertUntrusted();
    const uri = await workspaceFile(SEED_000);
    const doc = (await openEditor(uri)).document;
    const ignored = rangeOf(doc, '奥密戎');
    const typo = await waitForDiagnostic(uri, 'the typo diagnostic on 奥密戎', (d) => codeOf(d) === 'typo' && d.range.contains(ignored));
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Warning);

    await waitForUnconfigured(doc);
    const added = rangeOf(doc, WORKSPACE_TYPO);
    assert.deepStrictEqual(
      bulletinDiagnostics(uri, 'typo')
        .filter((d) => d.range.intersection(added) !== undefined)
        .map((d) => `${rangeToString(d.range)} ${d.message}`),
      [],
      `the workspace's typo entry for ${WORKSPACE_TYPO} was used`,
    );
    // Not vacuous: used, the file would have dropped 奥密戎 and reported 新闻发言人.
    const configured = expected(doc, await readConfig());
    const at = (r: vscode.Range): string => `typo ${rangeToString(r)} `;
    assert.ok(!configured.some((k) => k.startsWith(at(typo.range))), `with ${CONFIG_NAME}: ${configured.join(', ')}`);
    assert.ok(configured.some((k) => k.startsWith(at(added))), `with ${CONFIG_NAME}: ${configured.join(', ')}`);
  });

  it('"Ignore in this file" and "Add to accepted words" (bulletinCheck.addToConfig) write nothing', async () => {
    assertUntrusted();
    const uri = await workspaceFile(SEED_000);
    const doc = (await openEditor(uri)).document;
    const typo = await waitForDiagnostic(uri, 'the typo diagnostic on 奥密戎', (d) => codeOf(d) === 'typo' && d.range.contains(rangeOf(doc, '奥密戎')));
    const before = await readConfig();
    const listing = async (): Promise<string> => JSON.stringify((await vscode.workspace.fs.readDirectory(workspaceRoot())).sort());
    const filesBefore = await listing();

    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range, vscode.CodeActionKind.QuickFix.value, 50)) ?? [];
    const commands = actions.map((a) => a.command).filter((c): c is vscode.Command => c?.command === ADD_TO_CONFIG);
    const sections = commands.map((c) => (c.arguments?.[0] as AddToConfigArgs | undefined)?.section).sort();
    assert.deepStrictEqual(sections, ['accept', 'ignore'], `quick fixes: ${JSON.stringify(actions.map((a) => a.title))}`);
    // And a direct call for the other file's error. The folder must be one the command
    // finds (it refuses an unknown folder too, before it looks at trust).
    const folder = workspaceRoot().toString().replace(/\/$/, '');
    for (const c of commands) assert.strictEqual((c.arguments?.[0] as AddToConfigArgs).folder, folder);
    const direct: AddToConfigArgs = { folder, section: 'ignore', entry: { rule: 'breakdown-sum', text: '9例', files: [MUTATED] } };
    commands.push({ title: 'ignore breakdown-sum', command: ADD_TO_CONFIG, arguments: [direct] });

    for (const c of commands) {
      const result = await vscode.commands.executeCommand<boolean>(c.command, ...(c.arguments ?? []));
      // The command returns after writing when it writes: the file is final here.
      assert.strictEqual(await readConfig(), before, `${ADD_TO_CONFIG} ${JSON.stringify(c.arguments)} changed ${CONFIG_NAME}`);
      assert.strictEqual(await listing(), filesBefore, 'the workspace folder changed');
      assert.strictEqual(result, false, `${ADD_TO_CONFIG} ${JSON.stringify(c.arguments)} did not refuse`);
    }
    await waitForUnconfigured(doc);
  });

  it('is still untrusted at the end, and both files are still reported as if there were no .bulletincheck.json', async () => {
    assertUntrusted();
    for (const name of [MUTATED, SEED_000]) {
      const doc = await vscode.workspace.openTextDocument(await workspaceFile(name));
      await waitForUnconfigured(doc);
    }
  });
});
