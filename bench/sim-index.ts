/**
 * `npm run bench:sim`: end-to-end simulation speed for the default scenario, the scaling
 * experiment (population vs arrivals), the format comparison of the default scenario, and the
 * calibration table. Flags: --only throughput|scaling|calibration, --replicates N, --time MS, --json.
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { resolveSimConfig } from "../src/scenario/index.js";
import { formatCalibration, runSimCalibration } from "./sim-calibration.js";
import { runSimScaling } from "./sim-scaling.js";
import { formatRunReports, timeReplicates } from "./sim-throughput.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    replicates: { type: "string", default: "8" },
    time: { type: "string", default: "3000" },
    json: { type: "boolean", default: false },
  },
});
const replicates = Number(values.replicates);
const timeMs = Number(values.time);
const want = (part: string) => values.only === undefined || values.only === part;
/** The tactics both arms of the default study run (scenarios/qa-vs-challenge.yaml). */
const DEFAULT_STUDY_TACTICS = { goalBar: { enabled: true } };
const report: Record<string, unknown> = {};

if (want("throughput")) {
  const runs = [
    await timeReplicates("qa-vs-challenge: qa", resolveSimConfig({ creators: { formats: ["qa"], tactics: DEFAULT_STUDY_TACTICS } }), replicates, timeMs),
    await timeReplicates("qa-vs-challenge: challenge", resolveSimConfig({ creators: { formats: ["challenge"], tactics: DEFAULT_STUDY_TACTICS } }), replicates, timeMs),
    await timeReplicates("battle night", resolveSimConfig({ creators: { formats: ["battle"] } }), replicates, timeMs),
  ];
  report.throughput = runs;
  if (!values.json) console.log(formatRunReports("end to end, one core (whole replicates: 4 weeks, 1 creator, pool 20,000)", runs));
}
if (want("scaling")) {
  const scaling = await runSimScaling(replicates, timeMs);
  report.scaling = scaling;
  if (!values.json) {
    console.log(formatRunReports("\nscaling: cost follows events", scaling.runs));
    for (const r of scaling.ratios) console.log(`  ${r.label.padEnd(30)} time x${r.time.toFixed(2)}  cpu x${r.cpu.toFixed(2)}  events x${r.events.toFixed(2)}  distinct viewers x${r.uniqueViewers.toFixed(2)}`);
  }
}
if (want("calibration")) {
  const rows = await runSimCalibration(join(import.meta.dirname, "../../scenarios"), replicates * 4);
  report.calibration = rows.map((r) => ({ id: r.fact.id, band: r.fact.band, value: r.value, state: r.state, scenario: r.fact.scenario, replicates: r.measuredReplicates }));
  if (!values.json) console.log(`\n${formatCalibration(rows)}`);
}
if (values.json) console.log(JSON.stringify(report, null, 2));
