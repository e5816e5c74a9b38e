import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { METRIC_NAMES, STREAM_COLUMNS, TIMESERIES_COLUMNS } from "../../src/sim/index.js";
import { EVENT_LOG_COLUMNS } from "../../src/run/event-log.js";

const doc = readFileSync(new URL("../../docs/outputs.md", import.meta.url), "utf8");

describe("docs/outputs.md", () => {
  it.each([
    ["metric", METRIC_NAMES],
    ["streams.csv", STREAM_COLUMNS],
    ["timeseries.csv", TIMESERIES_COLUMNS],
    ["event log", EVENT_LOG_COLUMNS],
  ])("documents every %s column", (_, columns) => {
    const missing = columns.filter((column) => !doc.includes(`\`${column}\``));
    expect(missing).toEqual([]);
  });
});
