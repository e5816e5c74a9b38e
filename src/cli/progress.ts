/**
 * Run progress on stderr: a cli-progress bar (replicates, ETA, simulated events/s) on a
 * terminal; without one (CI, pipes) a handful of plain lines, about every 25% or 30 s, so
 * logs stay short; nothing with --quiet or --json.
 */
import cliProgress from "cli-progress";
import type { RunProgress } from "../run/index.js";
import { formatCount, formatRate } from "./output.js";

/** Receives progress; `finish` ends the bar or line output. */
export interface ProgressView {
  update(progress: RunProgress): void;
  finish(): void;
}

/** A view fitting the terminal: bar, plain lines, or silence; progress counts `unit` (default replicates). */
export function progressView(mode: { quiet: boolean; label: string; unit?: string }): ProgressView {
  if (mode.quiet) return { update: () => undefined, finish: () => undefined };
  const unit = mode.unit ?? "replicates";
  return process.stderr.isTTY ? barView(mode.label, unit) : lineView(mode.label, unit);
}

function eventRate(progress: RunProgress): number {
  return progress.elapsedMs > 0 ? (progress.simulatedEvents * 1000) / progress.elapsedMs : 0;
}

function barView(label: string, unit: string): ProgressView {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {bar} {value}/{total} ${unit} | ETA {eta_formatted} | {rate} events`,
      hideCursor: true,
      etaBuffer: 20,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      if (!started) {
        bar.start(progress.total, progress.done, { rate: formatRate(0) });
        started = true;
      } else bar.update(progress.done, { rate: formatRate(eventRate(progress)) });
    },
    finish() {
      if (started) bar.stop();
    },
  };
}

function lineView(label: string, unit: string): ProgressView {
  let lastDone = -1;
  let lastLineMs = 0;
  return {
    update(progress) {
      const step = Math.max(1, Math.ceil(progress.total / 4));
      const due = progress.done === progress.total || progress.done - lastDone >= step || progress.elapsedMs - lastLineMs >= 30_000;
      // A line every 30 s even while the count stands still (one big replicate's communities), else only when it moved.
      if (!due || (progress.done === lastDone && progress.elapsedMs - lastLineMs < 30_000)) return;
      const resumed = progress.resumed > 0 && lastDone < 0 ? ` (${formatCount(progress.resumed)} from the checkpoint)` : "";
      process.stderr.write(
        `${label}: ${formatCount(progress.done)}/${formatCount(progress.total)} ${unit}${resumed}, ${(progress.elapsedMs / 1000).toFixed(1)} s, ${formatRate(eventRate(progress))} events\n`,
      );
      lastDone = progress.done;
      lastLineMs = progress.elapsedMs;
    },
    finish: () => undefined,
  };
}
