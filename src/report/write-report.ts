/**
 * Writes a run folder's report: report.html by default (what `giftsim run` leaves at the end and
 * `giftsim report DIR` re-renders), or one SVG per chart, or the report as JSON. A folder whose
 * ledger audit did not pass gets no report. Files appear whole or not at all.
 */
import { join } from "node:path";
import { errors } from "../errors.js";
import { writeFileAtomic } from "../run/atomic-file.js";
import { checkWritableFile, checkWritableFolder } from "../run/make-folder.js";
import type { PAdjustMethod } from "../stats/index.js";
import { buildReport } from "./build-report.js";
import { readRunFolder } from "./read-run-folder.js";
import { renderHtml } from "./render-html.js";
import { reportJson } from "./report-json.js";
import { readWorldsAnswer } from "./worlds-answer.js";
import { readHinge } from "./decision.js";

/** Output formats of a report. */
import type { ReportFormat } from "./report-format.js";
export { REPORT_FORMATS, type ReportFormat } from "./report-format.js";

/** How to write a report. */
export interface WriteReportOptions {
  /** Default "html". */
  format?: ReportFormat;
  /** A file for html and json (default DIR/report.html, DIR/report.json), a folder for svg (default DIR/charts). */
  out?: string;
  /** Inline vega and vega-lite for live charts in the HTML; default true. */
  interactive?: boolean;
  /** How each family of comparisons is adjusted for multiplicity; default "holm". */
  adjustment?: PAdjustMethod;
}

/** What was written. */
export interface WrittenReport {
  format: ReportFormat;
  /** The files written, HTML/JSON file or the SVG files. */
  files: string[];
  /** Ids of the charts drawn, in report order. */
  charts: string[];
}

/** Reads run folder `dir` and writes its report; throws errors.notARunFolder or errors.auditFailed. */
export async function writeReport(dir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const format = options.format ?? "html";
  const data = readRunFolder(dir);
  if (data.run.audit !== "passed") throw errors.auditFailed([`${dir}: the manifest does not record a passed ledger audit, so no report is written`]);
  const report = await buildReport(data, { adjustment: options.adjustment }, { worlds: readWorldsAnswer(dir), hinge: readHinge(dir, data.scenario.name) });
  const charts = report.charts.map((chart) => chart.id);
  switch (format) {
    case "html": {
      const file = options.out ?? join(dir, "report.html");
      checkWritableFile("--out", file);
      writeFileAtomic(file, renderHtml(report, { interactive: options.interactive }));
      return { format, files: [file], charts };
    }
    case "json": {
      const file = options.out ?? join(dir, "report.json");
      checkWritableFile("--out", file);
      writeFileAtomic(file, `${JSON.stringify(reportJson(report, { specs: true }), null, 2)}\n`);
      return { format, files: [file], charts };
    }
    case "svg": {
      const folder = options.out ?? join(dir, "charts");
      checkWritableFolder("--out", folder);
      const files = report.charts.map((chart) => {
        const file = join(folder, `${chart.id}.svg`);
        writeFileAtomic(file, chart.svg);
        return file;
      });
      return { format, files, charts };
    }
  }
}
