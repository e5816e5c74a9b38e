import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { countOf } from "../../report/format.js";
import { valuesGiven } from "../option-values.js";
import { printJson } from "../output.js";

interface MergeArgs {
  dirs: string[];
  out: string;
  "events-out"?: string;
  parquet: boolean;
  json: boolean;
  report: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: "merge <dirs..>",
  describe:
    "Combine the shard folders of one run (giftsim run --shard i/n) into one run folder (and their plausible worlds, when every shard has them), or the slice folders of giftsim run --communities i/n",
  builder: (yargs: Argv) =>
    yargs
      .positional("dirs", { type: "string", array: true, demandOption: true, describe: "shard output folders, or communities slice folders" })
      .option("out", { type: "string", demandOption: true, describe: "folder for the merged run" })
      .option("events-out", { type: "string", describe: "also join the shards' event logs (each run with --events-out inside its shard folder) into this file: Parquet if it ends in .parquet, else CSV, the shards' format" })
      .option("parquet", { type: "boolean", default: false, describe: "also write replicates, streams and timeseries as typed Parquet" })
      .option("json", { type: "boolean", default: false, describe: "print the merged summary as JSON" })
      .option("report", { type: "boolean", default: true, describe: "write report.html into the merged folder (--no-report to skip)" })
      .check(valuesGiven(["out", "events-out"]))
      .example("$0 merge shard-1 shard-2 shard-3 --out merged", "three shards of one study")
      .example("$0 merge slice-1 slice-2 --out merged", "the two --communities slices of one study, joined community by community")
      .example("$0 merge shard-1 shard-2 --out merged --events-out merged/events.csv", "with the shards' event logs (shard-K/events.csv) joined"),
  handler: async (args) => {
    const [{ mergeRuns }, { formatSummaryTable }, { WORLDS_FOLDER, writeReport }, { answerLines }] = await Promise.all([
      import("../../run/index.js"),
      import("../summary-table.js"),
      import("../../report/index.js"),
      import("../answer.js"),
    ]);
    const { manifest, summary, merged } = await mergeRuns(args.dirs, args.out, { eventsOut: args["events-out"], parquet: args.parquet });
    // Shards run with --uncertainty each hold their slice of the plausible worlds: merged alike, beside the run.
    const worlds = args.dirs.every((dir) => existsSync(join(dir, WORLDS_FOLDER, "manifest.json")))
      ? await mergeRuns(args.dirs.map((dir) => join(dir, WORLDS_FOLDER)), join(args.out, WORLDS_FOLDER), { parquet: args.parquet })
      : undefined;
    if (worlds !== undefined && args.report) await writeReport(join(args.out, WORLDS_FOLDER));
    const report = args.report ? await writeReport(args.out) : undefined;
    if (args.json) return printJson(summary);
    process.stdout.write(
      [
        `merged ${countOf(args.dirs.length, merged)}: ${countOf(manifest.replicatesInFolder, "replicate")} of ${manifest.scenario.name}`,
        `  output   ${args.out}`,
        `  checksum ${manifest.checksums.results}`,
        ...(worlds ? [`  worlds   ${join(args.out, WORLDS_FOLDER)} (checksum ${worlds.manifest.checksums.results})`] : []),
        ...(manifest.eventLog ? [`  events   ${args["events-out"]} (sha256 ${manifest.eventLog.sha256})`] : []),
        ...(report ? [`  report   ${report.files[0]}`] : []),
        "",
        ...answerLines(args.out),
        formatSummaryTable(summary),
        "",
      ].join("\n"),
    );
  },
};
