/**
 * The core benchmark `giftsim bench` and `npm run bench` run: the conversion core against an
 * idiomatic baseline ledger on one seeded synthetic stream, measured in the same run.
 */
export { DEFAULT_CORE_BENCH, validateCoreBench, type CoreBenchOptions } from "./core-bench-options.js";
export { runCoreBench, type CoreBenchReport } from "./core-bench.js";
export { formatCoreBench } from "./core-bench-format.js";
