/**
 * The language server: connection, document sync and one thin handler per
 * feature. Run with --stdio (any LSP client) or --node-ipc (the VS Code client).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale, type Locale } from '../core/messages';
import { DocumentStates } from './documentState';
import { onCodeAction } from './handlers/codeActions';
import { validate } from './handlers/diagnostics';
import { onHover } from './handlers/hover';
import { isolate } from './isolate';
import { SettingsCache } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const states = new DocumentStates();
let canPullConfiguration = false;
let locale: Locale = 'en';
const settings = new SettingsCache(connection, () => canPullConfiguration);
const pending = new Map<string, ReturnType<typeof setTimeout>>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const opts = params.initializationOptions as { locale?: string } | undefined;
  locale = toLocale(opts?.locale ?? params.locale);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'bulletin-check' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulletinCheck' });
  }
});

function schedule(doc: TextDocument, delay: number): void {
  const old = pending.get(doc.uri);
  if (old) clearTimeout(old);
  pending.set(
    doc.uri,
    setTimeout(() => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      validate(connection, current, states, settings, locale).catch((e: unknown) =>
        connection.console.error(`bulletin-check: analysis of ${doc.uri} failed: ${String(e)}`),
      );
    }, delay),
  );
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document, 30));
documents.onDidClose((e) => {
  const t = pending.get(e.document.uri);
  if (t) clearTimeout(t);
  pending.delete(e.document.uri);
  states.delete(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  for (const doc of documents.all()) schedule(doc, 0);
});

connection.onHover(isolate(connection, 'hover', null, onHover(documents, states)));
connection.onCodeAction(isolate(connection, 'codeAction', [], onCodeAction(documents, states)));

documents.listen(connection);
connection.listen();
