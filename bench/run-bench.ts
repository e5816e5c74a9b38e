/**
 * `npm run bench:run`: the run layer's scaling and overhead on the default study, measured in
 * one process so the figures compare like with like:
 *   direct  runReplicate called in a loop on the main thread of a fresh process (no pool, no files)
 *   pool 1  the same replicates through a 1-thread piscina pool, scheduled as runPlan schedules
 *   pool W  the same through W threads (default 2)
 *   run W   runPlan end to end with W threads (pool + fsync'd checkpoint + output files)
 *   raw W   W plain worker threads, each calling runReplicate on an even share of the replicates:
 *           no pool, no scheduling
 *   proc W  W separate processes, each running an even share directly (wall time from spawn to
 *           the last exit), against one process running all of it: nothing shared, not even a
 *           heap or a JIT - the scaling this machine allows the simulation at all, which no
 *           pool can beat
 * Targets on a 2-core machine: pool 2 >= 1.8x pool 1 (wall time); pool 1 within 5% of direct.
 * Thread start (loading the simulation's modules in a worker) is a fixed cost per run, shown
 * apart. Overheads are given in wall time and in CPU time (process.cpuUsage over all threads):
 * on a shared machine CPU time is the figure other load does not disturb. Each variant runs
 * `--rounds` times, interleaved, and the fastest is kept. Every variant must produce the same
 * results checksum, so none can win by skipping work.
 * Options: --scenario FILE (default scenarios/qa-vs-challenge.yaml), --replicates N, --workers W, --rounds R, --json.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { builtinScenarioDir, loadScenario } from "../src/scenario/index.js";
import { runReplicate } from "../src/sim/index.js";
import { resultsChecksum, runPlan, type ReplicateRecord } from "../src/run/index.js";
import { seedOf, unpackChunk } from "../src/run/chunk.js";
import { inPlanOrder } from "../src/run/finalize.js";
import { createReplicatePool } from "../src/run/pool.js";
import { chunker, workerContext } from "../src/run/run.js";

const { values } = parseArgs({
  options: {
    scenario: { type: "string" },
    replicates: { type: "string", default: "60" },
    workers: { type: "string", default: "2" },
    rounds: { type: "string", default: "2" },
    json: { type: "boolean", default: false },
    direct: { type: "boolean", default: false },
    slice: { type: "string", default: "0/1" },
  },
});
const file = values.scenario ?? join(builtinScenarioDir(), "qa-vs-challenge.yaml");
if (!existsSync(file)) throw new Error(`no scenario at ${file}; pass --scenario FILE`);
const plan = loadScenario(file, { replicates: Number(values.replicates) });
const threads = Number(values.workers);
const context = workerContext(plan);
const items: number[] = [];
plan.scenario.cells.forEach((_, cell) => {
  for (let r = 0; r < plan.replicates; r++) items.push(cell, r);
});
const replicates = items.length / 2;

/** One timed variant; startup (thread start) is included in the totals and also given apart. */
interface Measure {
  seconds: number;
  cpuSeconds: number;
  startupSeconds: number;
  startupCpuSeconds: number;
  checksum: string;
  events: number;
}

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const events = (records: readonly ReplicateRecord[]) => records.reduce((sum, r) => sum + r.simulatedEvents, 0);

function direct(from = 0, to = items.length): Measure {
  const [wall, cpu] = [performance.now(), cpuSeconds()];
  const records: ReplicateRecord[] = [];
  for (let i = from; i < to; i += 2) {
    const [cell, replicate] = [items[i], items[i + 1]];
    const output = runReplicate(context.configs[cell], seedOf(context, replicate));
    records.push({ cell, replicate, simulatedEvents: output.simulatedEvents, metrics: output.metrics, streams: output.streams, timeseries: output.timeseries });
  }
  const seconds = (performance.now() - wall) / 1000;
  return { seconds, cpuSeconds: cpuSeconds() - cpu, startupSeconds: 0, startupCpuSeconds: 0, checksum: resultsChecksum(records), events: events(records) };
}

/**
 * The direct loop in a fresh process, timed inside it: a new process starts with a cold JIT, as
 * every pool thread does, so neither side gains from code warmed by an earlier round.
 */
