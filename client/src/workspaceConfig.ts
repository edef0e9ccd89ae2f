/**
 * Sends each workspace folder's `.bulletincheck.json` to the server, and again when
 * it changes; in an untrusted workspace it sends nothing, so the workspace cannot
 * change what is reported. The `bulletinCheck.addToConfig` command (behind the
 * "Ignore in this file" and "Add to accepted words" quick fixes) writes the file.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export const CONFIG_NAME = '.bulletincheck.json';
const NOTIFICATION = 'bulletinCheck/workspaceConfig';

interface AddToConfigArgs {
  folder: string;
  section: 'ignore' | 'accept';
  entry: { rule: string; text: string; files: string[] } | string;
}

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

export function watchWorkspaceConfig(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const send = async (folder: vscode.WorkspaceFolder): Promise<void> => {
    const text = vscode.workspace.isTrusted ? await readText(vscode.Uri.joinPath(folder.uri, CONFIG_NAME)) : null;
    await client.sendNotification(NOTIFICATION, { folder: folder.uri.toString(), text });
  };
  const sendAll = async (): Promise<void> => {
    for (const f of vscode.workspace.workspaceFolders ?? []) await send(f);
  };
  const onFile = (uri: vscode.Uri): void => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && vscode.Uri.joinPath(folder.uri, CONFIG_NAME).toString() === uri.toString()) void send(folder);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_NAME}`);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(onFile),
    watcher.onDidChange(onFile),
    watcher.onDidDelete(onFile),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void sendAll()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void sendAll()),
    vscode.commands.registerCommand('bulletinCheck.addToConfig', async (args: AddToConfigArgs) => {
      const folder = vscode.workspace.workspaceFolders?.find((f) => {
        const u = f.uri.toString();
        return (u.endsWith('/') ? u.slice(0, -1) : u) === args.folder;
      });
      if (!folder) return false;
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The workspace is not trusted: {0} is not used or written.', CONFIG_NAME));
        return false;
      }
      const uri = vscode.Uri.joinPath(folder.uri, CONFIG_NAME);
      const existing = await readText(uri);
      let config: Record<string, unknown> = {};
      if (existing !== null && existing.trim() !== '') {
        try {
          const parsed: unknown = JSON.parse(existing.replace(/^\uFEFF/, ''));
          if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
          config = parsed as Record<string, unknown>;
        } catch (e) {
          void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not valid JSON; fix it first ({1}).', CONFIG_NAME, String(e)));
          return false;
        }
      }
      const list = Array.isArray(config[args.section]) ? (config[args.section] as unknown[]) : [];
      const key = JSON.stringify(args.entry);
      if (!list.some((x) => JSON.stringify(x) === key)) list.push(args.entry);
      config[args.section] = list;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(config, null, 2) + '\n'));
      await send(folder);
      return true;
    }),
  );
  void sendAll();
}
