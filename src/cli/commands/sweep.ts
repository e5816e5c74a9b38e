import type { Argv, CommandModule } from "yargs";
import type { RunArgs } from "../run-args.js";
import { runHandler, runOptions } from "./run.js";

export const sweepCommand: CommandModule<object, RunArgs> = {
  command: "sweep [file]",
  describe: "Run a scenario and print its sweep as a table of the headline metric (run with a sweep view)",
  builder: (yargs: Argv) =>
    runOptions(yargs).example("$0 sweep scenarios/creator-share-sweep.yaml", "the headline metric at every sweep point"),
  handler: runHandler("formatSweepTable"),
};
