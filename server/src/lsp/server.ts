/**
 * The language server for Node: run with --stdio (any LSP client) or --node-ipc
 * (the VS Code client). Everything but the transport is in serve.ts.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CHECK_WORKSPACE_REQUEST, onCheckWorkspace } from './handlers/checkWorkspace';
import { isolate } from './isolate';
import { serve } from './serve';

const empty = { files: 0, analysed: 0, withProblems: 0, problems: 0, unreadable: 0, cancelled: false };

serve(createConnection(ProposedFeatures.all), {
  checkWorkspace: ({ connection, documents, settings, configs, locale }) =>
    connection.onRequest(
      CHECK_WORKSPACE_REQUEST,
      isolate(connection, 'checkWorkspace', empty, onCheckWorkspace(connection, documents, settings, configs, locale)),
    ),
});
