/**
 * A minimal LSP client for protocol tests: spawns the built server over stdio and
 * speaks JSON-RPC to it. No mocks; waits are polls on received messages.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './fixtures';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcessWithoutNullStreams;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  messages: Array<{ type: number; message: string }>;
  logs: string[];
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  progress: Array<{ token: unknown; value: unknown }>;
  waitForDiagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  stop(): Promise<number | null>;
}

export async function waitFor<T>(fn: () => T | undefined, what: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startServer(settings: Record<string, unknown> = {}, locale = 'en'): Promise<TestServer> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const messages: Array<{ type: number; message: string }> = [];
  const logs: string[] = [];
  const state: TestServer = {
    connection,
    process: child,
    diagnostics,
    messages,
    logs,
    settings,
    progress: [],
    async waitForDiagnostics(uri, predicate = () => true, timeoutMs = 10000) {
      return waitFor(() => {
        const list = diagnostics.get(uri);
        const last = list?.[list.length - 1];
        return last && predicate(last.diagnostics) ? last.diagnostics : undefined;
      }, `diagnostics for ${uri}`, timeoutMs);
    },
    async stop() {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = diagnostics.get(p.uri) ?? [];
    list.push(p);
    diagnostics.set(p.uri, list);
  });
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    messages.push(p);
  });
  connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    messages.push(p);
    return null;
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map(() => state.settings),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (p: { token: unknown; value: unknown }) => {
    state.progress.push(p);
  });
  connection.listen();
  state.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    locale,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
    },
  });
  await connection.sendNotification('initialized', {});
  return state;
}
