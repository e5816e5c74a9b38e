import type { LatencySummary } from "../../../load/latency-histogram.js";
import type { SyntheticLoadReport } from "../../../load/synthetic/synthetic-load.js";
import { formatBytes, formatCount } from "../../output.js";

/** The batch latency line of an in-process report. */
export function batchLatencyLine(latency: LatencySummary, batches: string): string {
  return `  batch latency    p50 ${latency.p50} us  p90 ${latency.p90} us  p99 ${latency.p99} us  p99.9 ${latency.p999} us  max ${latency.max} us  (${batches})`;
}

/** Memory, rejections and audit: the lines both in-process reports share. */
export function ledgerLines(report: Pick<SyntheticLoadReport, "peakRssBytes" | "rejected" | "audit">): string[] {
  const rejected = Object.entries(report.rejected).filter(([, n]) => n > 0);
  return [
    `  peak memory      ${formatBytes(report.peakRssBytes)}`,
    `  rejected         ${rejected.length === 0 ? "none" : rejected.map(([reason, n]) => `${reason} ${formatCount(n)}`).join(", ")}`,
    `  audit            ${report.audit.state}${report.audit.failures.length ? `: ${report.audit.failures.join("; ")}` : ""}`,
  ];
}

/** A progress line on stderr, `done / total events`, or nothing when `show` is false. */
export function eventProgress(show: boolean): { update(done: number, total: number): void; end(): void } | undefined {
  if (!show) return undefined;
  return {
    update: (done, total) => process.stderr.write(`\r  ${formatCount(done)} / ${formatCount(total)} events`),
    end: () => process.stderr.write("\n"),
  };
}
