import type { Argv, CommandModule } from "yargs";
import { DEFAULT_START_DATE, type HistoryArgs } from "../history-args.js";
import { valuesGiven } from "../option-values.js";

export const historyCommand: CommandModule<object, HistoryArgs> = {
  command: "history",
  describe: "Simulate one replicate of a scenario and write the creator's stream history as a dashboard CSV",
  builder: (yargs: Argv) =>
    yargs
      .option("scenario", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON) or a built-in scenario's name" })
      .option("arm", { type: "string", describe: "the arm to simulate (default: the scenario's base arm)" })
      .option("seed", { type: "string", describe: "master seed (default: the file's); the history is replicate 0 under it" })
      .option("start-date", { type: "string", default: DEFAULT_START_DATE, describe: "YYYY-MM-DD; streams are dated from the first Monday on or after it (simulated day 0 is a Monday)" })
      .option("metrics", { type: "string", describe: "columns to write, comma-separated (default: all of viewers, uniqueViewers, peakConcurrency, newFollowers, gifters, revenue)" })
      .option("unit", { type: "string", describe: "revenue unit: diamonds, coins, bits, usd or none (default: the platform dashboard's own)" })
      .option("creator", { type: "number", default: 0, describe: "index of the creator whose streams are written" })
      .option("out", { type: "string", demandOption: true, describe: "the history CSV to write (replaced whole, never half-written)" })
      .check(valuesGiven(["scenario", "arm", "seed", "start-date", "metrics", "unit", "creator", "out"]))
      .example("$0 history --scenario examples/history/synthetic-creator.yaml --out my-history.csv", "the shipped synthetic example, re-made")
      .example("$0 history --scenario schedule-2-vs-4 --arm two-a-week --metrics uniqueViewers,gifters,revenue --out h.csv", "a built-in study's creator, three columns"),
  handler: async (args) => {
    const { writeSimulatedHistory } = await import("../history-study.js");
    writeSimulatedHistory(args);
  },
};
