/**
 * The web client (VS Code for the Web): runs the language server in a web
 * worker (dist/web/server.js). Everything else is shared with the desktop client.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, clientOptions } from './common';

/** The worker constructor of the extension host (no DOM typings in this project). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true));
  client = new LanguageClient('bulletinCheck', 'Bulletin Check', clientOptions([{ language: 'bulletin' }, { language: 'plaintext' }]), worker);
  await activateWith(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
