import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { errors } from "../../errors.js";
import { loadScenario, type ScenarioPlan } from "../../scenario/index.js";
import { parseShard, runPlan, runSingleReplicate, type ReplicateFailure, type ReplicateRecord, type RunOutcome, type Summary } from "../../run/index.js";
import { printJson } from "../output.js";
import { progressView } from "../progress.js";
import { formatFigure, formatSummaryTable } from "../summary-table.js";
import { METRIC_NAMES } from "../../sim/index.js";

/** Options of `giftsim run` (and of its aliases compare and sweep). */
export interface RunArgs {
  file: string;
  seed?: string;
  replicates?: number;
  out?: string;
  "events-out"?: string;
  workers?: number;
  chunk?: number;
  resume: boolean;
  shard?: string;
  replicate?: number;
  quiet: boolean;
  json: boolean;
}

/** The options shared by run, compare and sweep. */
export function runOptions(yargs: Argv): Argv<RunArgs> {
  return yargs
    .positional("file", { type: "string", demandOption: true, describe: "scenario file (YAML or JSON)" })
    .option("seed", { type: "string", describe: "master seed (default: the file's)" })
    .option("replicates", { type: "number", describe: "replicates per arm and sweep point (default: the file's)" })
    .option("out", { type: "string", describe: "output folder (default: out/<scenario name>)" })
    .option("events-out", { type: "string", describe: "also write the raw event log (CSV) to this file" })
    .option("workers", { type: "number", describe: "worker threads (default: available cores)" })
    .option("chunk", { type: "number", describe: "replicates per worker task (default: sized to keep every thread busy)" })
    .option("resume", { type: "boolean", default: false, describe: "continue the run in --out, skipping finished replicates" })
    .option("shard", { type: "string", describe: "run slice i of n of every arm's replicates, e.g. 2/3 (combine with giftsim merge)" })
    .option("replicate", { type: "number", describe: "rerun replicate K alone (every arm and point) in this process; writes no run folder" })
    .option("quiet", { type: "boolean", default: false, describe: "no progress output" })
    .option("json", { type: "boolean", default: false, describe: "print the summary as JSON" })
    .check((args) => {
      for (const name of ["replicates", "workers", "chunk"] as const) {
        const value = args[name];
        if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
          throw errors.invalidInput("option", [{ path: `--${name}`, value, expected: "a whole number >= 1" }]);
        }
      }
      if (args.replicate !== undefined && (!Number.isInteger(args.replicate) || args.replicate < 0)) {
        throw errors.invalidInput("option", [{ path: "--replicate", value: args.replicate, expected: "a replicate index >= 0" }]);
      }
      return true;
    }) as unknown as Argv<RunArgs>;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: "run <file>",
  describe: "Run a scenario's replicates on worker threads into an output folder",
  builder: (yargs: Argv) =>
    runOptions(yargs)
      .example("$0 run scenarios/qa-vs-challenge.yaml", "the whole study into out/qa-vs-challenge")
      .example("$0 run study.yaml --seed 7 --replicates 1000 --out runs/seed7", "a researcher's rerun")
      .example("$0 run study.yaml --resume --out runs/seed7", "continue after Ctrl-C or a crash")
      .example("$0 run study.yaml --shard 2/3 --out shard-2", "one machine's slice; then giftsim merge")
      .example("$0 run study.yaml --replicate 17 --events-out r17.csv", "rerun replicate 17 alone with its event log") as unknown as Argv<RunArgs>,
  handler: (args) => executeRun(args, (summary) => formatSummaryTable(summary)),
};

