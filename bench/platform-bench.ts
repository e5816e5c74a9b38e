/**
 * `npm run bench:platform`: the platform-scale study's cost, each figure measured in a fresh
 * child process (wall time, CPU time over all threads, peak RSS from process.resourceUsage):
 *   study    one replicate of scenarios/platform-scale.yaml, every sweep point, end to end
 *            (runPlan, every core); the study must fit in 10 minutes and 8 GB on 2 cores
 *   scaling  one replicate of its first sweep point at 1k, 5k and 10k creators (communities of
 *            100, --weeks weeks, default 1), as nested worlds (the first 10, 50 and 100
 *            communities of one replicate, one thread) and as worlds of their own (runPlan, 2
 *            threads): the cost should grow linearly in creators, at a constant cost per event
 *   threads  one replicate of 2,000 creators on 1 and on 2 threads (runPlan), and in the same
 *            rounds the machine's ceiling: two independent processes, each running half the
 *            communities in its main thread, against one running all of them. The two-thread
 *            speed-up should reach 90% of that ceiling. The variants run interleaved
 *            (1, 2, pair, whole, 1, 2, ...) `--rounds` times and the fastest of each is kept;
 *            `uptime` is printed before and after, since other load moves the ratios
 * Options: --only study|scaling|threads, --weeks N, --rounds R, --json. The child mode
 * (--probe) is the bench's own.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { builtinScenarioDir, loadScenario } from "../src/scenario/index.js";
import { runPlan } from "../src/run/index.js";
import { replicateInput } from "../src/run/chunk.js";
import { workerContext } from "../src/run/run.js";
import { communityCount, runCommunity } from "../src/sim/index.js";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    weeks: { type: "string", default: "1" },
    rounds: { type: "string", default: "2" },
    json: { type: "boolean", default: false },
    probe: { type: "string" },
    scenario: { type: "string" },
    workers: { type: "string", default: "1" },
    from: { type: "string", default: "0" },
    to: { type: "string", default: "0" },
  },
});

/** What one child process measured. */
interface Probe {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  events: number;
}

