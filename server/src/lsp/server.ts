/**
 * The language server for Node: run with --stdio (any LSP client) or --node-ipc
 * (the VS Code client). Everything but the transport is in serve.ts.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serve } from './serve';

serve(createConnection(ProposedFeatures.all));
