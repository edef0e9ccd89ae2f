/**
 * The language server in a web worker (VS Code for the Web): the same handlers
 * as the Node server, over postMessage.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { serve } from './serve';

/** The worker's global scope (no DOM typings in this project). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

serve(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
