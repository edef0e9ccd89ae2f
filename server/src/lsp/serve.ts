/**
 * The language server on any connection: document sync, analysis scheduling and
 * one thin handler per feature. `server.ts` runs it over stdio / node IPC,
 * `browserServer.ts` in a web worker; both share everything here.
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale, type Locale } from '../core/messages';
import { DocumentStates, type DocumentState } from './documentState';
import { FIX_ALL_KIND, onCodeAction, type DetectEncoding } from './handlers/codeActions';
import { onCodeLens } from './handlers/codeLens';
import { validate } from './handlers/diagnostics';
import { onDocumentSymbol } from './handlers/documentSymbols';
import { FACTS_REQUEST, onFacts } from './handlers/facts';
import { onFoldingRanges } from './handlers/folding';
import { onHover } from './handlers/hover';
import { onInlayHints } from './handlers/inlayHints';
import { onSemanticTokens, SEMANTIC_LEGEND } from './handlers/semanticTokens';
import { isolate } from './isolate';
import { SettingsCache } from './settings';
import { WORKSPACE_CONFIG_NOTIFICATION, WorkspaceConfigs, type WorkspaceConfigParams } from './workspaceConfig';

/** What every handler gets: the open documents and the analysis of their current version. */
export interface ServerContext {
  documents: TextDocuments<TextDocument>;
  settings: SettingsCache;
  /** The state of the document's current version, analysing it now if it is still pending. */
  current(uri: string): Promise<{ doc: TextDocument; state: DocumentState } | undefined>;
}

/** Features that exist only where the server can read files (the Node server, not the web worker). */
export interface NodeOnlyFeatures {
  /** What encoding a file's bytes are in (VS Code's id), for "Reopen with Encoding". */
  detectEncoding?: DetectEncoding;
  checkWorkspace?: (deps: {
    connection: Connection;
    documents: TextDocuments<TextDocument>;
    settings: SettingsCache;
    configs: WorkspaceConfigs;
    locale: () => Locale;
  }) => void;
}

export function serve(connection: Connection, nodeOnly: NodeOnlyFeatures = {}): void {
  const documents = new TextDocuments(TextDocument);
  const states = new DocumentStates();
  let canPullConfiguration = false;
  let locale: Locale = 'en';
  let refresh = { inlay: false, lens: false, tokens: false };
  const settings = new SettingsCache(connection, () => canPullConfiguration);
  const configs = new WorkspaceConfigs();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const running = new Map<string, Promise<void>>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const ws = params.capabilities.workspace;
    refresh = {
      inlay: ws?.inlayHint?.refreshSupport === true,
      lens: ws?.codeLens?.refreshSupport === true,
      tokens: ws?.semanticTokens?.refreshSupport === true,
    };
    const opts = params.initializationOptions as { locale?: string } | undefined;
    locale = toLocale(opts?.locale ?? params.locale);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Bulletin Check' },
        foldingRangeProvider: true,
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: false },
      },
      serverInfo: { name: 'bulletin-check' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulletinCheck' });
    }
  });

  function run(doc: TextDocument): Promise<void> {
    const p = validate(connection, doc, states, settings, locale, configs)
      .catch((e: unknown) => connection.console.error(`bulletin-check: analysis of ${doc.uri} failed: ${String(e)}`))
      .finally(() => {
        if (running.get(doc.uri) === p) running.delete(doc.uri);
      });
    running.set(doc.uri, p);
    return p;
  }

  function schedule(doc: TextDocument, delay: number): void {
    const old = pending.get(doc.uri);
    if (old) clearTimeout(old);
    pending.set(
      doc.uri,
      setTimeout(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) void run(current);
      }, delay),
    );
  }

  async function current(uri: string): Promise<{ doc: TextDocument; state: DocumentState } | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = documents.get(uri);
      if (!doc) return undefined;
      const state = states.get(uri);
      if (state && state.version === doc.version) return { doc, state };
      const timer = pending.get(uri);
      if (timer) {
        clearTimeout(timer);
        pending.delete(uri);
        await run(doc);
      } else {
        await (running.get(uri) ?? run(doc));
      }
    }
    return undefined;
  }

  const ctx: ServerContext = { documents, settings, current };

  documents.onDidOpen((e) => schedule(e.document, 0));
  // Typing in an ordinary bulletin is analysed at once (a new edit supersedes a stale
  // analysis); very large documents wait for a pause in typing.
  documents.onDidChangeContent((e) => schedule(e.document, e.document.getText().length > 200_000 ? 30 : 0));
  documents.onDidClose((e) => {
    const t = pending.get(e.document.uri);
    if (t) clearTimeout(t);
    pending.delete(e.document.uri);
    states.delete(e.document.uri);
    settings.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onNotification(WORKSPACE_CONFIG_NOTIFICATION, (p: WorkspaceConfigParams) => {
    try {
      for (const m of configs.set(p)) {
        const message = `.bulletincheck.json (${p.folder}): ${m}`;
        connection.console.warn(message);
        void connection.window.showWarningMessage(message);
      }
    } catch (e) {
      connection.console.error(`bulletin-check: workspace configuration failed: ${String(e)}`);
    }
    for (const doc of documents.all()) schedule(doc, 0);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const doc of documents.all()) schedule(doc, 0);
    if (refresh.inlay) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (refresh.lens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (refresh.tokens) connection.languages.semanticTokens.refresh();
  });

  connection.onHover(isolate(connection, 'hover', null, onHover(ctx)));
  connection.onCodeAction(isolate(connection, 'codeAction', [], onCodeAction(ctx, configs, nodeOnly.detectEncoding)));
  connection.onDocumentSymbol(isolate(connection, 'documentSymbol', [], onDocumentSymbol(ctx)));
  connection.onFoldingRanges(isolate(connection, 'foldingRange', [], onFoldingRanges(ctx)));
  connection.languages.inlayHint.on(isolate(connection, 'inlayHint', [], onInlayHints(ctx)));
  connection.onCodeLens(isolate(connection, 'codeLens', [], onCodeLens(ctx)));
  connection.languages.semanticTokens.on(isolate(connection, 'semanticTokens', { data: [] }, onSemanticTokens(ctx)));
  connection.onRequest(FACTS_REQUEST, isolate(connection, 'facts', null, onFacts(ctx)));

  nodeOnly.checkWorkspace?.({ connection, documents, settings, configs, locale: () => locale });

  documents.listen(connection);
  connection.listen();
}
