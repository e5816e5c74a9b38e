/**
 * `npm run bench:sim`: end-to-end simulation speed for the default scenario, the scaling
 * experiment (population vs arrivals), the format comparison of the default scenario, and the
 * calibration table (with counterfactuals, accounting checks and validation), and what common
 * random numbers buy the default study's interval (pairing), and parameter recovery of giftsim
 * calibrate (recovery: run only when asked, about 20 minutes). Flags: --only
 * throughput|scaling|calibration|pairing|recovery, --replicates N (the calibration plan: replicates per arm
 * of a light study), --pairing-replicates N (default 150), --recovery-runs N (default 20), --time MS, --json.
 * `--only engine-ab --before DIR [--rounds N]` times this build's engine against the build in DIR,
 * interleaved (sim-engine-ab.ts); it runs only when asked for.
 */
import { parseArgs } from "node:util";
import { resolveSimConfig } from "../src/scenario/index.js";
import type { CalibrationRow } from "../src/run/index.js";
import { formatCalibration, runSimCalibration } from "./sim-calibration.js";
import { formatEngineAbRatios, formatEngineAbRound, runEngineAb } from "./sim-engine-ab.js";
import { formatPairing, runSimPairing } from "./sim-pairing.js";
import { formatRecovery, runSimRecovery } from "./sim-recovery.js";
import { runSimScaling } from "./sim-scaling.js";
import { formatRunReports, timeReplicates } from "./sim-throughput.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    replicates: { type: "string", default: "8" },
    "pairing-replicates": { type: "string", default: "150" },
    "recovery-runs": { type: "string", default: "20" },
    time: { type: "string", default: "3000" },
    json: { type: "boolean", default: false },
    before: { type: "string" },
    rounds: { type: "string", default: "3" },
  },
});
const replicates = Number(values.replicates);
const timeMs = Number(values.time);
const want = (part: string) => values.only === undefined || values.only === part;
const ENGINE_AB = "engine-ab";
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
/** A calibration row without its fact, for the JSON report. */
const measured = (row: CalibrationRow) => ({ value: row.value, ci95Low: row.ci95Low, ci95High: row.ci95High, replicates: row.measuredReplicates, state: row.state });

if (want("calibration")) {
  const calibration = runSimCalibration(replicates);
  report.calibration = {
    checks: calibration.checks.map((c) => ({ id: c.fact.id, kind: c.fact.kind, band: c.fact.band, on: measured(c.on), off: c.off === null ? null : measured(c.off), counterfactual: c.counterfactual, alsoMeasured: c.alsoMeasured, acrossCounterfactuals: c.acrossCounterfactuals, passes: c.passes, study: c.fact.study })),
    validation: calibration.validation.map((v) => ({ id: v.fact.id, published: v.fact.published, value: v.value, state: v.state, study: v.fact.study })),
    replicates: calibration.replicates,
  };
  if (!values.json) console.log(`\n${formatCalibration(calibration)}`);
}
if (want("pairing")) {
  const pairing = runSimPairing(Number(values["pairing-replicates"]));
  report.pairing = pairing;
  if (!values.json) console.log(`\n${formatPairing(pairing)}`);
}
if (values.only === ENGINE_AB) {
  if (values.before === undefined) throw new Error("--only engine-ab needs --before DIR: a checkout of the base commit with dist/ built");
  if (!values.json) console.log(`engine A/B: ${values.before} (before) against this build, interleaved, CPU time of one process each`);
  const engineAb = runEngineAb(values.before, Number(values.rounds), values.json ? undefined : (round) => console.log(formatEngineAbRound(round)));
  report.engineAb = engineAb;
  if (!values.json) console.log(formatEngineAbRatios(engineAb));
}
if (values.only === "recovery") {
  const recovery = await runSimRecovery(Number(values["recovery-runs"]), (run) => {
    if (!values.json) console.error(`recovery run ${run.run}: ${run.covered.filter(Boolean).length}/${run.covered.length} covered, ${run.verdict}`);
  });
  report.recovery = { table: recovery.table, seconds: recovery.seconds, passes: recovery.passes, runs: recovery.runs };
  if (!values.json) console.log(`\n${formatRecovery(recovery)}`);
}
if (values.json) console.log(JSON.stringify(report, null, 2));
