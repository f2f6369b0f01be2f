// Refreshing by polling: every few seconds, after the previous refresh has finished (never two at once).

/** Runs work now and then every intervalMs; returns { stop, now } (now: refresh at once, e.g. after an action). */
export function poll(intervalMs, work, onError) {
  let stopped = false;
  let timer = null;
  let running = null;

  async function run() {
    clearTimeout(timer);
    if (stopped) return;
    try {
      await work();
    } catch (error) {
      if (!stopped) onError?.(error);
    }
    if (!stopped) timer = setTimeout(() => { running = run(); }, intervalMs);
  }

  running = run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    async now() {
      await running;
      running = run();
      await running;
    },
  };
}
