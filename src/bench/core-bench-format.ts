import type { CoreBenchReport } from "./core-bench.js";

const millions = (perSecond: number) => `${(perSecond / 1e6).toFixed(2)} M events/s`;

/** The bench report as a short table for a terminal. */
export function formatCoreBench(report: CoreBenchReport): string {
  const { options } = report;
  const lines = [
    `core bench: ${options.events.toLocaleString("en-US")} events, ${options.viewers.toLocaleString("en-US")} viewers, ${options.creators.toLocaleString("en-US")} creators, ${options.gifts} gifts, ${options.batchSize.toLocaleString("en-US")} events per call`,
    ...report.tasks.map(
      (task) => `  ${task.name.padEnd(54)} ${millions(task.eventsPerSecond).padStart(18)}   mean ${task.meanMs.toFixed(1)} ms  p99 ${task.p99Ms.toFixed(1)} ms  (${task.calls} calls)`,
    ),
    `  speedup of the core over the baseline (same run): ${report.speedup.toFixed(1)}x`,
  ];
  return lines.join("\n");
}
