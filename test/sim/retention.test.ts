import { describe, expect, it } from "vitest";
import { RETENTION_MINUTES } from "../../src/sim/index.js";
import { config, meanMetric, metric, replicates, streamColumn } from "./helpers.js";

const REPLICATES = 6;

describe("retention across and within streams", () => {
  it("followers return more to a creator who keeps a regular schedule than to one who misses slots", () => {
    const regular = replicates(config({ horizonWeeks: 4, creators: { schedule: { reliability: 1 } } }), REPLICATES);
    const erratic = replicates(config({ horizonWeeks: 4, creators: { schedule: { reliability: 0.5 } } }), REPLICATES);
    expect(meanMetric(regular, "nextStreamReturnRate")).toBeGreaterThan(meanMetric(erratic, "nextStreamReturnRate"));
    const followerShare = (outputs: typeof regular) =>
      outputs.reduce((sum, o) => sum + streamColumn(o, "followerViewers").reduce((a, b) => a + b, 0), 0) /
      outputs.reduce((sum, o) => sum + metric(o, "streams"), 0);
    expect(followerShare(regular)).toBeGreaterThan(followerShare(erratic));
  });

  it("followers return more when streams satisfy them (a stronger attendance response raises returns)", () => {
    const caring = replicates(config({ horizonWeeks: 3, attendance: { satisfaction: 4 } }), REPLICATES);
    const indifferent = replicates(config({ horizonWeeks: 3, attendance: { satisfaction: 0 } }), REPLICATES);
    expect(meanMetric(caring, "nextStreamReturnRate")).toBeGreaterThan(meanMetric(indifferent, "nextStreamReturnRate"));
  });

  it("first-gift shout-outs raise gifter 30-day retention", () => {
    const shoutOuts = replicates(config({ horizonWeeks: 4, creators: { tactics: { shoutOuts: { enabled: true, hazardBoost: 1 } } } }), REPLICATES);
    const none = replicates(config({ horizonWeeks: 4 }), REPLICATES);
    expect(meanMetric(shoutOuts, "gifter30dRetention")).toBeGreaterThan(meanMetric(none, "gifter30dRetention"));
  });

  it("the in-stream retention curve starts at 1 and never rises; newcomers become followers", () => {
    const [out] = replicates(config({ horizonWeeks: 2 }), 1);
    const curve = RETENTION_MINUTES.map((m) => metric(out, `retention${m}m`));
    expect(curve[0]).toBe(1);
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeLessThanOrEqual(curve[i - 1]);
    expect(metric(out, "newFollowers")).toBeGreaterThan(0);
    expect(metric(out, "newFollowers")).toBe(streamColumn(out, "newFollowers").reduce((a, b) => a + b, 0));
    const rates = streamColumn(out, "nextStreamReturnRate");
    expect(Number.isNaN(rates[rates.length - 1])).toBe(true);
    for (const rate of rates.slice(0, -1)) expect(rate).toBeGreaterThan(0);
  });
});
