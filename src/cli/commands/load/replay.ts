import type { Argv, CommandModule } from "yargs";
// Light modules only at startup: the replay (simulation, core) is imported when it runs.
import type { ReplayLoadReport } from "../../../load/replay/replay-load.js";
import { DEFAULT_REPLAY_LOAD } from "../../../load/replay/replay-options.js";
import { errors } from "../../../errors.js";
import { formatCount, formatRate, printJson } from "../../output.js";
import { batchLatencyLine, eventProgress, ledgerLines } from "./in-process-lines.js";
import { replaySource, replaySourceOptions, type ReplaySourceArgs } from "./replay-source.js";
import { valuesGiven } from "../../option-values.js";

interface ReplayArgs extends ReplaySourceArgs {
  scenario: string;
  batch: number;
  json: boolean;
}

/** `giftsim load replay`: one replicate's purchases and gifts through the core in process. */
export const replayLoadMode: CommandModule<object, ReplayArgs> = {
  command: "replay",
  describe: "the purchases and gifts one replicate of a scenario produces, in simulated time order, through the core in process",
  builder: (yargs: Argv) =>
    replaySourceOptions(yargs)
      .demandOption("scenario")
      .option("seed", { type: "string", describe: "master seed of the scenario (default the file's)" })
      .check(valuesGiven(["seed", "scenario", "arm"]))
      .option("batch", { type: "number", default: DEFAULT_REPLAY_LOAD.batchSize, describe: "events (purchases and gifts) per core call" })
      .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
      .example("$0 load replay --scenario scenarios/battle-night.yaml --arm battle-fresh --repeat 200", "a scenario's gift stream, 200 copies, through the core in process") as unknown as Argv<ReplayArgs>,
  handler: async (args) => {
    const { runReplayLoad } = await import("../../../load/replay/index.js");
    const progress = eventProgress(!args.json && process.stderr.isTTY);
    const report = runReplayLoad(
      { ...replaySource(args, args.scenario), batchSize: args.batch },
      progress?.update,
    );
    progress?.end();
    if (args.json) printJson(report);
    else process.stdout.write(formatReplayReport(report));
    if (report.audit.state === "failed") throw errors.auditFailed(report.audit.failures);
    if (report.simulation.state === "different") throw errors.replayMismatch(report.simulation.differences);
  },
};

function formatReplayReport(report: ReplayLoadReport): string {
  const { source, stream, batchLatencyMicros: latency } = report;
  const sim = report.simulation;
  return [
    `giftsim load (scenario ${source.scenario}, arm ${source.arm}, replicate ${source.replicate}, seed ${source.masterSeed}${report.options.repeat > 1 ? `, x${report.options.repeat}` : ""}): ${formatCount(report.giftEvents)} gifts, ${formatCount(report.purchaseEvents)} purchases`,
    `  stream           ${formatCount(stream.gifts)} gifts, ${formatCount(stream.purchases)} purchases over ${(stream.simulatedSeconds / 86_400).toFixed(1)} simulated days, busiest simulated second ${formatCount(stream.peakEventsPerSimulatedSecond)} events; ${formatCount(stream.viewers)} viewers, ${formatCount(stream.creators)} creators (simulated in ${report.simulationSeconds.toFixed(2)} s)`,
    `  core events      ${formatRate(report.coreEventsPerSecond)}  (gifts + purchases, ${report.coreSeconds.toFixed(2)} s)`,
    `  wall             ${formatRate(report.wallEventsPerSecond)}  (${report.wallSeconds.toFixed(2)} s, batching included)`,
    batchLatencyLine(latency, `${latency.count} batches of up to ${formatCount(report.options.batchSize)} events`),
    ...ledgerLines(report),
    `  simulation       ${sim.state === "equal" ? `equal: every wallet, purchase and creator credit is ${sim.repeat > 1 ? `${sim.repeat} x ` : ""}the simulation's own ledger` : `DIFFERENT: ${sim.differences.join("; ")}`}`,
    `  ledger digest    ${report.ledgerDigest.slice(0, 16)}`,
    "",
  ].join("\n");
}
