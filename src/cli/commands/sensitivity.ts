import type { Argv, CommandModule } from "yargs";
import { errors } from "../../errors.js";
import { valuesGiven } from "../option-values.js";
import { DEFAULT_SCENARIO } from "../run-args.js";
import type { SensitivityArgs } from "../sensitivity-args.js";

const METHODS = ["sobol", "morris"];

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  command: "sensitivity [file]",
  describe: "Global sensitivity analysis of the primary metric and lift over the uncertain constants (Sobol' or Morris)",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", { type: "string", describe: `scenario file (YAML or JSON); default: the built-in ${DEFAULT_SCENARIO}` })
      .option("method", { type: "string", default: "sobol", describe: "sobol (first-order and total indices, Saltelli sampling) or morris (mu*, sigma: cheaper screening)" })
      .option("samples", { type: "number", describe: "Sobol' base samples N (N (k + 2) points) or Morris trajectories r (r (k + 1) points); default 32 / 20" })
      .option("params", { type: "string", describe: "constants to vary, config paths comma-separated (default: every constant the compared arms share)" })
      .option("replicates-per-point", { type: "number", default: 1, describe: "replicates run at each design point, averaged (2 or more also measure the replicate noise)" })
      .option("seed", { type: "string", describe: "master seed (default: the file's)" })
      .option("out", { type: "string", describe: "output folder (default: out/<scenario name>-sensitivity)" })
      .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
      .option("chunk", { type: "number", describe: "replicates per worker task (default: sized to keep every thread busy)" })
      .option("resume", { type: "boolean", default: false, describe: "continue the analysis in --out, skipping finished design points" })
      .option("shard", { type: "string", describe: "run slice i of n of the design's points, e.g. 2/3; combine the slices with giftsim merge, then analyse the merged folder with --resume" })
      .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
      .option("json", { type: "boolean", default: false, describe: "print the analysis as JSON" })
      .option("posterior", { type: "string", describe: "analyse for a calibrated creator (giftsim calibrate --out DIR): fitted parameters at their posterior medians, fitted constants varied over their 90% credible intervals" })
      .check(valuesGiven(["method", "samples", "params", "replicates-per-point", "seed", "out", "workers", "chunk", "shard", "posterior"], ["file"]))
      .check((args) => {
        if (!METHODS.includes(args.method)) throw errors.invalidInput("option", [{ path: "--method", value: args.method, expected: `one of ${METHODS.join(", ")}` }]);
        const least = { samples: args.method === "sobol" ? 2 : 1, "replicates-per-point": 1, workers: 1, chunk: 1 } as const;
        for (const [name, min] of Object.entries(least)) {
          const value = args[name];
          if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < min)) {
            throw errors.invalidInput("option", [{ path: `--${name}`, value, expected: `an integer at least ${min}` }]);
          }
        }
        return true;
      })
      .example("$0 sensitivity", "Sobol' indices of the default study over every uncertain constant, into out/qa-vs-challenge-sensitivity")
      .example("$0 sensitivity --method morris", "a cheaper Morris screening of the same constants")
      .example("$0 sensitivity scenarios/qa-vs-challenge.yaml --params formats.challenge.sizeTilt,gifting.kappa --samples 64", "two constants, more samples")
      .example("$0 sensitivity --resume", "continue an analysis after Ctrl-C or a crash")
      .example("$0 sensitivity --shard 2/3 --out sens-2", "one machine's slice of the design; then giftsim merge, and giftsim sensitivity --resume --out MERGED"),
  handler: async (args) => {
    const { executeSensitivity } = await import("../sensitivity-study.js");
    await executeSensitivity(args);
  },
};
