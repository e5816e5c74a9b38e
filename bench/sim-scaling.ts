/**
 * Evidence that a replicate's cost follows its events, not population x duration: the default
 * scenario against (a) twice the audience pool with the same arrivals (expected flat) and
 * (b) twice the arrivals, discovery and followers (expected about 2x, in events and in time).
 * A bigger pool with the same arrivals does bring more distinct viewers (fewer repeat visits),
 * each drawing its traits once, and spreads hot columns over more memory: both are reported.
 */
import { resolveSimConfig } from "../src/scenario/index.js";
import { timeReplicates, type SimRunReport } from "./sim-throughput.js";

export interface ScalingReport {
  runs: SimRunReport[];
  /** Time and events of each variant over the baseline. */
  ratios: { label: string; time: number; cpu: number; events: number; uniqueViewers: number }[];
}

export async function runSimScaling(replicates: number, timeMs: number): Promise<ScalingReport> {
  const base = resolveSimConfig({});
  const variants = [
    { label: "baseline", config: base },
    { label: "2x population, same arrivals", config: resolveSimConfig({ population: { poolSize: 2 * base.population.poolSize } }) },
    { label: "4x population, same arrivals", config: resolveSimConfig({ population: { poolSize: 4 * base.population.poolSize } }) },
    {
      label: "2x arrivals",
      config: resolveSimConfig({
        population: { poolSize: 2 * base.population.poolSize, initialFollowers: 2 * base.population.initialFollowers },
        discovery: { arrivalsPerHour: 2 * base.discovery.arrivalsPerHour },
      }),
    },
  ];
  const runs: SimRunReport[] = [];
  for (const variant of variants) runs.push(await timeReplicates(variant.label, variant.config, replicates, timeMs));
  const [first] = runs;
  return {
    runs,
    ratios: runs.map((r) => ({
      label: r.label,
      time: r.meanMsPerReplicate / first.meanMsPerReplicate,
      cpu: r.cpuMsPerReplicate / first.cpuMsPerReplicate,
      events: r.eventsPerReplicate / first.eventsPerReplicate,
      uniqueViewers: r.uniqueViewersPerReplicate / first.uniqueViewersPerReplicate,
    })),
  };
}
