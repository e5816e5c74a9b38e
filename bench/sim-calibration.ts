/**
 * The calibration table: each stylized fact next to its band and the simulated value, measured
 * in the built-in scenario the fact belongs to (CALIBRATION_FACTS[].scenario), averaged over
 * every cell (arm, sweep point) of that scenario.
 */
import { join } from "node:path";
import { loadScenario } from "../src/scenario/index.js";
import { CALIBRATION_FACTS, calibrationTable, runReplicate, type CalibrationRow } from "../src/sim/index.js";

export async function runSimCalibration(scenarioDir: string, replicates: number): Promise<CalibrationRow[]> {
  const scenarios = [...new Set(CALIBRATION_FACTS.map((f) => f.scenario))];
  const rows: CalibrationRow[] = [];
  for (const name of scenarios) {
    const plan = loadScenario(join(scenarioDir, `${name}.yaml`));
    const metricRows: Float64Array[] = [];
    for (const cell of plan.scenario.cells) {
      const count = name === "platform-compare" ? Math.max(2, Math.ceil(replicates / 10)) : replicates;
      for (let r = 0; r < count; r++) metricRows.push(runReplicate(cell.config, `calibration-${cell.arm}-${r}`).metrics);
    }
    rows.push(...calibrationTable(metricRows).filter((row) => row.fact.scenario === name));
  }
  return rows;
}

export function formatCalibration(rows: readonly CalibrationRow[]): string {
  const lines = ["calibration (fact | band | simulated | state | scenario, replicates)"];
  for (const row of rows) {
    lines.push(
      `  ${row.fact.id.padEnd(30)} ${row.fact.band.description.padEnd(44)} ${row.value.toFixed(3).padStart(8)}  ${row.state.padEnd(8)} ${row.fact.scenario} (${row.measuredReplicates})`,
    );
  }
  return lines.join("\n");
}
