// Waits for Ctrl-C or a termination signal, for the commands that run until stopped (`start`, `serve`).

/** Resolves on the first SIGINT or SIGTERM; keeps the process alive until then (signal listeners alone do not). */
export function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const keepAlive = setInterval(() => {}, 1 << 30);
    const done = () => {
      clearInterval(keepAlive);
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
