/**
 * "Bulletin Check: Check Workspace": lists the bulletin files of the workspace
 * (bulletinCheck.include, minus files.exclude and bulletinCheck.exclude) and asks the
 * server to analyse them; the server reports progress, which the user can cancel.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

import { CHECK_WORKSPACE_REQUEST, type CheckWorkspaceResult as Result } from './protocol';

function excludeGlob(): string | undefined {
  const patterns: string[] = [];
  const filesExclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude') ?? {};
  for (const [glob, on] of Object.entries(filesExclude)) if (on === true) patterns.push(glob);
  const own = vscode.workspace.getConfiguration('bulletinCheck').get<string[] | string>('exclude');
  for (const g of Array.isArray(own) ? own : own ? [own] : []) if (typeof g === 'string' && g) patterns.push(g);
  if (patterns.length === 0) return undefined;
  return patterns.length === 1 ? patterns[0] : `{${patterns.join(',')}}`;
}

export async function checkWorkspace(client: BaseLanguageClient): Promise<Result | undefined> {
  const include = vscode.workspace.getConfiguration('bulletinCheck').get<string>('include') || '**/*.{txt,bulletin}';
  const files = await vscode.workspace.findFiles(include, excludeGlob() ?? null);
  const uris = files.filter((u) => u.scheme === 'file').map((u) => u.toString());
  try {
    const result = await client.sendRequest<Result>(CHECK_WORKSPACE_REQUEST, { uris });
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Bulletin Check: {0} of {1} files checked, {2} problems in {3} files{4}.',
        result.analysed,
        result.files,
        result.problems,
        result.withProblems,
        result.cancelled ? vscode.l10n.t(' (cancelled)') : '',
      ),
    );
    return result;
  } catch (e) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Bulletin Check could not check the workspace here: {0}', String(e)));
    return undefined;
  }
}

export function registerCheckWorkspace(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(vscode.commands.registerCommand('bulletinCheck.checkWorkspace', () => checkWorkspace(client)));
  if (vscode.workspace.getConfiguration('bulletinCheck').get<boolean>('checkWorkspaceOnStartup') === true) void checkWorkspace(client);
}

/** Reopens a document in the encoding its bytes are in (behind the mojibake quick fix). */
export function registerReopenWithEncoding(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletinCheck.reopenWithEncoding', async (args: { uri: string; encoding: string }) => {
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri), { encoding: args.encoding });
        await vscode.window.showTextDocument(doc);
        return doc.encoding;
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not reopen the file as {0}: {1}', args.encoding, String(e)));
        return undefined;
      }
    }),
  );
}
