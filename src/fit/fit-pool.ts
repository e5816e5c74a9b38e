/**
 * The calibration's worker pool: piscina threads running workers/fit-worker, the FitContext
 * sent once per thread. A batch of proposals is cut into one task per thread and the results
 * put back in proposal order, so what comes back does not depend on the thread count.
 */
import { Piscina } from "piscina";
import { compiledWorker } from "../install.js";
import type { FitContext, FitResult, FitTask } from "./simulate.js";

/** A running pool of calibration workers. */
export interface FitPool {
  /** Runs `values` (rows of coordinates) as simulations first.. of `stream`. */
  run(stream: string, first: number, values: Float64Array, streams: boolean): Promise<FitResult[]>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

/** Starts `threads` workers sharing `context`. */
export function createFitPool(threads: number, context: FitContext): FitPool {
  const pool = new Piscina<FitTask, FitResult>({ filename: compiledWorker("fit-worker"), minThreads: threads, maxThreads: threads, idleTimeout: 60_000, workerData: context });
  const k = context.parameters.length;
  return {
    run(stream, first, values, streams) {
      const count = values.length / k;
      const size = Math.ceil(count / threads);
      const tasks: Array<Promise<FitResult>> = [];
      for (let at = 0; at < count; at += size) {
        tasks.push(pool.run({ stream, first: first + at, values: values.slice(at * k, Math.min(count, at + size) * k), streams }));
      }
      return Promise.all(tasks);
    },
    close: () => pool.close(),
    destroy: () => pool.destroy(),
  };
}
