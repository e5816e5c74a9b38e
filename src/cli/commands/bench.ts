import type { Argv, CommandModule } from "yargs";
import { DEFAULT_CORE_BENCH, validateCoreBench } from "../../bench/core-bench-options.js";
import { valuesGiven } from "../option-values.js";
import { printJson } from "../output.js";

interface BenchArgs {
  events: number;
  viewers: number;
  creators: number;
  gifts: number;
  batch: number;
  json: boolean;
}

export const benchCommand: CommandModule<object, BenchArgs> = {
  command: "bench",
  describe: "Benchmark the conversion core against the idiomatic baseline (tinybench)",
  builder: (yargs: Argv) =>
    yargs
      .option("events", { type: "number", default: DEFAULT_CORE_BENCH.events, describe: "gift events in the seeded synthetic stream both sides apply" })
      .option("viewers", { type: "number", default: DEFAULT_CORE_BENCH.viewers, describe: "viewers (wallets) in the ledger" })
      .option("creators", { type: "number", default: DEFAULT_CORE_BENCH.creators, describe: "creators (accounts) in the ledger" })
      .option("gifts", { type: "number", default: DEFAULT_CORE_BENCH.gifts, describe: "gift kinds: the first G of the catalog, synthetic past its end" })
      .option("batch", { type: "number", default: DEFAULT_CORE_BENCH.batchSize, describe: "events per call of the core and of the baseline" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
      .check(valuesGiven(["events", "viewers", "creators", "gifts", "batch"]))
      .example("$0 bench", "20M events, 1M viewers, 1k creators, 64 gifts")
      .example("$0 bench --events 2000000 --viewers 100000 --json", "a quick run"),
  handler: async (args) => {
    const options = { ...DEFAULT_CORE_BENCH, events: args.events, viewers: args.viewers, creators: args.creators, gifts: args.gifts, batchSize: args.batch };
    validateCoreBench(options);
    const { runCoreBench, formatCoreBench } = await import("../../bench/index.js");
    const report = await runCoreBench(options);
    if (args.json) printJson(report);
    else process.stdout.write(`${formatCoreBench(report)}\n`);
  },
};
