/**
 * The calibration table (docs/model.md "Calibration"): each behavioural fact with its band, the
 * value with its mechanism on and switched off (the counterfactual), the accounting checks, and
 * the held-out facts reported as validation, all from the calibration plan (run/calibration-plan.ts).
 */
import { calibrate, type CalibrationReport, type CalibrationRow } from "../src/run/index.js";

export function runSimCalibration(replicates: number): CalibrationReport {
  return calibrate({ replicates });
}

const shown = (row: CalibrationRow) =>
  `${row.value.toFixed(3).padStart(7)} [${row.ci95Low.toFixed(3)}, ${row.ci95High.toFixed(3)}] ${row.state === "inside" ? "in " : row.state === "outside" ? "out" : "n/m"}`;

export function formatCalibration(report: CalibrationReport): string {
  const lines = ["calibration (fact | band | mechanism on: mean [95% CI] | counterfactual off | check | study, replicates per arm)"];
  const behavioural = report.checks.filter((check) => check.off !== null);
  for (const check of behavioural) {
    lines.push(
      `  ${check.fact.id.padEnd(30)} ${check.fact.band.description.padEnd(44)} ${shown(check.on)}  ${shown(check.off as CalibrationRow)}  ${check.passes ? "pass" : "FAIL"}  ${check.fact.study} (${report.replicates[check.fact.study]})`,
    );
    if (check.fact.alsoMeasured !== undefined) lines.push(`    also ${check.fact.alsoMeasured.metric}: ${check.alsoMeasured?.toFixed(3)} (no band: ${check.fact.alsoMeasured.why})`);
    lines.push(`    off: ${check.counterfactual}`);
  }
  lines.push("accounting checks (identities of the price book, not calibration)");
  for (const check of report.checks.filter((c) => c.off === null)) {
    const across = check.acrossCounterfactuals === null ? "" : `  (${check.acrossCounterfactuals.min.toFixed(3)} - ${check.acrossCounterfactuals.max.toFixed(3)} under every counterfactual of the study)`;
    lines.push(`  ${check.fact.id.padEnd(30)} ${check.fact.band.description.padEnd(44)} ${shown(check.on)}  ${check.passes ? "pass" : "FAIL"}  ${check.fact.study} (${report.replicates[check.fact.study]})${across}`);
  }
  lines.push("validation (held-out facts: published | model | agreement band)");
  for (const row of report.validation) {
    lines.push(`  ${row.fact.id.padEnd(30)} ${String(row.fact.published).padEnd(8)} ${row.value.toFixed(4).padStart(9)}  ${row.fact.band.description.padEnd(30)} ${row.state === "inside" ? "in" : "out"}  ${row.fact.study} (${row.measuredReplicates})`);
  }
  return lines.join("\n");
}
