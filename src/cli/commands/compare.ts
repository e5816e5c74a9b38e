import type { Argv, CommandModule } from "yargs";
import type { RunArgs } from "../run-args.js";
import { runHandler, runOptions } from "./run.js";

export const compareCommand: CommandModule<object, RunArgs> = {
  command: "compare [file]",
  describe: "Run a scenario and print its arms side by side on the headline metric (run with a comparison view)",
  builder: (yargs: Argv) =>
    runOptions(yargs).example("$0 compare scenarios/qa-vs-challenge.yaml", "which arm earns more, by how much"),
  handler: runHandler("formatArmComparison"),
};
