/**
 * The summary view: a webview beside the editor showing what the checker
 * understood of the active article — a sortable table of its figures (a click
 * jumps to the text), its breakdowns with their arithmetic, and its findings.
 * It follows the active editor. The data comes from the server
 * (`bulletinCheck/facts`); the view parses nothing.
 *
 * Security: a strict Content-Security-Policy (no default source; the one script
 * and the one style carry a fresh nonce), no remote resources, and messages from
 * the webview are checked before use.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import script from 'webview:summary.js';
import style from 'webview:summary.css';
import { FACTS_REQUEST, type FactsResult, type Range } from './protocol';

export const SUMMARY_VIEW_TYPE = 'bulletinCheck.summary';

/** What the webview reported after its last render (for tests and the status). */
export interface SummaryState {
  open: boolean;
  visible: boolean;
  uri?: string;
  /** Rows in the figures table, as rendered by the webview. */
  figures: number;
  groups: number;
  findings: number;
  /** Requests answered by the server since the view opened. */
  loads: number;
  /** The panel's title (localised). */
  title?: string;
  error?: string;
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

export function isCheckable(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === 'bulletin' || doc.languageId === 'plaintext');
}

function strings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Bulletin Summary'),
    period: vscode.l10n.t('Period'),
    region: vscode.l10n.t('Region'),
    checks: vscode.l10n.t('{0} figures · {1} totals checked · {2} inconsistent'),
    figures: vscode.l10n.t('Figures'),
    groups: vscode.l10n.t('Breakdowns'),
    findings: vscode.l10n.t('Findings'),
    none: vscode.l10n.t('None'),
    notBulletin: vscode.l10n.t('This document is not checked as a bulletin.'),
    noEditor: vscode.l10n.t('Open a bulletin to see its summary.'),
    line: vscode.l10n.t('Line'),
    literal: vscode.l10n.t('As written'),
    value: vscode.l10n.t('Value'),
    unit: vscode.l10n.t('Unit'),
    category: vscode.l10n.t('Category'),
    qualifier: vscode.l10n.t('Qualifier'),
    origin: vscode.l10n.t('Origin'),
    place: vscode.l10n.t('Place'),
    label: vscode.l10n.t('Label'),
    periodCol: vscode.l10n.t('Period'),
    dimension: vscode.l10n.t('By'),
    arithmetic: vscode.l10n.t('Arithmetic'),
    verdict: vscode.l10n.t('Verdict'),
    ok: vscode.l10n.t('adds up'),
    bad: vscode.l10n.t('does not add up'),
    subsetOk: vscode.l10n.t('within the total'),
    subsetBad: vscode.l10n.t('exceeds the total'),
    code: vscode.l10n.t('Rule'),
    message: vscode.l10n.t('Message'),
    copyJson: vscode.l10n.t('Copy as JSON'),
    copyCsv: vscode.l10n.t('Copy as CSV'),
    sortHint: vscode.l10n.t('Click a column to sort; click a row to go to the figure.'),
    unknown: vscode.l10n.t('not stated'),
  };
}

export class SummaryView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private state: SummaryState = { open: false, visible: false, figures: 0, groups: 0, findings: 0, loads: 0 };
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;

  constructor(private readonly client: () => BaseLanguageClient | undefined) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && isCheckable(e?.document)) void this.show(e.document.uri, false);
      }),
    );
  }

  get current(): SummaryState {
    return { ...this.state, visible: this.panel?.visible ?? false, ...(this.panel ? { title: this.panel.title } : {}) };
  }

  /** Opens (or reveals) the view for `uri` and loads its data. */
  async show(uri: vscode.Uri, reveal = true): Promise<SummaryState> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        SUMMARY_VIEW_TYPE,
        vscode.l10n.t('Bulletin Summary'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true },
      );
      this.state = { open: true, visible: true, figures: 0, groups: 0, findings: 0, loads: 0 };
      this.panel.webview.html = this.html(this.panel.webview);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.state = { open: false, visible: false, figures: 0, groups: 0, findings: 0, loads: 0 };
      }, undefined, this.disposables);
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), undefined, this.disposables);
    } else if (reveal) {
      this.panel.reveal(undefined, true);
    }
    this.uri = uri;
    await this.refresh();
    return this.current;
  }

  /** Reloads the data when the shown document was analysed again. */
  async refreshIf(uri: string): Promise<void> {
    if (this.panel && this.uri?.toString() === uri) await this.refresh();
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    const client = this.client();
    if (!panel || !uri) return;
    const generation = ++this.generation;
    if (!client) {
      void panel.webview.postMessage({ type: 'data', strings: strings(), data: null });
      return;
    }
    try {
      const data = await client.sendRequest<FactsResult | null>(FACTS_REQUEST, { uri: uri.toString() });
      if (generation !== this.generation || !this.panel) return;
      this.state.loads++;
      this.state.uri = uri.toString();
      delete this.state.error;
      const name = uri.path.split('/').pop() ?? '';
      panel.title = `${vscode.l10n.t('Bulletin Summary')}: ${name}`;
      void panel.webview.postMessage({ type: 'data', strings: strings(), data });
    } catch (e) {
      this.state.error = e instanceof Error ? e.message : String(e);
    }
  }

  private onMessage(m: unknown): void {
    if (!m || typeof m !== 'object') return;
    const msg = m as { type?: unknown; range?: Range; figures?: unknown; groups?: unknown; findings?: unknown; format?: unknown };
    switch (msg.type) {
      case 'ready':
        void this.refresh();
        break;
      case 'rendered':
        if (typeof msg.figures === 'number' && typeof msg.groups === 'number' && typeof msg.findings === 'number') {
          this.state.figures = msg.figures;
          this.state.groups = msg.groups;
          this.state.findings = msg.findings;
        }
        break;
      case 'reveal':
        if (this.uri && isRange(msg.range)) void reveal(this.uri, msg.range);
        break;
      case 'copy':
        if (msg.format === 'json' || msg.format === 'csv') {
          void vscode.commands.executeCommand(msg.format === 'json' ? 'bulletinCheck.copyFiguresJson' : 'bulletinCheck.copyFiguresCsv', this.uri);
        }
        break;
    }
  }

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const csp = [`default-src 'none'`, `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`].join('; ');
    const lang = vscode.env.language;
    return `<!DOCTYPE html>
<html lang="${lang.replace(/[^a-zA-Z-]/g, '')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Bulletin Summary</title>
<style nonce="${n}">${style}</style>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${n}">${script}</script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isRange(r: unknown): r is Range {
  const x = r as Range | undefined;
  return !!x && typeof x.start?.line === 'number' && typeof x.start?.character === 'number' && typeof x.end?.line === 'number' && typeof x.end?.character === 'number';
}

/** Shows `range` of `uri` in an editor (the one already showing it, else the first column). */
export async function reveal(uri: vscode.Uri, r: Range): Promise<void> {
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const doc = open?.document ?? (await vscode.workspace.openTextDocument(uri));
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: open?.viewColumn ?? vscode.ViewColumn.One,
    selection: range,
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
