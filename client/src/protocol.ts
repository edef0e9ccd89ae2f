/**
 * The server's custom messages. Their shapes are the server's own types, imported as
 * types only: nothing of the server is bundled into the client.
 */
export const FACTS_REQUEST = 'bulletinCheck/facts';
export const STATUS_NOTIFICATION = 'bulletinCheck/status';
export const CHECK_WORKSPACE_REQUEST = 'bulletinCheck/checkWorkspace';

export type { Range } from 'vscode-languageclient';
export type { FactsResult } from '../../server/src/lsp/handlers/facts';
export type { StatusParams } from '../../server/src/lsp/handlers/diagnostics';
export type { CheckWorkspaceResult } from '../../server/src/lsp/handlers/checkWorkspace';
