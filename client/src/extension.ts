/**
 * The VS Code client: starts the language server over node IPC and registers the
 * commands and the status bar item. It holds no analysis.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusBar, type StatusParams } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'bulletin' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'vscode-remote' },
    ],
    synchronize: { configurationSection: 'bulletinCheck' },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('bulletinCheck', 'Bulletin Check', serverOptions, clientOptions);
  const status = new StatusBar();
  context.subscriptions.push(status);
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletinCheck.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('bulletinCheck.showOutput', () => client?.outputChannel.show()),
  );
  await client.start();
  context.subscriptions.push(client.onNotification('bulletinCheck/status', (p: StatusParams) => status.update(p)));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
