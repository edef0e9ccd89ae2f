/** The status bar item: the state of the active file ("✓ 6 totals" / "✗ 1 inconsistent"). */
import * as vscode from 'vscode';

export interface StatusParams {
  uri: string;
  analysed: boolean;
  figures: number;
  totals: number;
  inconsistent: number;
  problems: number;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bulletinCheck.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listener: vscode.Disposable;

  constructor() {
    this.item.name = 'Bulletin Check';
    this.item.command = 'workbench.actions.view.problems';
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(p: StatusParams): void {
    this.byUri.set(p.uri, p);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const p = uri ? this.byUri.get(uri) : undefined;
    if (!p || !p.analysed) {
      this.item.hide();
      return;
    }
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    if (p.inconsistent > 0) {
      this.item.text = zh ? `$(error) ${p.inconsistent} 处不符` : `$(error) ${p.inconsistent} inconsistent`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      this.item.text = zh ? `$(check) ${p.totals} 个总数` : `$(check) ${p.totals} totals`;
      this.item.backgroundColor = undefined;
    }
    this.item.tooltip = zh
      ? `Bulletin Check:${p.figures} 个数字,${p.totals} 个总数已核算,${p.inconsistent} 处不符`
      : `Bulletin Check: ${p.figures} figures, ${p.totals} totals checked, ${p.inconsistent} inconsistent`;
    this.item.show();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
