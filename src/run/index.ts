// The run layer's public face: run a plan, rerun one replicate, merge shards, and the types of
// what they write. The machinery under it (chunks, the pool, checkpoints, worker contexts) is
// imported by path by the workers, bench and CLI that drive it, so it can change freely.
export { runPlan } from "./run.js";
export type { RunOptions, RunOutcome, RunProgress } from "./run.js";
export { parseShard, shardReplicates } from "./shard.js";
export type { Shard } from "./shard.js";
export { replicateSeed } from "./seed.js";
export type { ReplicateIdentity } from "./seed.js";
export type { ReplicateFailure } from "./chunk.js";
export { resultsChecksum } from "./finalize.js";
export type { Manifest } from "./finalize.js";
export type { Summary, CellSummary, CalibrationEntry } from "./summary.js";
export type { ReplicateRecord } from "./record.js";
export { giftsimVersion } from "../install.js";
export { runSingleReplicate } from "./single.js";
export type { SingleReplicate } from "./single.js";
export { mergeRuns } from "./merge.js";
export { calibrationTable, judgeBand, leftBand } from "./calibration-table.js";
export type { CalibrationRow, CalibrationState } from "./calibration-table.js";
export { calibrate } from "./calibrate.js";
export type { CalibrationCheck, CalibrationOptions, CalibrationReport, ValidationRow } from "./calibrate.js";
export { CALIBRATION_STUDIES, COUNTERFACTUALS, VALIDATION_FACTS } from "./calibration-plan.js";
export type { CalibrationStudy, ValidationFact } from "./calibration-plan.js";
