/**
 * A time bound and a cancellation flag for one analysis. Stages call `check()` inside
 * their loops; once the time is up or the caller has cancelled, it throws `StageStopped`,
 * which `analyze` catches: the stage's partial result is dropped, the stages after it are
 * skipped, and one `not-analysed` finding says which. Reading the clock is cheap but not
 * free, so `check()` looks at it only every 64 calls.
 */
export class StageStopped extends Error {
  constructor(readonly reason: 'time' | 'cancelled') {
    super(reason === 'time' ? 'time budget used up' : 'cancelled');
  }
}

/** Milliseconds, high resolution where available (Node, browsers). */
export const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class Deadline {
  private calls = 0;
  private stopped: StageStopped | undefined;
  readonly started = clock();

  /**
   * @param budgetMs time allowed from now (Infinity: no bound)
   * @param isCancelled asked every 64 checks; true stops the analysis
   */
  constructor(
    private readonly budgetMs: number = Number.POSITIVE_INFINITY,
    private readonly isCancelled?: () => boolean,
  ) {}

  elapsed(): number {
    return clock() - this.started;
  }

  /** Why the analysis must stop, or undefined; reads the clock and the flag every time. */
  reason(): StageStopped | undefined {
    if (this.stopped) return this.stopped;
    if (this.elapsed() > this.budgetMs) this.stopped = new StageStopped('time');
    else if (this.isCancelled?.()) this.stopped = new StageStopped('cancelled');
    return this.stopped;
  }

  /** Throws StageStopped once the time is up or the analysis was cancelled. */
  check(): void {
    if (this.stopped) throw this.stopped;
    if ((++this.calls & 63) !== 0) return;
    const r = this.reason();
    if (r) throw r;
  }
}

/** For callers that set no bound (tests, stages called on their own). */
export const NO_DEADLINE: Deadline = new Deadline();
