import type { Argv, CommandModule } from "yargs";
import { errors } from "../../errors.js";
import type { ResolvedScenario } from "../../scenario/index.js";
import { countOf } from "../../report/format.js";
import { valuesGiven } from "../option-values.js";
import { printJson } from "../output.js";

interface ValidateArgs {
  file?: string;
  history?: string;
  json: boolean;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: "validate [file]",
  describe: "Check a scenario file and print its plan, or a stream history (exit 2 with every problem if it is bad)",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", { type: "string", describe: "scenario file (YAML or JSON)" })
      .option("history", { type: "string", describe: "a creator's stream history (CSV, docs/calibration.md) to check instead" })
      .option("json", { type: "boolean", default: false, describe: "print the plan (or the history's summary) as JSON" })
      .check(valuesGiven(["history"], ["file"]))
      .check((args) => {
        if ((args.file === undefined) === (args.history === undefined)) throw errors.invalidInput("option", [{ path: "FILE", value: args.file, expected: "a scenario file or --history FILE (one of them)" }]);
        return true;
      })
      .example("$0 validate scenarios/qa-vs-challenge.yaml", "OK and the plan, or one line per problem")
      .example("$0 validate --history examples/history/synthetic-creator.csv", "OK, streams, date range and columns, or one line per bad row"),
  handler: async (args) => {
    if (args.history !== undefined) return validateHistory(args.history, args.json);
    const { loadScenario } = await import("../../scenario/index.js");
    const plan = loadScenario(args.file as string);
    const { scenario } = plan;
    const points = scenario.cells.length / scenario.arms.length;
    if (args.json) {
      return printJson({
        state: "valid",
        name: scenario.name,
        question: scenario.question,
        hash: plan.hash,
        seed: plan.seed,
        replicates: plan.replicates,
        base: scenario.base,
        metrics: scenario.metrics,
        primary: scenario.primary,
        cells: scenario.cells.map((cell) => ({ arm: cell.arm, pointIndex: cell.pointIndex, point: cell.point })),
      });
    }
    const lines = [
      `OK ${args.file}: ${scenario.name}`,
      `  question  ${scenario.question}`,
      `  plan      ${countOf(scenario.arms.length, "arm")} x ${countOf(points, "sweep point")} x ${countOf(plan.replicates, "replicate")} = ${countOf(scenario.cells.length * plan.replicates, "replicate")}, seed ${plan.seed}`,
      `  arms      ${scenario.arms.map((arm) => (arm.label === arm.name ? arm.name : `${arm.name} (${arm.label})`)).join(", ")}`,
      ...scenario.sweep.map((axis) => `  sweep     ${axis.path}: ${axis.values.map((v) => JSON.stringify(v)).join(", ")}`),
      `  base      ${baseText(scenario)}`,
      `  metrics   ${scenario.metrics.join(", ")}`,
      `  primary   ${scenario.primary}`,
      `  hash      ${plan.hash}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  },
};

/** Checks a history file and prints its one-line summary (or, with --json, its shape). */
async function validateHistory(file: string, json: boolean): Promise<void> {
  const { describeHistory, readHistory } = await import("../../history/index.js");
  const history = readHistory(file);
  const n = history.dates.length;
  if (json) return printJson({ state: "valid", file, streams: n, firstDate: history.dates[0], lastDate: history.dates[n - 1], metrics: history.metrics, unit: history.unit });
  process.stdout.write(`OK ${file}: ${describeHistory(history)}\n`);
}

/** The base cell as the file would name it: the arm, and the swept values of its point. */
function baseText(scenario: ResolvedScenario): string {
  const cell = scenario.cells.find((c) => c.arm === scenario.base.arm && c.pointIndex === scenario.base.pointIndex);
  const point = Object.entries(cell?.point ?? {}).map(([path, value]) => `${path} ${JSON.stringify(value)}`);
  return [scenario.base.arm, ...point].join(", ");
}
