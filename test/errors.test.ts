import { describe, expect, it } from "vitest";
import { formatPath, pathSegments, valueAt } from "../src/errors.js";

describe("valueAt and pathSegments (the one walker of problem, override and sweep paths)", () => {
  const tree = { bundles: [{ region: "US" }, { region: "EU" }], policy: { creatorShareBps: 5000 } };

  it("walks objects by their own keys and arrays by index, as a problem path names them", () => {
    expect(valueAt(tree, pathSegments("bundles[1].region"))).toBe("EU");
    expect(valueAt(tree, "policy.creatorShareBps".split("."))).toBe(5000);
    expect(pathSegments(formatPath(["bundles", 1, "region"]))).toEqual(["bundles", 1, "region"]);
  });

  it("is undefined off the tree, for a prototype key, and for a named key into a list", () => {
    expect(valueAt(tree, ["policy", "missing", "deeper"])).toBeUndefined();
    expect(valueAt(tree, ["policy", "constructor"])).toBeUndefined();
    expect(valueAt(tree, ["bundles", "length"])).toBeUndefined();
  });
});
