/**
 * `npm run bench`: the core against the idiomatic baseline at the reference size
 * (20M events, 1M viewers, 1k creators, 64 gifts). Sizes can be overridden by flags, e.g.
 * `npm run bench -- --events 2000000 --viewers 100000`.
 */
import { parseArgs } from "node:util";
import { DEFAULT_CORE_BENCH, formatCoreBench, runCoreBench } from "../src/bench/index.js";

const { values } = parseArgs({
  options: {
    events: { type: "string" },
    viewers: { type: "string" },
    creators: { type: "string" },
    gifts: { type: "string" },
    batch: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const number = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));
const report = await runCoreBench({
  ...DEFAULT_CORE_BENCH,
  events: number(values.events, DEFAULT_CORE_BENCH.events),
  viewers: number(values.viewers, DEFAULT_CORE_BENCH.viewers),
  creators: number(values.creators, DEFAULT_CORE_BENCH.creators),
  gifts: number(values.gifts, DEFAULT_CORE_BENCH.gifts),
  batchSize: number(values.batch, DEFAULT_CORE_BENCH.batchSize),
});
console.log(values.json ? JSON.stringify(report, null, 2) : formatCoreBench(report));
