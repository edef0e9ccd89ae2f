/**
 * The language server for Node: run with --stdio (any LSP client) or --node-ipc
 * (the VS Code client). Everything but the transport is in serve.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { decodeBytes } from '../cli/encoding';
import { CHECK_WORKSPACE_REQUEST, onCheckWorkspace } from './handlers/checkWorkspace';
import { isolate } from './isolate';
import { serve } from './serve';

const empty = { files: 0, analysed: 0, withProblems: 0, problems: 0, unreadable: 0, cancelled: false };

/** The encoding of a file on disk, as VS Code names it, when it is a legacy Chinese one. */
function detectEncoding(uri: string): string | undefined {
  try {
    if (!uri.startsWith('file:')) return undefined;
    const decoded = decodeBytes(readFileSync(fileURLToPath(uri)));
    if ('error' in decoded) return undefined;
    return decoded.encoding === 'gbk' ? 'gbk' : decoded.encoding === 'gb18030' ? 'gb18030' : decoded.encoding === 'big5' ? 'cp950' : undefined;
  } catch {
    return undefined;
  }
}

serve(createConnection(ProposedFeatures.all), {
  detectEncoding,
  checkWorkspace: ({ connection, documents, settings, configs, locale }) =>
    connection.onRequest(
      CHECK_WORKSPACE_REQUEST,
      isolate(connection, 'checkWorkspace', empty, onCheckWorkspace(connection, documents, settings, configs, locale)),
    ),
});
