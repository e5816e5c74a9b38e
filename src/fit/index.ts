// Calibration's public face: fit the model to a creator's history (ABC-SMC on the worker pool),
// read a finished fit back, and the parameter-recovery check of the method.
export { ACCEPTANCE_FLOOR, calibrate, checkSimulationBound, DEFAULT_GENERATIONS, DEFAULT_PARTICLES, MAX_FIT_SIMULATIONS, PREDICTIVE_SIMULATIONS, simulationBound } from "./calibrate.js";
export { writeFitData, writeFitManifest } from "./fit-outputs.js";
export { AUDIENCE_PARAMETERS, DEFAULT_FIT_PARAMETERS, fitParameters, fittableParameters } from "./parameters.js";
export { summarisePosterior } from "./posterior.js";
export { REPRODUCE_SHARE } from "./predictive.js";
export { atPosteriorMedians, posteriorPlan, readPosterior } from "./read-posterior.js";
export { coverageTable, recoveryRun } from "./recovery.js";
export type { CalibrateOutcome, CalibrateRequest, FinishedCalibration, FitProgress } from "./calibrate.js";
export type { FitManifest, PosteriorFile } from "./fit-outputs.js";
export type { FitParameter } from "./parameters.js";
export type { ParameterSummary } from "./posterior.js";
export type { PredictiveCheck } from "./predictive.js";
export type { Posterior } from "./read-posterior.js";
export type { RecoveryOptions, RecoveryRun } from "./recovery.js";
