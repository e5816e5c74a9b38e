import { describe, expect, it } from "vitest";
import { countOf, formatP, formatPercent, formatPercentInterval, formatPointsInterval, formatValue } from "../../src/report/format.js";
import { formatParameterValue, parameterLabel } from "../../src/report/parameter-value.js";

describe("numbers in report text", () => {
  it("percentages: whole from 10%, one decimal below, true minus, optional plus", () => {
    expect(formatPercent(0.2312)).toBe("23%");
    expect(formatPercent(0.0804)).toBe("8.0%");
    expect(formatPercent(-0.0771)).toBe("−7.7%");
    expect(formatPercent(0.0712, true)).toBe("+7.1%");
    expect(formatPercent(0, true)).toBe("0%");
  });

  it("p-values", () => {
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatP(0.016589)).toBe("p = 0.017");
    expect(formatP(0.6036)).toBe("p = 0.60");
    expect(formatP(1)).toBe("p = 1.00");
  });

  it("values in their units", () => {
    expect(formatValue(1_234_560_000, "micro-USD")).toBe("$1,235");
    expect(formatValue(25_527_500, "micro-USD")).toBe("$25.53");
    expect(formatValue(-25_527_500, "micro-USD")).toBe("−$25.53");
    expect(formatValue(0.3149, "share")).toBe("31%");
    expect(formatValue(-2403.8, "coins/hour")).toBe("−2,404");
    expect(formatValue(12.345, "minutes")).toBe("12.3");
    expect(formatValue(null, "coins")).toBe("–");
  });
});

describe("intervals and swept values", () => {
  it("an interval gets the decimals that tell its ends apart (regression: \"95% CI -19% to -19%\")", () => {
    expect(formatPercentInterval(-0.192, -0.186, true)).toEqual(["−19.2%", "−18.6%"]);
    expect(formatPercentInterval(-0.1902, -0.1898)).toEqual(["−19.02%", "−18.98%"]);
    expect(formatPercentInterval(0.097, 0.9966, true)).toEqual(["+9.7%", "+100%"]);
    expect(formatPointsInterval(0.0312, 0.0349, true)).toEqual(["+3.1", "+3.5"]);
    expect(formatPointsInterval(0.0312, 0.0314)).toEqual(["3.12", "3.14"]);
  });

  it("swept parameters read in the user's units (regression: creatorShareBps = 5000, payoutThresholdMicros = 50000000)", () => {
    expect([parameterLabel("economy.policy.creatorShareBps"), formatParameterValue("economy.policy.creatorShareBps", 5000)]).toEqual(["creator share", "50%"]);
    expect(formatParameterValue("economy.policy.creatorShareBps", 1250)).toBe("12.5%");
    expect([parameterLabel("economy.policy.payoutThresholdMicros"), formatParameterValue("economy.policy.payoutThresholdMicros", 50_000_000)]).toEqual(["payout threshold", "$50"]);
    expect(formatParameterValue("economy.policy.coinNominalMicros", 10_600)).toBe("$0.01");
    expect([parameterLabel("model.discovery.arrivalsPerHour"), formatParameterValue("model.discovery.arrivalsPerHour", 15)]).toEqual(["arrivals per hour", "15"]);
    expect(formatParameterValue("model.creators.formats", ["qa"])).toBe('["qa"]');
  });
});

describe("counts", () => {
  it("a count of one takes the singular (regression: \"1 creators\")", () => {
    expect(countOf(1, "creator")).toBe("1 creator");
    expect(countOf(2, "creator")).toBe("2 creators");
    expect(countOf(1500, "replicate")).toBe("1,500 replicates");
  });
});
