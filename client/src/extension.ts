/**
 * The desktop client: starts the language server over node IPC. Commands, the
 * status bar and the summary view are shared with the web client (common.ts).
 * It holds no analysis.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, clientOptions } from './common';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient(
    'bulletinCheck',
    'Bulletin Check',
    serverOptions,
    clientOptions([
      { language: 'bulletin' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'vscode-remote' },
    ]),
  );
  await activateWith(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
