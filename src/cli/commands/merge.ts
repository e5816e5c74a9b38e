import type { Argv, CommandModule } from "yargs";
import { printJson } from "../output.js";

interface MergeArgs {
  dirs: string[];
  out: string;
  json: boolean;
  report: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: "merge <dirs..>",
  describe: "Combine the shard folders of one run (giftsim run --shard i/n) into one run folder",
  builder: (yargs: Argv) =>
    yargs
      .positional("dirs", { type: "string", array: true, demandOption: true, describe: "shard output folders" })
      .option("out", { type: "string", demandOption: true, describe: "folder for the merged run" })
      .option("json", { type: "boolean", default: false, describe: "print the merged summary as JSON" })
      .option("report", { type: "boolean", default: true, describe: "write report.html into the merged folder (--no-report to skip)" })
      .example("$0 merge shard-1 shard-2 shard-3 --out merged", "three shards of one study") as unknown as Argv<MergeArgs>,
  handler: async (args) => {
    const [{ mergeRuns }, { formatSummaryTable }, { writeReport }] = await Promise.all([
      import("../../run/index.js"),
      import("../summary-table.js"),
      import("../../report/index.js"),
    ]);
    const { manifest, summary } = mergeRuns(args.dirs, args.out);
    const report = args.report ? await writeReport(args.out) : undefined;
    if (args.json) return printJson(summary);
    process.stdout.write(
      [
        `merged ${args.dirs.length} shards: ${manifest.replicatesInFolder} replicates of ${manifest.scenario.name}`,
        `  output   ${args.out}`,
        `  checksum ${manifest.checksums.results}`,
        ...(report ? [`  report   ${report.files[0]}`] : []),
        "",
        formatSummaryTable(summary),
        "",
      ].join("\n"),
    );
  },
};
