// Loaded into the server by the heap benchmark (--require): on SIGUSR2, collect garbage
// and print the heap in use on stderr.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  process.stderr.write(`heap=${process.memoryUsage().heapUsed}\n`);
});
