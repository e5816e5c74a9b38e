import type { Argv, CommandModule } from "yargs";
import { errors } from "../../errors.js";
import { parseShard } from "../../run/shard.js";
import { valuesGiven } from "../option-values.js";
import { DEFAULT_SCENARIO, type RunArgs } from "../run-args.js";
import { checkWorkerCount } from "../worker-count.js";

/** The options shared by run, compare and sweep. */
export function runOptions(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional("file", { type: "string", describe: `scenario file (YAML or JSON); default: the built-in ${DEFAULT_SCENARIO}` })
    .option("seed", { type: "string", describe: "master seed (default: the file's)" })
    .option("replicates", { type: "number", describe: "replicates per arm and sweep point (default: the file's)" })
    .option("out", { type: "string", describe: "output folder (default: out/<scenario name>)" })
    .option("events-out", { type: "string", describe: "also write the raw event log to this file: Parquet if it ends in .parquet, else CSV" })
    .option("parquet", { type: "boolean", default: false, describe: "also write replicates, streams and timeseries as typed Parquet (.parquet beside each .csv)" })
    .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
    .option("chunk", { type: "number", describe: "replicates per worker task (default: sized to keep every thread busy)" })
    .option("resume", { type: "boolean", default: false, describe: "continue the run in --out, skipping finished replicates" })
    .option("shard", { type: "string", describe: "run slice i of n of every arm's replicates, e.g. 2/3 (combine with giftsim merge)" })
    .option("communities", {
      type: "string",
      describe: "run slice i of n of every replicate's communities (a world cut by audience.communitySize), e.g. 2/3, into a slice folder; giftsim merge joins all n into the whole run",
    })
    .option("replicate", { type: "number", describe: "rerun replicate K alone (every arm and point) in this process; writes no run folder" })
    .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
    .option("json", { type: "boolean", default: false, describe: "print the summary as JSON" })
    .option("report", { type: "boolean", default: true, describe: "write report.html into the output folder (--no-report to skip)" })
    .option("uncertainty", {
      type: "string",
      describe: "also run every replicate in a plausible world (the uncertain constants drawn from their ranges) into <out>/worlds: all of them (a bare flag), or the listed config paths, comma-separated",
    })
    .option("posterior", { type: "string", describe: "draw every replicate's world from the posterior in this calibration folder (giftsim calibrate --out), so the answer is for that creator's audience" })
    .check(valuesGiven(["seed", "replicates", "out", "events-out", "workers", "chunk", "shard", "communities", "replicate", "posterior"], ["file"]))
    .check((args) => {
      for (const name of ["replicates", "workers", "chunk"] as const) {
        const value = args[name];
        if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
          throw errors.invalidInput("option", [{ path: `--${name}`, value, expected: "an integer at least 1" }]);
        }
      }
      checkWorkerCount(args.workers);
      if (Array.isArray(args.uncertainty)) {
        throw errors.invalidInput("option", [{ path: "--uncertainty", value: args.uncertainty, expected: `one value (--uncertainty was given ${args.uncertainty.length} times; list constants comma-separated)` }]);
      }
      if (args.posterior !== undefined && args.uncertainty !== undefined) {
        throw errors.invalidInput("option", [{ path: "--posterior", value: args.posterior, expected: "either --posterior or --uncertainty (the posterior already carries the fit's uncertainty)" }]);
      }
      if (args.communities !== undefined) checkCommunitiesSlice(args);
      if (args.replicate !== undefined && (!Number.isInteger(args.replicate) || args.replicate < 0)) {
        throw errors.invalidInput("option", [{ path: "--replicate", value: args.replicate, expected: "a replicate index >= 0" }]);
      }
      return true;
    });
}

/**
 * `--communities i/n` is a well-formed slice and cuts the plan alone: with --shard the plan would
 * be cut two ways at once, and what a slice folder holds is parts, so the options that shape a
 * run's final files (event log, Parquet, plausible worlds) or rerun one replicate do not apply.
 */
function checkCommunitiesSlice(args: RunArgs): void {
  parseShard(args.communities ?? "", "--communities");
  const clashes: Array<[string, unknown, string]> = [
    ["--shard", args.shard, "either --shard (many replicates over machines) or --communities (few big replicates over machines), not both"],
    ["--events-out", args["events-out"], "no --events-out with --communities (a slice folder holds parts, not a replicate's event log)"],
    ["--parquet", args.parquet ? true : undefined, "no --parquet with --communities (give it to giftsim merge, which writes the tables)"],
    ["--uncertainty", args.uncertainty, "no --uncertainty with --communities (run the plausible worlds whole or by --shard)"],
    ["--replicate", args.replicate, "no --replicate with --communities (it reruns a whole replicate in this process)"],
  ];
  for (const [path, value, expected] of clashes) if (value !== undefined) throw errors.invalidInput("option", [{ path, value, expected }]);
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run [file]",
  describe: "Run a scenario's replicates on worker threads into an output folder",
  builder: (yargs: Argv) =>
    runOptions(yargs)
      .example("$0 run", "the default study (Q&A vs challenge) into out/qa-vs-challenge, with report.html")
      .example("$0 run scenarios/battle-night.yaml", "a built-in study; giftsim scenarios lists them all")
      .example("$0 run scenarios/qa-vs-challenge.yaml --seed 7 --replicates 1000 --out runs/seed7", "a researcher's rerun")
      .example("$0 run scenarios/qa-vs-challenge.yaml --seed 7 --replicates 1000 --out runs/seed7 --resume", "continue after Ctrl-C or a crash")
      .example("$0 run scenarios/qa-vs-challenge.yaml --shard 2/3 --out shard-2", "one machine's slice; then giftsim merge")
      .example("$0 run scenarios/platform-scale.yaml --replicates 1 --communities 2/4 --out slice-2", "one machine's share of one big replicate's communities; then giftsim merge slice-1 ... slice-4")
      .example("$0 run --uncertainty", "the default study at its stated constants and across plausible worlds")
      .example("$0 run --uncertainty formats.challenge.sizeTilt,gifting.kappa", "across worlds that draw only these two constants")
      .example("$0 run scenarios/schedule-2-vs-4.yaml --posterior out/mine-calibration", "for the audience a calibration fitted, each replicate in a world drawn from its posterior")
      .example("$0 run scenarios/qa-vs-challenge.yaml --replicate 17 --events-out r17.csv", "rerun replicate 17 alone with its event log"),
  handler: runHandler("formatSummaryTable"),
};


/** How a finished run's summary is printed: one of the views in summary-table.ts. */
export type SummaryView = "formatSummaryTable" | "formatArmComparison" | "formatSweepTable";

/**
 * The handler of run, compare and sweep. The study code is imported when the command runs,
 * so that `giftsim --help` and the other commands do not load the simulation and the report.
 */
export function runHandler(view: SummaryView): (args: RunArgs) => Promise<void> {
  return async (args) => {
    const [{ executeRun }, views] = await Promise.all([import("../run-study.js"), import("../summary-table.js")]);
    await executeRun(args, views[view]);
  };
}
