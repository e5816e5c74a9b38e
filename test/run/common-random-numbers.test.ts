/**
 * Common random numbers: replicate i of the default study's two arms share their random streams
 * (the seed the runner gives them leaves the arm out, and each purpose's stream is keyed per
 * viewer, follower-day or stream inside), so the paired interval of the difference in coins per
 * live hour is much narrower than the Welch interval over the same replicates. Seeding each arm
 * apart (a seed that includes the arm) must lose that: the property fails if arms stop sharing.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedOf } from "../../src/run/chunk.js";
import { workerContext } from "../../src/run/run.js";
import { loadScenario } from "../../src/scenario/index.js";
import { METRIC_NAMES, runReplicate } from "../../src/sim/index.js";
import { studentTCritical, welchTest } from "../../src/stats/index.js";

const REPLICATES = 48;
/** Two of the study's four weeks: enough streams for the arms' differences to build up. */
const HORIZON_WEEKS = 2;
/**
 * Paired half-width / Welch half-width must be below this with shared streams and above it without
 * (measured 0.67 shared, 0.99 apart; independent arms give about 1).
 */
const MARGIN = 0.8;

const plan = loadScenario(join(import.meta.dirname, "../../scenarios/qa-vs-challenge.yaml"), { replicates: REPLICATES });
const context = workerContext(plan);
const [qa, challenge] = plan.scenario.cells.map((cell) => ({ ...cell.config, horizonWeeks: HORIZON_WEEKS }));
const metric = METRIC_NAMES.indexOf("coinsPerLiveHour");

/** Coins per live hour of `config` at every replicate index, seeded by `seed(replicate)`. */
function coinsPerLiveHour(config: typeof qa, seed: (replicate: number) => string): number[] {
  return Array.from({ length: REPLICATES }, (_, r) => runReplicate(config, seed(r)).metrics[metric]);
}

/** Half-width of the paired t interval over the differences, over that of the Welch interval. */
function pairedOverWelch(base: number[], arm: number[]): number {
  const differences = arm.map((value, i) => value - base[i]);
  const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
  const sd = Math.sqrt(differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (differences.length - 1));
  const paired = studentTCritical(0.05, differences.length - 1) * (sd / Math.sqrt(differences.length));
  const welch = welchTest(base, arm);
  if (welch === null) throw new Error("too few replicates");
  return paired / (studentTCritical(0.05, welch.df) * welch.standardError);
}

describe("common random numbers on the default study", () => {
  const base = coinsPerLiveHour(qa, (r) => seedOf(context, r));

  it(`pairs arms: the paired 95% interval is under ${MARGIN} of the Welch one on the same replicates`, () => {
    const shared = pairedOverWelch(base, coinsPerLiveHour(challenge, (r) => seedOf(context, r)));
    expect(shared).toBeLessThan(MARGIN);
  });

  it("loses the margin when the arms are seeded apart", () => {
    const apart = { ...context, masterSeed: `${context.masterSeed}/challenge` };
    expect(pairedOverWelch(base, coinsPerLiveHour(challenge, (r) => seedOf(apart, r)))).toBeGreaterThan(MARGIN);
  });
});
