/**
 * The decision sentence: the side that did better leads whatever the labels, its median lift is
 * the leader's over the other (inverted, interval turned around, when the base leads), lower is
 * better where the metric says so, and the worlds and the hinge join only when known.
 */
import { describe, expect, it } from "vitest";
import { decisionSentence, type Comparison } from "../../src/report/index.js";
import type { WorldsComparison } from "../../src/report/index.js";

const effect = (estimate: number, low: number, high: number) => ({ lift: { estimate, low, high }, difference: { estimate: 0, low: 0, high: 0 } });

/** A comparison with only what the sentence reads: the cell came out above the base in `above` of 100 pairs. */
function comparison(baseName: string, cellName: string, above: number, medianLift: [number, number, number]): Comparison {
  return {
    metricLabel: "Gifted coins per live hour",
    baseName,
    cellName,
    context: "",
    cell: { horizonWeeks: 4 },
    paired: {
      win: { pairs: 100, above, ties: 0, probability: above / 100, ci95Low: above / 100 - 0.08, ci95High: above / 100 + 0.08 },
      bootstrap: { median: effect(...medianLift) },
    },
  } as unknown as Comparison;
}

const worlds = (baseLabel: string, cellLabel: string, share: number): WorldsComparison =>
  ({ baseLabel, cellLabel, worlds: 150, higherIsBetter: true, cellAhead: { pairs: 150, above: share * 150, ties: 0, probability: share, ci95Low: share - 0.07, ci95High: share + 0.07 } }) as unknown as WorldsComparison;

describe("the decision sentence", () => {
  it("names the base when it did better, with its median lift over the cell (the cell's inverted)", () => {
    const sentence = decisionSentence(comparison("Q&A nights", "Challenge nights", 19, [-0.2, -0.3, -0.1]), {
      worlds: worlds("Q&A nights", "Challenge nights", 0.33),
      hinge: "formats.challenge.sizeTilt",
      horizonWeeks: 4,
      higherIsBetter: true,
    });
    // 1 / 0.8 - 1 = +25%; the interval -30%..-10% becomes +11%..+43%.
    expect(sentence).toBe(
      "Q&A nights did better on gifted coins per live hour in 81% of paired 4-week runs, median +25% over Challenge nights (95% CI +11% to +43%); across plausible assumptions Q&A nights did better in 67% of 150 worlds; the answer hinges most on formats.challenge.sizeTilt.",
    );
  });

  it("reads right for a singular label, and leaves out what the folder does not have", () => {
    const sentence = decisionSentence(comparison("Twitch Bits", "YouTube Super Chat", 70, [0.12, 0.05, 0.2]), { horizonWeeks: null, higherIsBetter: true });
    expect(sentence).toBe("YouTube Super Chat did better on gifted coins per live hour in 70% of paired replicates, median +12% over Twitch Bits (95% CI +5.0% to +20%).");
  });

  it("where lower is better, the side below did better", () => {
    const sentence = decisionSentence(comparison("Arm A", "Arm B", 10, [-0.3, -0.4, -0.2]), { horizonWeeks: 4, higherIsBetter: false });
    expect(sentence).toMatch(/^Arm B did better on .* in 90% of paired 4-week runs, median −30% over Arm A \(95% CI −40% to −20%\)\.$/);
  });

  it("an even split names no winner", () => {
    expect(decisionSentence(comparison("Q&A nights", "Challenge nights", 50, [0.01, -0.2, 0.3]), { horizonWeeks: 1, higherIsBetter: true })).toBe(
      "Challenge nights and Q&A nights each did better on gifted coins per live hour in half of paired 1-week runs.",
    );
  });
});
