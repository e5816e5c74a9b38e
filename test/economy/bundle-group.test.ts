import { describe, expect, it } from "vitest";
import { bundleGroup, bundleGroupCoins, compileEconomy, loadEconomy } from "../../src/economy/index.js";

describe("bundle groups of a compiled economy", () => {
  it("give each (region, channel) its own group and its bundles' coins, smallest first", () => {
    const economy = loadEconomy("tiktok");
    const compiled = compileEconomy(economy);
    const seen = new Set<number>();
    let tiers = 0;
    compiled.regionIds.forEach((region, r) =>
      compiled.channelIds.forEach((channel, c) => {
        seen.add(bundleGroup(compiled, r, c));
        const offered = economy.channels.some((ch) => ch.id === channel);
        const coins = economy.bundles.filter((b) => b.region === region && b.channel === channel).map((b) => b.coins);
        tiers += coins.length;
        expect(bundleGroupCoins(compiled, r, c)).toEqual(offered ? coins.sort((a, b) => a - b) : []);
      }),
    );
    expect(tiers).toBeGreaterThan(0);
    expect(seen.size).toBe(compiled.regionIds.length * compiled.channelIds.length);
  });
});
