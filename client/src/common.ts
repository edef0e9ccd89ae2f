/**
 * Everything the desktop and the web client share: the commands, the status bar,
 * the summary view and the server's notifications. The entry points
 * (extension.ts for Node, browserExtension.ts for the Web) only create the client.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { FACTS_REQUEST, STATUS_NOTIFICATION, type FactsResult, type StatusParams } from './protocol';
import { StatusBar } from './statusBar';
import { watchWorkspaceConfig } from './workspaceConfig';
import { registerCheckWorkspace, registerReopenWithEncoding } from './checkWorkspace';
import { isCheckable, SummaryView } from './summaryView';

export function clientOptions(documentSelector: LanguageClientOptions['documentSelector']): LanguageClientOptions {
  return {
    documentSelector,
    synchronize: { configurationSection: 'bulletinCheck' },
    initializationOptions: { locale: vscode.env.language },
  };
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  const doc = vscode.window.activeTextEditor?.document;
  if (isCheckable(doc)) return doc.uri;
  // the summary view has the focus: the last bulletin shown in an editor
  const visible = vscode.window.visibleTextEditors.find((e) => isCheckable(e.document));
  return visible?.document.uri;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await vscode.env.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export async function activateWith(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<void> {
  const status = new StatusBar();
  const summary = new SummaryView(() => client);
  context.subscriptions.push(status, summary);

  const facts = async (arg: unknown): Promise<FactsResult | undefined> => {
    const uri = toUri(arg);
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a bulletin first.'));
      return undefined;
    }
    const result = await client.sendRequest<FactsResult | null>(FACTS_REQUEST, { uri: uri.toString() });
    if (!result) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Bulletin Check has not analysed this document.'));
      return undefined;
    }
    return result;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('bulletinCheck.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('bulletinCheck.showOutput', () => client.outputChannel.show()),
    vscode.commands.registerCommand('bulletinCheck.showSummary', async (arg?: unknown) => {
      const uri = toUri(arg);
      if (!uri) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Open a bulletin first.'));
        return undefined;
      }
      return summary.show(uri);
    }),
    // For tests and automation: what the summary view rendered last.
    vscode.commands.registerCommand('bulletinCheck.summaryState', () => summary.current),
    vscode.commands.registerCommand('bulletinCheck.copyFiguresJson', async (arg?: unknown) => {
      const r = await facts(arg);
      if (!r) return undefined;
      const text = JSON.stringify(r.facts, null, 2);
      const ok = await writeClipboard(text);
      void vscode.window.showInformationMessage(
        ok ? vscode.l10n.t('Copied {0} figures as JSON.', r.facts.figures.length) : vscode.l10n.t('Could not write to the clipboard.'),
      );
      return text;
    }),
    vscode.commands.registerCommand('bulletinCheck.copyFiguresCsv', async (arg?: unknown) => {
      const r = await facts(arg);
      if (!r) return undefined;
      const ok = await writeClipboard(r.csv);
      void vscode.window.showInformationMessage(
        ok ? vscode.l10n.t('Copied {0} figures as CSV.', r.facts.figures.length) : vscode.l10n.t('Could not write to the clipboard.'),
      );
      return r.csv;
    }),
  );

  await client.start();
  watchWorkspaceConfig(context, client);
  registerCheckWorkspace(context, client);
  registerReopenWithEncoding(context);
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => {
      status.update(p);
      void summary.refreshIf(p.uri);
    }),
  );
}
