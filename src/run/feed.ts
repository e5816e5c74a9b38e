/** Feeding a worker pool: a few tasks in flight per thread, so none idles, stoppable at once. */
import type { ReplicatePool } from "./pool.js";

/**
 * Keeps `lanes` tasks in flight on `pool`, each run by `run`, until the tasks run out, the
 * signal aborts (threads are stopped at once; tasks in flight are dropped, their work stays
 * undone) or `onResult` throws. Returns whether the run was interrupted.
 */
export async function feed<Task, Result>(
  tasks: { next(): Task | undefined },
  lanes: number,
  signal: AbortSignal | undefined,
  pool: Pick<ReplicatePool, "close" | "destroy">,
  run: (task: Task) => Promise<Result>,
  onResult: (task: Task, result: Result | Error) => Promise<void>,
): Promise<boolean> {
  let fatal: unknown;
  let stopped = false;
  let destroyed: Promise<void> | undefined;
  const stop = () => {
    stopped = true;
    destroyed ??= pool.destroy();
  };
  if (signal?.aborted) stop();
  signal?.addEventListener("abort", stop, { once: true });
  const lane = async () => {
    while (!stopped && fatal === undefined) {
      const task = tasks.next();
      if (task === undefined) return;
      let result: Result | Error;
      try {
        result = await run(task);
      } catch (error) {
        if (stopped) return;
        result = error instanceof Error ? error : new Error(String(error));
      }
      try {
        await onResult(task, result);
      } catch (error) {
        fatal = error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    signal?.removeEventListener("abort", stop);
    await (destroyed ?? (fatal === undefined ? pool.close() : pool.destroy()));
  }
  if (fatal !== undefined) throw fatal;
  return stopped;
}
