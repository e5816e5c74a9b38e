/**
 * Runs the calibration plan (run/calibration-plan.ts): each study once with every mechanism on,
 * once more per behavioural fact with that fact's mechanism off, and the held-out facts on the
 * studies' mechanism-on replicates. A behavioural check passes when its band holds with the
 * mechanism on and the counterfactual leaves it decisively (leftBand, calibration-table.ts); an
 * accounting check when its band holds.
 */
import { mergeOverrides, resolveSimConfig } from "../scenario/index.js";
import { CALIBRATION_FACTS, insideBand, runReplicate, type CalibrationFact, type EventLogSink } from "../sim/index.js";
import { describe, hillTailExponent } from "../stats/index.js";
import { CALIBRATION_STUDIES, COUNTERFACTUALS, GAP_TAIL_SHARE, VALIDATION_FACTS, type CalibrationStudy, type ValidationFact } from "./calibration-plan.js";
import { calibrationRow, leftBand, metricValues, type CalibrationRow } from "./calibration-table.js";

/** How big a calibration run is. */
export interface CalibrationOptions {
  /** Replicates of a light study per arm (heavy ones run their CalibrationStudy.replicateShare of it, at least 3). */
  replicates: number;
  /** Shrink every study to its quick size (the test's). */
  quick?: boolean;
}

/** One fact with its mechanism on and, for a behavioural fact, off. */
export interface CalibrationCheck {
  fact: CalibrationFact;
  on: CalibrationRow;
  off: CalibrationRow | null;
  /** The counterfactual in words (null for an accounting check). */
  counterfactual: string | null;
  /** The companion reading (CalibrationFact.alsoMeasured) on the mechanism-on replicates. */
  alsoMeasured: number | null;
  /** For an accounting check: the range of its mean over every counterfactual run on its study (an identity barely moves). */
  acrossCounterfactuals: { min: number; max: number } | null;
  passes: boolean;
}

/** A held-out fact and the model's value. */
export interface ValidationRow {
  fact: ValidationFact;
  value: number;
  measuredReplicates: number;
  state: "inside" | "outside" | "not measured";
}

export interface CalibrationReport {
  checks: CalibrationCheck[];
  validation: ValidationRow[];
  /** Replicates per arm of each study. */
  replicates: Record<string, number>;
}

interface StudyRun {
  metrics: Float64Array[];
  /** Hill tail exponent of each replicate's gift gaps. */
  gapTails: number[];
}

/** Runs the whole plan. */
export function calibrate(options: CalibrationOptions): CalibrationReport {
  const studies = new Map(CALIBRATION_STUDIES.map((study) => [study.id, study]));
  const counts: Record<string, number> = {};
  const onRuns = new Map<string, StudyRun>();
  const studyOf = (id: string): CalibrationStudy => {
    const study = studies.get(id);
    if (study === undefined) throw new Error(`no calibration study ${id}`);
    counts[id] = Math.max(3, Math.ceil(options.replicates * study.replicateShare));
    return study;
  };
  const on = (id: string): StudyRun => {
    let run = onRuns.get(id);
    if (run === undefined) onRuns.set(id, (run = runStudy(studyOf(id), {}, "on", counts, options)));
    return run;
  };

  const offRuns = new Map<string, StudyRun[]>();
  const behavioural = (fact: CalibrationFact): CalibrationCheck => {
    const counterfactual = COUNTERFACTUALS[fact.id];
    if (counterfactual === undefined) throw new Error(`behavioural fact ${fact.id} has no counterfactual`);
    const onRow = calibrationRow(fact, on(fact.study).metrics);
    const off = runStudy(studyOf(fact.study), counterfactual.model, `off-${fact.id}`, counts, options);
    offRuns.set(fact.study, [...(offRuns.get(fact.study) ?? []), off]);
    const offRow = calibrationRow(fact, off.metrics);
    const alsoMeasured = fact.alsoMeasured === undefined ? null : describe(metricValues(on(fact.study).metrics, fact.alsoMeasured.metric)).mean;
    const passes = onRow.state === "inside" && leftBand(fact.band, metricValues(on(fact.study).metrics, fact.metric), metricValues(off.metrics, fact.metric));
    return { fact, on: onRow, off: offRow, counterfactual: counterfactual.description, alsoMeasured, acrossCounterfactuals: null, passes };
  };
  const accounting = (fact: CalibrationFact): CalibrationCheck => {
    const onRow = calibrationRow(fact, on(fact.study).metrics);
    const means = (offRuns.get(fact.study) ?? []).map((run) => calibrationRow(fact, run.metrics).value);
    const acrossCounterfactuals = means.length > 0 ? { min: Math.min(...means), max: Math.max(...means) } : null;
    return { fact, on: onRow, off: null, counterfactual: null, alsoMeasured: null, acrossCounterfactuals, passes: onRow.state === "inside" };
  };
  // Behavioural facts first, so that an accounting check can be read across their counterfactual runs.
  const checks = [...CALIBRATION_FACTS.filter((fact) => fact.kind === "behavioural").map(behavioural), ...CALIBRATION_FACTS.filter((fact) => fact.kind === "accounting").map(accounting)];

  const validation = VALIDATION_FACTS.map((fact): ValidationRow => {
    const run = on(fact.study);
    const measured = describe(fact.metric === "giftGapTailExponent" ? run.gapTails : metricValues(run.metrics, fact.metric));
    const value = measured.mean ?? Number.NaN;
    return { fact, value, measuredReplicates: measured.n, state: measured.mean === null ? "not measured" : insideBand(fact.band, value) ? "inside" : "outside" };
  });
  return { checks, validation, replicates: counts };
}

/** A study's replicates with `patch` laid on its model; seeds `calibration/<study>/<arm>/<r>`. */
function runStudy(study: CalibrationStudy, patch: Readonly<Record<string, unknown>>, arm: string, counts: Record<string, number>, options: CalibrationOptions): StudyRun {
  const sized = options.quick === true ? mergeOverrides(study.model, study.quick) : study.model;
  const config = resolveSimConfig(mergeOverrides(sized, patch));
  const run: StudyRun = { metrics: [], gapTails: [] };
  for (let r = 0; r < counts[study.id]; r++) {
    const gaps = giftGapCollector();
    run.metrics.push(runReplicate(config, `calibration/${study.id}/${arm}/${r}`, { eventLog: gaps.sink }).metrics);
    run.gapTails.push(hillTailExponent(gaps.values, Math.floor(GAP_TAIL_SHARE * gaps.values.length)));
  }
  return run;
}

/**
 * Collects the gaps between consecutive gifts of each stream from a replicate's gift log. The
 * last gift time is kept per stream: a day room's paired streams interleave their gifts in
 * the log, so consecutive rows need not be of one stream.
 */
function giftGapCollector(): { sink: EventLogSink; values: number[] } {
  const values: number[] = [];
  const lastGift = new Map<number, number>();
  const sink: EventLogSink = {
    gifts(chunk) {
      const { stream: streams, timeSecond } = chunk.columns;
      for (let row = 0; row < chunk.length; row++) {
        const previous = lastGift.get(streams[row]);
        if (previous !== undefined) values.push(timeSecond[row] - previous);
        lastGift.set(streams[row], timeSecond[row]);
      }
    },
  };
  return { sink, values };
}
