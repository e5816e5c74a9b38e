/**
 * Calibration progress on stderr: a cli-progress bar over the generations (the running one's
 * proposals, the last tolerance and acceptance rate) on a terminal; without one a plain line
 * per finished generation; nothing with --quiet.
 */
import cliProgress from "cli-progress";
import type { FitProgress } from "../fit/calibrate.js";

/** Receives progress; `finish` ends the bar or line output. */
export interface FitProgressView {
  update(progress: FitProgress): void;
  finish(): void;
}

function figures(progress: FitProgress): { tolerance: string; acceptance: string } {
  return {
    tolerance: progress.tolerance === null ? "–" : progress.tolerance.toPrecision(3),
    acceptance: progress.acceptance === null ? "–" : `${(progress.acceptance * 100).toFixed(0)}%`,
  };
}

/** A view fitting the terminal: bar, plain lines, or silence. */
export function fitProgressView(mode: { quiet: boolean; label: string }): FitProgressView {
  if (mode.quiet) return { update: () => undefined, finish: () => undefined };
  return process.stderr.isTTY ? barView(mode.label) : lineView(mode.label);
}

function barView(label: string): FitProgressView {
  const bar = new cliProgress.SingleBar(
    { format: `${label} {bar} generation {value}/{total} | {phase} | tolerance {tolerance} | acceptance {acceptance} | {proposals} proposals`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const payload = { ...figures(progress), proposals: progress.proposals, phase: progress.phase === "fit" ? "fitting" : "predictive check" };
      if (!started) {
        bar.start(progress.generations, progress.generation, payload);
        started = true;
      } else bar.update(progress.generation, payload);
    },
    finish() {
      if (started) bar.stop();
    },
  };
}

function lineView(label: string): FitProgressView {
  let lastGeneration = -1;
  let lastPhase: FitProgress["phase"] = "fit";
  return {
    update(progress) {
      if (progress.phase === lastPhase && progress.generation === lastGeneration) return;
      const { tolerance, acceptance } = figures(progress);
      const what = progress.phase === "predictive" ? "predictive check" : `generation ${progress.generation}/${progress.generations}`;
      process.stderr.write(`${label}: ${what}, tolerance ${tolerance}, acceptance ${acceptance}, ${progress.simulations} simulations\n`);
      lastGeneration = progress.generation;
      lastPhase = progress.phase;
    },
    finish: () => undefined,
  };
}
