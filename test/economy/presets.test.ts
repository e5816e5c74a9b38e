import { describe, expect, it } from "vitest";
import { GiftsimError } from "../../src/errors.js";
import { PRESET_IDS, checkEconomy, compileEconomy, loadEconomy, smallestCoveringTier } from "../../src/economy/index.js";

describe("platform presets", () => {
  it.each(PRESET_IDS)("%s validates and sources every figure", (id) => {
    const economy = loadEconomy(id);
    for (const figure of [...economy.regions, ...economy.channels, ...economy.bundles, ...economy.gifts]) {
      expect(figure.source.length).toBeGreaterThan(0);
    }
    for (const field of ["creatorShareBps", "coinNominalMicros", "diamondValueMicros", "payoutThresholdMicros", "dailyPayoutCapMicros", "payoutFeeBps"]) {
      expect(economy.policy.sources[field], field).toBeTruthy();
    }
  });

  it("tiktok carries the economics figures: Rose 1, Lion 29,999, Universe 34,999, $0.005 per coin to the creator", () => {
    const economy = loadEconomy("tiktok");
    const price = (name: string) => economy.gifts.find((g) => g.name === name)?.priceCoins;
    expect(price("Rose")).toBe(1);
    expect(price("Lion")).toBe(29_999);
    expect(price("Universe")).toBe(34_999);
    const compiled = compileEconomy(economy);
    expect((compiled.diamondsPerCoinNum / compiled.diamondsPerCoinDen) * compiled.diamondValueMicros).toBe(5_000);
    expect(economy.policy.payoutThresholdMicros).toBe(100_000_000);
    const ios = economy.bundles.find((b) => b.region === "US" && b.channel === "app-ios" && b.coins === 70);
    const web = economy.bundles.find((b) => b.region === "US" && b.channel === "web" && b.coins === 70);
    expect(ios?.priceMinor).toBe(99);
    expect(web?.priceMinor).toBeLessThan(ios?.priceMinor ?? 0);
  });

  it("youtube-superchat gives the creator 70% and twitch-bits $0.01 a bit", () => {
    const youtube = compileEconomy(loadEconomy("youtube-superchat"));
    expect(youtube.diamondsPerCoinNum / youtube.diamondsPerCoinDen).toBeCloseTo(0.7, 12);
    const twitch = compileEconomy(loadEconomy("twitch-bits"));
    expect(twitch.diamondsPerCoinNum).toBe(1);
    expect(twitch.diamondsPerCoinDen).toBe(1);
    expect(twitch.diamondValueMicros).toBe(10_000);
  });

  it("applies overrides on top of a preset and marks them as overrides", () => {
    const economy = loadEconomy("tiktok", { policy: { creatorShareBps: 6000 }, storeFeeBps: { "app-ios": 1500 } });
    expect(economy.policy.creatorShareBps).toBe(6000);
    expect(economy.policy.sources.creatorShareBps).toBe("scenario override");
    expect(economy.channels.find((c) => c.id === "app-ios")?.storeFeeBps).toBe(1500);
  });

  it("rejects a bad override naming the field, the value and what was expected", () => {
    const attempt = () => loadEconomy("tiktok", { policy: { creatorShareBps: 12_000 } });
    expect(attempt).toThrow(GiftsimError);
    expect(attempt).toThrow(/policy\.creatorShareBps: got 12000, expected at most 10000/);
  });

  it("refuses a daily cap below one diamond, which would make payouts impossible", () => {
    expect(() => loadEconomy("tiktok", { policy: { dailyPayoutCapMicros: 10 } })).toThrow(/policy\.dailyPayoutCapMicros: got 10, expected at least one diamond's value/);
  });

  it("returns problems instead of throwing them when asked to check, so a scenario places them at its own paths", () => {
    expect(checkEconomy("tiktok", { policy: { creatorShareBps: 12_000 } })).toEqual({
      kind: "invalid",
      problems: [expect.objectContaining({ path: "policy.creatorShareBps", value: 12_000 })],
    });
    expect(checkEconomy("myspace")).toEqual({ kind: "invalid", problems: [expect.objectContaining({ path: "preset", value: "myspace" })] });
    expect(checkEconomy("tiktok")).toEqual({ kind: "valid", economy: loadEconomy("tiktok") });
  });

  it("refuses an unknown preset and lists the known ones", () => {
    expect(() => loadEconomy("myspace")).toThrow(/preset: got "myspace", expected one of tiktok, youtube-superchat, twitch-bits, custom/);
  });

  it("finds the smallest bundle that covers a gift", () => {
    const compiled = compileEconomy(loadEconomy("tiktok"));
    const us = compiled.regionIds.indexOf("US");
    const ios = compiled.channelIds.indexOf("app-ios");
    const start = compiled.bundleGroupStart[us * compiled.channelIds.length + ios];
    expect(compiled.bundleCoins[start + smallestCoveringTier(compiled, us, ios, 71)]).toBe(350);
    expect(compiled.bundleCoins[start + smallestCoveringTier(compiled, us, ios, 70)]).toBe(70);
  });
});
