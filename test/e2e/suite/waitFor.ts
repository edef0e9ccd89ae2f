/**
 * Polling helpers. The suite never sleeps for a fixed time: it re-checks a
 * condition every POLL_MS until it holds or a deadline passes, and then fails
 * with a message that says what it was waiting for and what it saw last.
 */
export const POLL_MS = 50;

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/**
 * Resolves with the first truthy value `probe` returns (it may be async).
 * Errors thrown by `probe` count as "not yet" but are kept for the timeout
 * message. `describe` is called on timeout to add the last observed state.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  describe?: () => string,
): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - start >= timeoutMs) {
      let message = `Timed out after ${timeoutMs} ms waiting for ${what}`;
      if (describe) {
        message += `; last seen: ${describe()}`;
      }
      if (lastError) {
        message += `; last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
      }
      throw new WaitTimeoutError(message);
    }
    await new Promise<void>((resolve) => setTimeout(resolve, POLL_MS));
  }
}
