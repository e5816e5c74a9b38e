/**
 * What `giftsim run` (and compare, sweep) does once its options are parsed: load the scenario,
 * run the plan on the pool with a progress view, write the report, print the outcome: where it
 * went, the scenario's answer in the report's words, then the command's view of the summary.
 */
import { join } from "node:path";
import { errors } from "../errors.js";
import { builtinScenarioDir, loadScenario, worldsPlan, type ScenarioPlan } from "../scenario/index.js";
import { parseShard, runPlan, runSingleReplicate, type ReplicateFailure, type ReplicateRecord, type RunOutcome, type RunProgress, type Shard, type SingleReplicate, type Summary } from "../run/index.js";
import { WORLDS_FOLDER, writeReport } from "../report/index.js";
import { countOf } from "../report/format.js";
import { cellLabel } from "../report/report-data.js";
import { METRIC_INFO, METRIC_NAMES } from "../sim/index.js";
import { posteriorPlan, readPosterior } from "../fit/read-posterior.js";
import { answerLines } from "./answer.js";
import { DEFAULT_SCENARIO, uncertaintyFlag, type RunArgs } from "./run-args.js";
import { formatCount, printJson } from "./output.js";
import { progressView } from "./progress.js";
import { formatReplicateTable } from "./summary-table.js";

/** Runs per the arguments and prints the outcome; `describe` renders a finished run's summary. */
export async function executeRun(args: RunArgs, describe: (summary: Summary, records: readonly ReplicateRecord[]) => string): Promise<void> {
  const file = args.file ?? join(builtinScenarioDir(), DEFAULT_SCENARIO);
  const loaded = loadScenario(file, { seed: args.seed, replicates: args.replicates, uncertainty: uncertaintyFlag(args.uncertainty) });
  const plan = args.posterior === undefined ? loaded : posteriorPlan(loaded, readPosterior(args.posterior));
  if (args.replicate !== undefined) return rerunOne(plan, args);
  if (args.communities !== undefined) return runCommunitiesSlice(plan, args, parseShard(args.communities, "--communities"));
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  const out = args.out ?? join("out", plan.scenario.name);
  const outcome = finished(plan, args, await runWithProgress(plan, args, out, shard, plan.scenario.name));
  // The plausible worlds run after the stated values, into a run folder of their own inside this one.
  const worlds = worldsPlan(plan);
  const worldsOutcome = worlds === null ? undefined : finished(worlds, args, await runWithProgress(worlds, { ...args, "events-out": undefined }, join(out, WORLDS_FOLDER), shard, `${plan.scenario.name} (plausible worlds)`));
  if (worldsOutcome !== undefined && args.report) await writeReport(worldsOutcome.dir);
  const report = args.report ? await writeReport(outcome.dir) : undefined;
  if (args.json) return printJson(outcome.summary);
  const { manifest } = outcome;
  const seconds = outcome.elapsedMs / 1000;
  const ran = manifest.replicatesInFolder - outcome.resumed;
  const worldsLine = worldsOutcome === undefined ? [] : [`  worlds   ${worldsOutcome.dir} (${countOf(worldsOutcome.manifest.replicatesInFolder, "replicate")}, checksum ${worldsOutcome.manifest.checksums.results})`];
  process.stdout.write(
    [
      `${plan.scenario.name}: ${countOf(manifest.replicatesInFolder, "replicate")}${outcome.resumed > 0 ? ` (${outcome.resumed} resumed)` : ""}${shard ? ` (shard ${shard.index}/${shard.count})` : ""}, ${ran} run in ${seconds.toFixed(1)} s`,
      `  output   ${outcome.dir}`,
      `  checksum ${manifest.checksums.results}`,
      ...(args.posterior === undefined ? [] : [`  posterior ${args.posterior}: every replicate in a world drawn from the calibration's particles`]),
      ...worldsLine,
      ...(report ? [`  report   ${report.files[0]}`] : []),
      "",
      ...answerLines(outcome.dir),
      describe(outcome.summary, outcome.records),
      "",
    ].join("\n"),
  );
}

/** How a run or a slice ended short of finishing (`done` and `total` in its own unit). */
type Unfinished = Extract<RunOutcome, { state: "failed" | "interrupted" }>;

/** A finished outcome, or the error an interrupted or failed one ends the command with. */
export function finished<Finished extends { state: "finished" }>(
  plan: ScenarioPlan,
  args: Pick<RunArgs, "file" | "seed" | "replicates">,
  outcome: Finished | Unfinished,
  unit = "replicates",
): Finished {
  switch (outcome.state) {
    case "interrupted":
      throw errors.interrupted(outcome.dir, outcome.done, outcome.total, unit);
    case "failed":
      throw failureError(plan, args, outcome.failures);
    case "finished":
      return outcome;
  }
}

/** How runWithProgress runs a plan: the run options a command shares with `run`. */
export type ProgressRunArgs = Pick<RunArgs, "quiet" | "json" | "workers" | "chunk" | "resume" | "events-out" | "parquet">;

