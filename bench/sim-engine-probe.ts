/**
 * One timed pass of the engine A/B comparison (sim-engine-ab.ts), run in a process of its own:
 * `node dist/bench/sim-engine-probe.js ROOT STUDY REPLICATES CELLS` loads the built library
 * under ROOT (a checkout's dist/), runs one replicate to warm the JIT, then times the first
 * REPLICATES seeds of the study's first CELLS cells (arms) in PASSES passes, and prints one JSON
 * line (SimProbe). The fastest pass is reported: on a machine shared with other work, load only
 * ever adds time, so the least disturbed pass is the closest to the engine's own cost. Loading the
 * library from ROOT is what lets one runner time two builds: only the library's public face
 * (loadScenario, runReplicate) is used, which both sides of a comparison share.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** What one probe measured: per replicate, over the timed pass. */
export interface SimProbe {
  study: string;
  replicates: number;
  cpuMsPerReplicate: number;
  wallMsPerReplicate: number;
  eventsPerReplicate: number;
  giftsPerReplicate: number;
  /** Sum of every replicate's events: equal on both sides when the engines are exact. */
  checksum: number;
  /** CPU ms per replicate of every pass, the fastest of which is cpuMsPerReplicate. */
  passCpuMs: number[];
}

interface Library {
  loadScenario(file: string, options: { replicates: number }): { seed: string; scenario: { cells: readonly { config: unknown }[] } };
  builtinScenarioDir(): string;
  /** Without a compiled economy the world compiles (and caches) the config's platform. */
  runReplicate(config: unknown, seed: string): { simulatedEvents: number; metrics: ArrayLike<number> };
  METRIC_NAMES: readonly string[];
}

async function loadLibrary(root: string): Promise<Library> {
  const scenario = await import(pathToFileURL(join(root, "dist/src/scenario/index.js")).href);
  const sim = await import(pathToFileURL(join(root, "dist/src/sim/index.js")).href);
  return { ...scenario, ...sim } as Library;
}

/** Runs the probe for a study of the library under `root`. */
export async function probe(root: string, study: string, replicates: number, cellCount: number, passes: number): Promise<SimProbe> {
  const lib = await loadLibrary(root);
  const plan = lib.loadScenario(join(lib.builtinScenarioDir(), `${study}.yaml`), { replicates });
  const cells = plan.scenario.cells.slice(0, cellCount);
  const gifts = lib.METRIC_NAMES.indexOf("gifts");
  lib.runReplicate(cells[0].config, `${plan.seed}/engine-ab/warm-up`);
  const pass = () => {
    let events = 0;
    let gifted = 0;
    for (const cell of cells) {
      for (let r = 0; r < replicates; r++) {
        const out = lib.runReplicate(cell.config, `${plan.seed}/engine-ab/${r}`);
        events += out.simulatedEvents;
        gifted += out.metrics[gifts];
      }
    }
    return { events, gifted };
  };
  const runs = replicates * cells.length;
  const passCpuMs: number[] = [];
  let wallMs = Number.POSITIVE_INFINITY;
  let counts = { events: 0, gifted: 0 };
  for (let p = 0; p < passes; p++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    counts = pass();
    wallMs = Math.min(wallMs, performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    passCpuMs.push((cpu.user + cpu.system) / 1000 / runs);
  }
  return {
    study,
    replicates: runs,
    cpuMsPerReplicate: Math.min(...passCpuMs),
    wallMsPerReplicate: wallMs / runs,
    eventsPerReplicate: counts.events / runs,
    giftsPerReplicate: counts.gifted / runs,
    checksum: counts.events,
    passCpuMs,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, study, replicates, cells, passes] = process.argv.slice(2);
  console.log(JSON.stringify(await probe(root, study, Number(replicates), Number(cells), Number(passes ?? 1))));
}
