import type { Argv, CommandModule } from "yargs";
import { errors } from "../../errors.js";
import type { CalibrateArgs } from "../calibrate-args.js";
import { valuesGiven } from "../option-values.js";
import { DEFAULT_SCENARIO } from "../run-args.js";
import { checkWorkerCount } from "../worker-count.js";

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: "calibrate",
  describe: "Fit the model's audience and constants to a creator's stream history (ABC-SMC), with a posterior predictive check",
  builder: (yargs: Argv) =>
    yargs
      .option("history", { type: "string", demandOption: true, describe: "the creator's history, a CSV of one row per stream (docs/calibration.md)" })
      .option("scenario", { type: "string", describe: `the scenario whose model is fitted: a file, or a built-in's name (default ${DEFAULT_SCENARIO.replace(/\.yaml$/, "")})` })
      .option("arm", { type: "string", describe: "the arm whose config is fitted (default: the first)" })
      .option("params", { type: "string", describe: "parameters to fit, config paths comma-separated (default: followers, discovery, attendance, follow probability, payer share, budget, gift rate)" })
      .option("particles", { type: "number", describe: "particles per generation (default 150)" })
      .option("generations", { type: "number", describe: "most generations, the prior's included (at least 2; default 8)" })
      .option("seed", { type: "string", describe: "master seed (default: the scenario's)" })
      .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
      .option("out", { type: "string", describe: "output folder (default: out/<history name>-calibration)" })
      .option("resume", { type: "boolean", default: false, describe: "continue the calibration in --out from its last finished generation" })
      .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
      .check(valuesGiven(["history", "scenario", "arm", "params", "particles", "generations", "seed", "workers", "out"]))
      .check((args) => {
        // One generation is the prior alone: no fit.
        const least = { particles: 10, generations: 2, workers: 1 } as const;
        for (const [name, min] of Object.entries(least)) {
          const value = args[name];
          if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < min)) {
            throw errors.invalidInput("option", [{ path: `--${name}`, value, expected: `an integer at least ${min}` }]);
          }
        }
        checkWorkerCount(args.workers);
        return true;
      })
      .example("$0 calibrate --history examples/history/synthetic-creator.csv", "fit the default study's model to the shipped synthetic history, into out/synthetic-creator-calibration")
      .example("$0 calibrate --history mine.csv --scenario schedule-frequency --params population.initialFollowers,gifting.kappa", "two parameters of a built-in study's model")
      .example("$0 calibrate --history mine.csv --resume", "continue after Ctrl-C or a crash")
      .example("$0 run scenarios/schedule-2-vs-4.yaml --posterior out/mine-calibration", "then answer a study for this creator's audience"),
  handler: async (args) => {
    const { executeCalibrate } = await import("../calibrate-study.js");
    await executeCalibrate(args);
  },
};
