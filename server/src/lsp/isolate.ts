/** Request isolation: a failing handler logs and returns an empty result; the server stays up. */
import type { CancellationToken, Connection } from 'vscode-languageserver';

export function isolate<P, R>(
  connection: Connection,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      if (token.isCancellationRequested) return empty;
      const result = await handler(params, token);
      return token.isCancellationRequested ? empty : result;
    } catch (e) {
      connection.console.error(`bulletin-check: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return empty;
    }
  };
}