/** Runs per the arguments and prints the outcome; `describe` renders a finished run's summary. */
export async function executeRun(args: RunArgs, describe: (summary: Summary, records: readonly ReplicateRecord[]) => string): Promise<void> {
  const plan = loadScenario(args.file, { seed: args.seed, replicates: args.replicates });
  if (args.replicate !== undefined) return rerunOne(plan, args);
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  const out = args.out ?? join("out", plan.scenario.name);
  const view = progressView({ quiet: args.quiet || args.json, label: plan.scenario.name });
  // Ctrl-C, or SIGTERM from a scheduler preempting the pod or job: stop with the folder resumable.
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let outcome: RunOutcome;
  try {
    outcome = await runPlan(plan, {
      out,
      workers: args.workers,
      chunk: args.chunk,
      resume: args.resume,
      shard,
      signal: abort.signal,
      onProgress: (progress) => view.update(progress),
      eventsOut: args["events-out"],
    });
  } finally {
    view.finish();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
  switch (outcome.state) {
    case "interrupted":
      throw errors.interrupted(outcome.dir, outcome.done, outcome.total);
    case "failed":
      throw failureError(plan, args, outcome.failures);
    case "finished": {
      if (args.json) return printJson(outcome.summary);
      const { manifest } = outcome;
      const seconds = outcome.elapsedMs / 1000;
      const ran = manifest.replicatesInFolder - outcome.resumed;
      process.stdout.write(
        [
          `${plan.scenario.name}: ${manifest.replicatesInFolder} replicates${outcome.resumed > 0 ? ` (${outcome.resumed} resumed)` : ""}${shard ? ` (shard ${shard.index}/${shard.count})` : ""}, ${ran} run in ${seconds.toFixed(1)} s`,
          `  output   ${outcome.dir}`,
          `  checksum ${manifest.checksums.results}`,
          "",
          describe(outcome.summary, outcome.records),
          "",
        ].join("\n"),
      );
    }
  }
}

function failureError(plan: ScenarioPlan, args: RunArgs, failures: ReplicateFailure[]) {
  const lines = failures.slice(0, 20).map((f) => {
    const cell = plan.scenario.cells[f.cell];
    const where = `arm ${cell.arm}, point ${cell.pointIndex}, replicate ${f.replicate}`;
    return `${where} (seed ${f.seed}): ${f.kind === "audit" ? `audit failed: ${f.reason}` : f.reason}`;
  });
  if (failures.length > 20) lines.push(`... and ${failures.length - 20} more`);
  if (failures.every((f) => f.kind === "audit")) return errors.auditFailed(lines);
  const first = failures[0];
  const seedOption = args.seed === undefined ? "" : ` --seed ${args.seed}`;
  const replicatesOption = args.replicates === undefined ? "" : ` --replicates ${args.replicates}`;
  return errors.replicatesFailed(lines, `giftsim run ${args.file}${seedOption}${replicatesOption} --replicate ${first.replicate}`);
}

async function rerunOne(plan: ScenarioPlan, args: RunArgs): Promise<void> {
  const replicate = args.replicate ?? 0;
  const results = await runSingleReplicate(plan, replicate, args["events-out"]);
  const metricNames = plan.scenario.metrics;
  const figures = (output: { metrics: Float64Array }) =>
    Object.fromEntries(METRIC_NAMES.map((name, i) => [name, Number.isFinite(output.metrics[i]) ? output.metrics[i] : null]));
  if (args.json) {
    printJson(
      results.map((r) =>
        r.state === "done"
          ? { state: r.state, arm: r.arm, pointIndex: r.pointIndex, replicate, seed: r.seed, simulatedEvents: r.output.simulatedEvents, metrics: figures(r.output) }
          : { ...r, replicate },
      ),
    );
  } else {
    for (const r of results) {
      const head = `arm ${r.arm}, point ${r.pointIndex}, replicate ${replicate} (seed ${r.seed})`;
      if (r.state === "failed") process.stdout.write(`${head}: failed\n`);
      else {
        const shown = metricNames.map((name) => `${name} ${formatFigure(r.output.metrics[METRIC_NAMES.indexOf(name)])}`).join(", ");
        process.stdout.write(`${head}: ${shown}; ${r.output.simulatedEvents} events, audit passed\n`);
      }
    }
    if (args["events-out"]) process.stdout.write(`event log: ${args["events-out"]}\n`);
  }
  const failed = results.filter((r) => r.state === "failed");
  if (failed.length > 0) {
    throw errors.replicatesFailed(
      failed.map((f) => `arm ${f.arm}, point ${f.pointIndex}, replicate ${replicate} (seed ${f.seed}): ${f.kind === "audit" ? "audit failed: " : ""}${f.reason}`),
      `giftsim run ${args.file} --replicate ${replicate}`,
    );
  }
}
