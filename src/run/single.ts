/**
 * Reruns one replicate index alone, in this thread, for every (arm, sweep point): the way to
 * reproduce a replicate a run reported as failed (with the stack of its exception), or to get
 * its raw event log. Nothing is written to a run folder; the numbers are the ones the full run
 * computes for that replicate.
 */
import { runReplicate, type ReplicateOutput } from "../sim/index.js";
import type { ScenarioPlan } from "../scenario/index.js";
import { errors } from "../errors.js";
import { cellEconomy, replicateInput } from "./chunk.js";
import { assembleEventLog, writeEventPart } from "./event-log.js";
import { workerContext } from "./run.js";

/** Replicate K of one cell, as it came out. */
export type SingleReplicate =
  | { state: "done"; cell: number; arm: string; pointIndex: number; seed: string; output: ReplicateOutput }
  | { state: "failed"; cell: number; arm: string; pointIndex: number; seed: string; kind: "threw" | "audit"; reason: string };

/** Runs replicate `replicate` of every cell; with `eventsOut`, writes their event log there. */
export async function runSingleReplicate(plan: ScenarioPlan, replicate: number, eventsOut?: string): Promise<SingleReplicate[]> {
  if (!Number.isInteger(replicate) || replicate < 0 || replicate >= plan.replicates) {
    throw errors.invalidInput("option", [{ path: "--replicate", value: replicate, expected: `a replicate index from 0 to ${plan.replicates - 1}` }]);
  }
  const context = workerContext(plan);
  const partsDir = `${eventsOut}.parts`;
  const results = plan.scenario.cells.map((cell): SingleReplicate => {
    const { config, seed } = replicateInput(context, cell.index, replicate);
    const where = { cell: cell.index, arm: cell.arm, pointIndex: cell.pointIndex, seed };
    try {
      const economy = cellEconomy(context, cell.index);
      const output =
        eventsOut === undefined
          ? runReplicate(config, seed, { economy })
          : writeEventPart(partsDir, cell.index, { arm: cell.arm, pointIndex: cell.pointIndex, replicate }, (eventLog) => runReplicate(config, seed, { eventLog, economy }));
      if (output.audit.state === "failed") return { state: "failed", ...where, kind: "audit", reason: output.audit.failures.join("; ") };
      return { state: "done", ...where, output };
    } catch (error) {
      // Rerunning alone is for debugging: keep where it threw, not just the message.
      return { state: "failed", ...where, kind: "threw", reason: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  });
  if (eventsOut !== undefined) {
    const done = results.filter((r) => r.state === "done").map((r) => ({ cell: r.cell, replicate }));
    assembleEventLog(eventsOut, partsDir, done, () => undefined);
  }
  return results;
}
