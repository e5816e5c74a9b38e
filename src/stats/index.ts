export { describe } from "./describe.js";
export type { Description } from "./describe.js";
export { compareArms } from "./compare-arms.js";
export type { ArmComparison, Verdict } from "./compare-arms.js";
export { welchTest } from "./welch-test.js";
export type { WelchTest } from "./welch-test.js";
export { studentTCritical, studentTTwoSidedP } from "./student-t-cdf.js";
export { hillTailExponent } from "./hill-estimator.js";