/** Runs `plan` into `out` with a progress view; Ctrl-C or SIGTERM stops it with the folder resumable. */
export async function runWithProgress(plan: ScenarioPlan, args: ProgressRunArgs, out: string, shard: Shard | null, label: string): Promise<RunOutcome> {
  return withProgress(args, out, label, "replicates", (signal, onProgress) =>
    runPlan(plan, { out, workers: args.workers, chunk: args.chunk, resume: args.resume, shard, signal, onProgress, eventsOut: args["events-out"], parquet: args.parquet }),
  );
}

/** Runs `work` with a progress view counting `unit`; Ctrl-C or SIGTERM aborts its signal, leaving `out` resumable. */
async function withProgress<T>(args: Pick<RunArgs, "quiet" | "json">, out: string, label: string, unit: string, work: (signal: AbortSignal, onProgress: (progress: RunProgress) => void) => Promise<T>): Promise<T> {
  const view = progressView({ quiet: args.quiet || args.json, label, unit });
  // Ctrl-C, or SIGTERM from a scheduler preempting the pod or job: stop with the folder resumable.
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => (abort.signal.aborted ? stopNow(signal) : stopSoon(abort, signal, out));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await work(abort.signal, (progress) => view.update(progress));
  } finally {
    view.finish();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/** Seconds a stop may take before the process ends anyway: no step may hold a signalled run. */
const STOP_GRACE_SECONDS = 10;
const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** First signal: abort, keeping every finished replicate; the process ends within STOP_GRACE_SECONDS whatever it is doing. */
function stopSoon(abort: AbortController, signal: NodeJS.Signals, out: string): void {
  abort.abort();
  setTimeout(() => {
    process.stderr.write(`giftsim: still stopping ${STOP_GRACE_SECONDS} s after ${signal}; ending now. Finished replicates are saved in ${out}; continue with --resume\n`);
    process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
  }, STOP_GRACE_SECONDS * 1000).unref();
}

/** A second signal: end at once (the checkpoint survives a kill at any moment). */
function stopNow(signal: NodeJS.Signals): never {
  process.stderr.write(`giftsim: ${signal} again; ending now (continue with --resume)\n`);
  process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
}

function failureError(plan: ScenarioPlan, args: Pick<RunArgs, "file" | "seed" | "replicates">, failures: ReplicateFailure[]) {
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
  return errors.replicatesFailed(lines, `giftsim run${args.file ? ` ${args.file}` : ""}${seedOption}${replicatesOption} --replicate ${first.replicate}`);
}

/** `--communities i/n`: this machine's slice of every replicate's communities into a slice folder, for giftsim merge. */
async function runCommunitiesSlice(plan: ScenarioPlan, args: RunArgs, slice: Shard): Promise<void> {
  const { runSlice } = await import("../run/community-slice.js");
  const out = args.out ?? join("out", plan.scenario.name);
  const label = `${plan.scenario.name} (communities ${slice.index}/${slice.count})`;
  const outcome = finished(plan, args, await withProgress(args, out, label, "parts", (signal, onProgress) => runSlice(plan, { out, communities: slice, workers: args.workers, resume: args.resume, signal, onProgress })), "parts");
  const { manifest } = outcome;
  if (args.json) return printJson(manifest);
  process.stdout.write(
    [
      `${plan.scenario.name}: communities slice ${slice.index}/${slice.count}, ${countOf(manifest.parts, "part")}${outcome.resumed > 0 ? ` (${outcome.resumed} resumed)` : ""}, ${formatCount(manifest.simulatedEvents)} events in ${(outcome.elapsedMs / 1000).toFixed(1)} s`,
      `  output   ${outcome.dir}`,
      `  parts    sha256 ${manifest.checksums.parts}`,
      `  next     giftsim merge <the ${slice.count} slice folders> --out <merged folder>`,
      "",
    ].join("\n"),
  );
}

async function rerunOne(plan: ScenarioPlan, args: RunArgs): Promise<void> {
  const replicate = args.replicate ?? 0;
  const results = await runSingleReplicate(plan, replicate, args["events-out"]);
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
    const { scenario } = plan;
    const headingOf = (r: SingleReplicate) => cellLabel(scenario.arms.find((arm) => arm.name === r.arm)?.label ?? r.arm, scenario.cells[r.cell].point, scenario.arms.length);
    const lines = [`${scenario.name}: replicate ${replicate} of every arm and point, rerun alone`];
    for (const r of results) {
      const outcome = r.state === "failed" ? "failed" : `${formatCount(r.output.simulatedEvents)} events, audit passed`;
      lines.push(`  ${headingOf(r)} (seed ${r.seed}): ${outcome}`);
    }
    const done = results.flatMap((r) => (r.state === "done" ? [{ heading: headingOf(r), metrics: r.output.metrics }] : []));
    if (done.length > 0) lines.push("", formatReplicateTable(scenario.metrics, METRIC_INFO, done));
    process.stdout.write(`${lines.join("\n")}\n`);
    if (args["events-out"]) process.stdout.write(`event log: ${args["events-out"]}\n`);
  }
  const failed = results.filter((r) => r.state === "failed");
  if (failed.length > 0) {
    throw errors.replicatesFailed(
      failed.map((f) => `arm ${f.arm}, point ${f.pointIndex}, replicate ${replicate} (seed ${f.seed}): ${f.kind === "audit" ? "audit failed: " : ""}${f.reason}`),
      `giftsim run${args.file ? ` ${args.file}` : ""} --replicate ${replicate}`,
    );
  }
}
