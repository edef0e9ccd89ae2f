/** The status bar item: the state of the active file ("✓ 6 totals" / "✗ 1 inconsistent"). */
import * as vscode from 'vscode';
import type { StatusParams } from './protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bulletinCheck.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listener: vscode.Disposable;

  constructor() {
    this.item.name = 'Bulletin Check';
    this.item.command = 'bulletinCheck.showSummary';
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(p: StatusParams): void {
    this.byUri.set(p.uri, p);
    this.render();
  }

  /** The text shown now (for tests), or undefined when hidden. */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  private shown = false;

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const p = uri ? this.byUri.get(uri) : undefined;
    if (!p || !p.analysed) {
      this.item.hide();
      this.shown = false;
      return;
    }
    if (p.inconsistent > 0) {
      this.item.text = `$(error) ${vscode.l10n.t('{0} inconsistent', p.inconsistent)}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      this.item.text = `$(check) ${vscode.l10n.t('{0} totals', p.totals)}`;
      this.item.backgroundColor = undefined;
    }
    this.item.tooltip = vscode.l10n.t('Bulletin Check: {0} figures, {1} totals checked, {2} inconsistent. Click for the summary.', p.figures, p.totals, p.inconsistent);
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
