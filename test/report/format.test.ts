import { describe, expect, it } from "vitest";
import { formatP, formatPercent, formatValue } from "../../src/report/format.js";

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