function directCold(): Measure {
  const args = [fileURLToPath(import.meta.url), "--direct", "--scenario", file, "--replicates", String(plan.replicates)];
  const child = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`direct run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Measure;
}

async function pooled(workers: number): Promise<Measure> {
  const [wall, cpu] = [performance.now(), cpuSeconds()];
  const pool = createReplicatePool(workers, context);
  await Promise.all(Array.from({ length: workers }, () => pool.run({ items: new Int32Array(0) })));
  const [startupSeconds, startupCpuSeconds] = [(performance.now() - wall) / 1000, cpuSeconds() - cpu];
  const tasks = chunker(items, workers);
  const records: ReplicateRecord[] = [];
  const lane = async () => {
    for (let task = tasks.next(); task !== undefined; task = tasks.next()) {
      const result = await pool.run({ items: task });
      tasks.finished(task.length / 2);
      records.push(...unpackChunk(context, result).records);
    }
  };
  await Promise.all(Array.from({ length: workers * 2 }, lane));
  await pool.close();
  const seconds = (performance.now() - wall) / 1000;
  return { seconds, cpuSeconds: cpuSeconds() - cpu, startupSeconds, startupCpuSeconds, checksum: resultsChecksum(inPlanOrder(records)), events: events(records) };
}

async function endToEnd(workers: number): Promise<Measure> {
  const out = mkdtempSync(join(tmpdir(), "giftsim-bench-"));
  try {
    const [wall, cpu] = [performance.now(), cpuSeconds()];
    const outcome = await runPlan(plan, { out: join(out, "run"), workers });
    if (outcome.state !== "finished") throw new Error(`bench run ${outcome.state}: ${JSON.stringify(outcome).slice(0, 600)}`);
    const seconds = (performance.now() - wall) / 1000;
    return { seconds, cpuSeconds: cpuSeconds() - cpu, startupSeconds: 0, startupCpuSeconds: 0, checksum: outcome.manifest.checksums.results, events: outcome.simulatedEvents };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (values.direct) {
  const [index, of] = values.slice.split("/").map(Number);
  const share = Math.ceil(replicates / of) * 2;
  console.log(JSON.stringify(direct(index * share, Math.min(items.length, (index + 1) * share))));
  process.exit(0);
}
if (!isMainThread) {
  const { from, to } = workerData as { from: number; to: number };
  parentPort?.postMessage(direct(from, to));
}

/** `workers` plain threads (this script again), each running an even share of the replicates directly. */
async function rawThreads(workers: number): Promise<Measure> {
  const [wall, cpu] = [performance.now(), cpuSeconds()];
  const share = Math.ceil(replicates / workers) * 2;
  const argv = ["--scenario", file, "--replicates", String(plan.replicates)];
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      new Promise<Measure>((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { argv, workerData: { from: w * share, to: Math.min(items.length, (w + 1) * share) } });
        worker.once("message", resolve);
        worker.once("error", reject);
      }),
    ),
  );
  return { seconds: (performance.now() - wall) / 1000, cpuSeconds: cpuSeconds() - cpu, startupSeconds: 0, startupCpuSeconds: 0, checksum: parts.map((p) => p.checksum).join("+"), events: parts.reduce((sum, p) => sum + p.events, 0) };
}

/** `count` fresh processes (this script with --direct), each running an even share of the replicates. */
async function rawProcesses(count: number): Promise<Measure> {
  const wall = performance.now();
  const parts = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      new Promise<Measure>((resolve, reject) => {
        const args = [fileURLToPath(import.meta.url), "--direct", "--slice", `${index}/${count}`, "--scenario", file, "--replicates", String(plan.replicates)];
        const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.once("error", reject);
        child.once("close", (code) => (code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`direct process exited ${code}`))));
      }),
    ),
  );
  const seconds = (performance.now() - wall) / 1000;
  return { seconds, cpuSeconds: parts.reduce((sum, p) => sum + p.cpuSeconds, 0), startupSeconds: 0, startupCpuSeconds: 0, checksum: parts.map((p) => p.checksum).join("+"), events: parts.reduce((sum, p) => sum + p.events, 0) };
}

/** Runs every variant, interleaved, and prints the report. */
async function main(): Promise<void> {
  const variants = {
    direct: directCold,
    pool1: () => pooled(1),
    poolN: () => pooled(threads),
    run1: () => endToEnd(1),
    runN: () => endToEnd(threads),
    rawN: () => rawThreads(threads),
    proc1: () => rawProcesses(1),
    procN: () => rawProcesses(threads),
  };
  type Variant = keyof typeof variants;
  const runs = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as Measure[]])) as Record<Variant, Measure[]>;
  const loadBefore = loadavg()[0];
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const name of Object.keys(variants) as Variant[]) runs[name].push(await variants[name]());
  }
  const best = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [name, list.reduce((a, b) => (b.seconds < a.seconds ? b : a))]),
  ) as Record<Variant, Measure>;
  const steadyCpu = (m: Measure) => m.cpuSeconds - m.startupCpuSeconds;
  const minCpu = (name: Variant) => Math.min(...runs[name].map(steadyCpu));
  const report = {
    scenario: plan.scenario.name,
    replicates,
    threads,
    rounds: Number(values.rounds),
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    simulatedEvents: best.direct.events,
    best,
    speedupPool: best.pool1.seconds / best.poolN.seconds,
    speedupRun: best.run1.seconds / best.runN.seconds,
    poolOverheadWall: best.pool1.seconds / best.direct.seconds - 1,
    poolOverheadWallAfterStartup: (best.pool1.seconds - best.pool1.startupSeconds) / best.direct.seconds - 1,
    poolOverheadCpu: minCpu("pool1") / minCpu("direct") - 1,
    runOverheadCpu: minCpu("run1") / minCpu("direct") - 1,
    rawSpeedup: best.direct.seconds / best.rawN.seconds,
    processSpeedup: best.proc1.seconds / best.procN.seconds,
    checksumsAgree: new Set(Object.entries(runs).flatMap(([name, list]) => (name === "rawN" || name === "procN" ? [] : list.map((m) => m.checksum)))).size === 1,
  };
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
    const line = (label: string, m: Measure) => `  ${label.padEnd(32)} ${m.seconds.toFixed(2).padStart(6)} s wall  ${m.cpuSeconds.toFixed(2).padStart(6)} s CPU`;
    console.log(
      [
        `run bench: ${report.scenario}, ${replicates} replicates (${plan.scenario.cells.length} cells x ${plan.replicates}), ${report.simulatedEvents.toLocaleString("en-US")} simulated events; best of ${report.rounds} rounds; load average ${loadBefore.toFixed(1)} -> ${report.loadAverage.after.toFixed(1)}`,
        `${line("direct (fresh process, no pool)", best.direct)}   ${(report.simulatedEvents / best.direct.seconds / 1e6).toFixed(2)} M events/s`,
        `${line("pool, 1 thread", best.pool1)}   thread start ${best.pool1.startupSeconds.toFixed(2)} s`,
        `${line(`pool, ${threads} threads`, best.poolN)}`,
        `${line("runPlan, 1 thread", best.run1)}`,
        `${line(`runPlan, ${threads} threads`, best.runN)}`,
        `${line(`raw threads, ${threads} (no pool)`, best.rawN)}`,
        `${line("1 process (spawn to exit)", best.proc1)}`,
        `${line(`${threads} processes, a share each`, best.procN)}`,
        `  speedup, ${threads} threads vs 1 (wall): pool ${report.speedupPool.toFixed(2)}x, runPlan ${report.speedupRun.toFixed(2)}x (target >= 1.8x); plain threads without a pool ${report.rawSpeedup.toFixed(2)}x`,
        `  the machine's ceiling: ${threads} separate processes vs 1, ${report.processSpeedup.toFixed(2)}x`,
        `  pool overhead vs direct: CPU ${pct(report.poolOverheadCpu)} without thread start (target < 5%); wall ${pct(report.poolOverheadWall)}, ${pct(report.poolOverheadWallAfterStartup)} without thread start`,
        `  runPlan overhead vs direct (CPU, pool + checkpoint + outputs): ${pct(report.runOverheadCpu)}`,
        `  results checksums agree: ${report.checksumsAgree ? "yes" : "NO"}`,
      ].join("\n"),
    );
  }
  if (!report.checksumsAgree) process.exitCode = 1;
}

if (isMainThread) await main();
