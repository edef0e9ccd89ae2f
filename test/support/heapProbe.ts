/**
 * Preloaded into a spawned server (NODE_OPTIONS="--expose-gc --require <this file>") by the soak
 * test: on SIGUSR2 it collects garbage and writes the live heap to stderr as
 * `bulletin-check-heap-probe <n> <heapUsed bytes>`. It changes nothing else in the process.
 */
let n = 0;
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  process.stderr.write(`bulletin-check-heap-probe ${++n} ${gc ? process.memoryUsage().heapUsed : -1}\n`);
});
