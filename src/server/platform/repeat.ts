/**
 * Runs a job every `intervalMs`, never two rounds at once, and keeps going after a failed round
 * (reported through `onError`). The first round runs after one interval. `stop()` waits for a running round.
 */
export function repeatEvery(
  intervalMs: number,
  job: () => Promise<unknown>,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = job()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