/** Child mode: "plan" runs the scenario's plan (one replicate) on --workers threads; "communities" runs [--from, --to) of its first cell's replicate 0 in the main thread. */
async function probe(mode: string, file: string): Promise<Probe> {
  const plan = loadScenario(file, { replicates: 1 });
  const started = performance.now();
  const cpu = process.cpuUsage();
  let events = 0;
  if (mode === "plan") {
    const out = mkdtempSync(join(tmpdir(), "giftsim-platform-bench-"));
    try {
      const outcome = await runPlan(plan, { out, workers: Number(values.workers) });
      if (outcome.state !== "finished") throw new Error(`run ended ${outcome.state}`);
      events = outcome.simulatedEvents;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } else {
    const { config, seed } = replicateInput(workerContext(plan), 0, 0);
    for (let k = Number(values.from); k < Number(values.to); k++) events += runCommunity(config, seed, k).sums.events;
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, events };
}

/** The platform-scale study with its model changed, as a scenario file of its own (without the sweep when `oneCell`). */
function variant(dir: string, name: string, change: { creators?: number; weeks?: number; oneCell?: boolean }): string {
  const raw = parse(readFileSync(join(builtinScenarioDir(), "platform-scale.yaml"), "utf8")) as { model: { horizonWeeks: number; creators: { count: number } }; sweep?: unknown; base?: unknown };
  if (change.creators !== undefined) raw.model.creators.count = change.creators;
  if (change.weeks !== undefined) raw.model.horizonWeeks = change.weeks;
  if (change.oneCell) {
    delete raw.sweep;
    delete raw.base;
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stringify(raw));
  return file;
}

function child(mode: string, file: string, extra: string[] = []): Promise<Probe> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, "--probe", mode, "--scenario", file, ...extra], { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    proc.stdout.on("data", (chunk) => (text += chunk));
    proc.on("error", reject);
    proc.on("exit", (code) => (code === 0 ? resolve(JSON.parse(text) as Probe) : reject(new Error(`probe ${mode} exited ${code}`))));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (label: string, p: Probe) => `  ${label.padEnd(34)} ${seconds(p.wallMs).padStart(9)} wall  ${seconds(p.cpuMs).padStart(9)} cpu  ${p.maxRssMb.toFixed(0).padStart(6)} MB peak RSS  ${(p.events / 1e6).toFixed(1).padStart(7)} M events`;
const perEvent = (p: Probe) => `${((p.cpuMs * 1e6) / p.events).toFixed(0)} ns cpu/event`;
const uptime = () => `load average ${loadavg().map((l) => l.toFixed(2)).join(", ")}`;
const fastest = (runs: Probe[]) => runs.reduce((best, run) => (run.wallMs < best.wallMs ? run : best));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "giftsim-platform-scenarios-"));
  const want = (part: string) => values.only === undefined || values.only === part;
  const report: Record<string, unknown> = { loadBefore: loadavg() };
  if (!values.json) console.log(`platform-scale bench (${uptime()})`);
  try {
    if (want("study")) {
      const study = await child("plan", join(builtinScenarioDir(), "platform-scale.yaml"), ["--workers", "2"]);
      report.study = study;
      if (!values.json) console.log(`${line("study, 1 replicate, 2 threads", study)}  (limits: 600 s, 8,192 MB)`);
    }
    if (want("scaling")) {
      // Communities' costs are heavy-tailed (a community's best creator draws most of its events),
      // so worlds drawn apart differ by luck; nested worlds (the first 10, 50 and 100 communities
      // of one 10,000-creator replicate, in one thread) show how cost grows with creators alone.
      const weeks = Number(values.weeks);
      const file = variant(dir, "scaling", { weeks, oneCell: true });
      const runs: Array<{ creators: number; nested: Probe; pool: Probe }> = [];
      for (const creators of [1_000, 5_000, 10_000]) {
        const nested = await child("communities", file, ["--from", "0", "--to", String(creators / 100)]);
        const pool = await child("plan", variant(dir, `scaling-${creators}`, { creators, weeks, oneCell: true }), ["--workers", "2"]);
        runs.push({ creators, nested, pool });
        if (!values.json) {
          console.log(line(`${creators} creators, ${weeks} wk, nested, 1 thread`, nested) + `  ${perEvent(nested)}`);
          console.log(line(`${creators} creators, ${weeks} wk, own draw, 2 thr`, pool) + `  ${perEvent(pool)}`);
        }
      }
      report.scaling = runs;
      if (!values.json) {
        const [first] = runs;
        for (const { creators, nested } of runs.slice(1)) {
          console.log(`    nested x${creators / first.creators} creators: cpu x${(nested.cpuMs / first.nested.cpuMs).toFixed(2)}, events x${(nested.events / first.nested.events).toFixed(2)}, peak RSS x${(nested.maxRssMb / first.nested.maxRssMb).toFixed(2)}`);
        }
      }
    }
    if (want("threads")) {
      const file = variant(dir, "threads", { creators: 2_000, weeks: Number(values.weeks), oneCell: true });
      const communities = communityCount(loadScenario(file, { replicates: 1 }).scenario.cells[0].config);
      const half = String(Math.floor(communities / 2));
      const one: Probe[] = [];
      const two: Probe[] = [];
      const pair: Probe[] = [];
      const whole: Probe[] = [];
      for (let round = 0; round < Number(values.rounds); round++) {
        one.push(await child("plan", file, ["--workers", "1"]));
        two.push(await child("plan", file, ["--workers", "2"]));
        const started = performance.now();
        const halves = await Promise.all([child("communities", file, ["--from", "0", "--to", half]), child("communities", file, ["--from", half, "--to", String(communities)])]);
        pair.push({ wallMs: performance.now() - started, cpuMs: halves[0].cpuMs + halves[1].cpuMs, maxRssMb: Math.max(halves[0].maxRssMb, halves[1].maxRssMb), events: halves[0].events + halves[1].events });
        whole.push(await child("communities", file, ["--from", "0", "--to", String(communities)]));
      }
      const [t1, t2, tp, tw] = [one, two, pair, whole].map(fastest);
      const speedup = t1.wallMs / t2.wallMs;
      const ceiling = tw.wallMs / tp.wallMs;
      report.threads = { one: t1, two: t2, pair: tp, whole: tw, speedup, ceiling, ofCeiling: speedup / ceiling, loadAfter: loadavg() };
      if (!values.json) {
        console.log(line("2,000 creators, 1 thread", t1));
        console.log(line("2,000 creators, 2 threads", t2));
        console.log(line("two processes, half each", tp));
        console.log(line("one process, all communities", tw));
        console.log(`    2 threads x${speedup.toFixed(2)} vs ceiling x${ceiling.toFixed(2)}: ${((speedup / ceiling) * 100).toFixed(0)}% of the ceiling (target >= 90%); ${uptime()}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
}

if (values.probe !== undefined) {
  console.log(JSON.stringify(await probe(values.probe, values.scenario as string)));
} else {
  await main();
}
