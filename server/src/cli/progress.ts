/** Progress on stderr (files done / total, MB/s, findings), only when stderr is a terminal. */
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;
  private done = 0;
  private bytes = 0;
  private findings = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled: boolean = stream.isTTY === true,
  ) {}

  update(bytes: number, findings: number): void {
    this.done++;
    this.bytes += bytes;
    this.findings += findings;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const mbs = this.bytes / 1e6 / seconds;
    this.stream.write(`\r\x1b[K${this.done}/${this.total} files, ${mbs.toFixed(1)} MB/s, ${this.findings} finding(s)`);
    this.shown = true;
  }

  /** Clears the line before the summary is printed. */
  end(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
