/** The limit on `--workers` that run and calibrate share. */
import { availableParallelism } from "node:os";
import { errors } from "../errors.js";

/** Most worker threads per core a run (or a calibration) accepts (results do not depend on the count). */
export const MAX_WORKERS_PER_CORE = 4;

/**
 * Refuses a `--workers` count past MAX_WORKERS_PER_CORE per core of this machine. Each worker is a
 * V8 isolate (tens of MB, a code range reserved up front): past a few per core they only cost
 * memory, and hundreds exhausted the address space (a fatal OOM).
 */
export function checkWorkerCount(workers: number | undefined): void {
  const mostWorkers = MAX_WORKERS_PER_CORE * availableParallelism();
  if (workers !== undefined && workers > mostWorkers) {
    throw errors.invalidInput("option", [{ path: "--workers", value: workers, expected: `at most ${mostWorkers} (${MAX_WORKERS_PER_CORE} per core on this machine's ${availableParallelism()})` }]);
  }
}
