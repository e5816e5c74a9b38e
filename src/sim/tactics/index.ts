export { runningTactics } from "./running.js";
export type { RunningTactics } from "./running.js";
export type { StreamTactic, TacticContext } from "./tactic.js";
