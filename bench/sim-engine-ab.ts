/**
 * `npm run bench:sim -- --only engine-ab --before DIR [--rounds N]`: the engine of this build
 * against the build in DIR (a checkout of the base commit with its dist/ built), interleaved in
 * one session so that both sides see the same machine load. Each round times every study on
 * both builds, each in a fresh process (sim-engine-probe.ts), alternating which build goes
 * first (A B, then B A), so a drift in the machine's load favours neither. Reported per round
 * and as the median ratio after / before: CPU ms per replicate (independent of how events are
 * counted; the fastest of a probe's passes), events per gift, ns per event and gift events per
 * CPU second.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import type { SimProbe } from "./sim-engine-probe.js";

/**
 * The studies compared, the replicates per cell and the cells (arms, in plan order) each probe
 * times: a pass takes about 1-4 s. platform-compare's replicate is a hundred creators, so one of its
 * first arm (TikTok) is a probe.
 */
export const ENGINE_AB_STUDIES: readonly { study: string; replicates: number; cells: number }[] = [
  { study: "qa-vs-challenge", replicates: 16, cells: 2 },
  { study: "battle-night", replicates: 8, cells: 3 },
  { study: "platform-compare", replicates: 1, cells: 1 },
];

/** One study in one round: both builds' probes. */
export interface EngineAbRound {
  round: number;
  study: string;
  before: SimProbe;
  after: SimProbe;
}

export interface EngineAbReport {
  before: string;
  after: string;
  rounds: EngineAbRound[];
  /** Per study, the median over rounds of after / before. */
  ratios: { study: string; cpuMsPerReplicate: number; nsPerEvent: number; eventsPerGift: number; giftsPerCpuSecond: number; sameEvents: boolean }[];
}

const PROBE = fileURLToPath(new URL("./sim-engine-probe.js", import.meta.url));
/** Timed passes per probe; the fastest counts (sim-engine-probe.ts). */
const PASSES = 3;
/** This build's checkout: dist/bench/ is two folders below it. */
const THIS_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

function runProbe(root: string, study: string, replicates: number, cells: number): SimProbe {
  const out = execFileSync(process.execPath, [PROBE, root, study, String(replicates), String(cells), String(PASSES)], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as SimProbe;
}

const nsPerEvent = (p: SimProbe) => (p.cpuMsPerReplicate * 1e6) / p.eventsPerReplicate;
const eventsPerGift = (p: SimProbe) => p.eventsPerReplicate / p.giftsPerReplicate;
const giftsPerCpuSecond = (p: SimProbe) => p.giftsPerReplicate / (p.cpuMsPerReplicate / 1000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `rounds` interleaved rounds of every study on the build in `beforeRoot` and this one. */
export function runEngineAb(beforeRoot: string, rounds: number, onRound?: (round: EngineAbRound) => void): EngineAbReport {
  const before = resolve(beforeRoot);
  const results: EngineAbRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const { study, replicates, cells } of ENGINE_AB_STUDIES) {
      const beforeFirst = round % 2 === 1;
      const first = runProbe(beforeFirst ? before : THIS_ROOT, study, replicates, cells);
      const second = runProbe(beforeFirst ? THIS_ROOT : before, study, replicates, cells);
      const result = { round, study, before: beforeFirst ? first : second, after: beforeFirst ? second : first };
      results.push(result);
      onRound?.(result);
    }
  }
  const ratios = ENGINE_AB_STUDIES.map(({ study }) => {
    const mine = results.filter((r) => r.study === study);
    const ratio = (f: (p: SimProbe) => number) => median(mine.map((r) => f(r.after) / f(r.before)));
    return {
      study,
      cpuMsPerReplicate: ratio((p) => p.cpuMsPerReplicate),
      nsPerEvent: ratio(nsPerEvent),
      eventsPerGift: ratio(eventsPerGift),
      giftsPerCpuSecond: ratio(giftsPerCpuSecond),
      sameEvents: mine.every((r) => r.after.checksum === r.before.checksum),
    };
  });
  return { before, after: THIS_ROOT, rounds: results, ratios };
}

/** A round's line: before -> after for each figure. */
export function formatEngineAbRound(r: EngineAbRound): string {
  const pair = (f: (p: SimProbe) => number, digits: number) => `${f(r.before).toFixed(digits)} -> ${f(r.after).toFixed(digits)}`;
  return `  round ${r.round}  ${r.study.padEnd(17)} cpu ms/rep ${pair((p) => p.cpuMsPerReplicate, 1).padEnd(16)} ns/event ${pair(nsPerEvent, 0).padEnd(12)} events/gift ${pair(eventsPerGift, 1).padEnd(14)} gift events/cpu s ${pair((p) => Math.round(giftsPerCpuSecond(p)), 0)}`;
}

/** The ratios, one line per study. */
export function formatEngineAbRatios(report: EngineAbReport): string {
  const lines = [`median after / before over ${report.rounds.length / ENGINE_AB_STUDIES.length} rounds`];
  for (const r of report.ratios) {
    lines.push(
      `  ${r.study.padEnd(17)} cpu ms/rep x${r.cpuMsPerReplicate.toFixed(3)}  ns/event x${r.nsPerEvent.toFixed(3)}  events/gift x${r.eventsPerGift.toFixed(3)}  gift events/cpu s x${r.giftsPerCpuSecond.toFixed(3)}  ${r.sameEvents ? "same event counts" : "event counts differ"}`,
    );
  }
  return lines.join("\n");
}
