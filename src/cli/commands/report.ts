import type { Argv, CommandModule } from "yargs";
import { REPORT_FORMATS, type ReportFormat } from "../../report/report-format.js";
import { valuesGiven } from "../option-values.js";
import { printJson } from "../output.js";

interface ReportArgs {
  dir: string;
  format: ReportFormat;
  out?: string;
  interactive: boolean;
  adjust: "holm" | "bh";
  json: boolean;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report <dir>",
  describe: "Render the report of a finished (or merged) run folder",
  builder: (yargs: Argv) =>
    yargs
      .positional("dir", { type: "string", demandOption: true, describe: "run folder (written by giftsim run or giftsim merge)" })
      .option("format", { choices: REPORT_FORMATS, default: "html" as ReportFormat, requiresArg: true, describe: "html: one self-contained page; svg: one file per chart; json: figures, comparisons and chart specs" })
      .option("out", { type: "string", describe: "output file (html, json) or folder (svg); default DIR/report.html, DIR/report.json, DIR/charts" })
      .option("interactive", { type: "boolean", default: true, describe: "inline vega for live charts with tooltips (--no-interactive: static SVG only, smaller file)" })
      .option("adjust", { choices: ["holm", "bh"] as const, default: "holm" as const, requiresArg: true, describe: "multiplicity adjustment of each family of comparisons: holm (family-wise error rate) or bh (Benjamini-Hochberg false discovery rate)" })
      .option("json", { type: "boolean", default: false, describe: "print what was written as JSON" })
      .check(valuesGiven(["out"], ["dir"]))
      .example("$0 report out/qa-vs-challenge", "re-render out/qa-vs-challenge/report.html")
      .example("$0 report merged --format svg --out charts/", "one SVG per chart")
      .example("$0 report out/qa-vs-challenge --format json", "comparisons and chart specs as JSON")
      .example("$0 report out/qa-vs-challenge --adjust bh", "secondary comparisons adjusted by Benjamini-Hochberg"),
  handler: async (args) => {
    const { writeReport } = await import("../../report/index.js");
    const written = await writeReport(args.dir, { format: args.format, out: args.out, interactive: args.interactive, adjustment: args.adjust });
    if (args.json) printJson(written);
    else process.stdout.write(`${written.format === "svg" ? `${written.files.length} charts in ${args.out ?? `${args.dir}/charts`}` : written.files[0]}\n`);
  },
};
