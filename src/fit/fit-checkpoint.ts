/**
 * A calibration's checkpoint: checkpoint.json in the output folder, written atomically after
 * every generation, holding what the calibration is of (its identity) and the sampler's whole
 * state. A crash or Ctrl-C at any moment leaves the last finished generation on disk; --resume
 * continues from it, and since every proposal depends only on (seed, generation, index) the
 * outputs are byte-identical to an uninterrupted calibration's.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { errors } from "../errors.js";
import { writeFileAtomic } from "../run/atomic-file.js";
import { parseAbcState, startAbc, type AbcState } from "../stats/index.js";

export const FIT_CHECKPOINT = "checkpoint.json";
export const FIT_MANIFEST = "manifest.json";

/** What a calibration is a function of; a checkpoint of another identity is refused. */
export interface FitIdentity {
  giftsim: string;
  history: string;
  scenario: string;
  arm: string;
  parameters: string[];
  seed: string;
  settings: Record<string, number>;
}

interface CheckpointFile {
  format: "giftsim-calibrate-checkpoint/1";
  identity: FitIdentity;
  state: AbcState;
}

/**
 * The state to start from in `dir`: fresh for a new folder; the checkpoint's with `resume`
 * (refused when its identity differs; a finished calibration resumed writes the same outputs
 * again); a folder holding a calibration, finished or not, without `resume` is refused.
 */
export function startingState(dir: string, identity: FitIdentity, resume: boolean): AbcState {
  const file = join(dir, FIT_CHECKPOINT);
  if (!resume && existsSync(join(dir, FIT_MANIFEST))) throw errors.outputExists(dir);
  if (!existsSync(file)) return startAbc();
  if (!resume) throw errors.unfinishedRun(dir);
  const text = readFileSync(file, "utf8");
  let saved: CheckpointFile;
  try {
    saved = JSON.parse(text) as CheckpointFile;
    if (saved.format !== "giftsim-calibrate-checkpoint/1") throw new Error(`format ${String(saved.format)}`);
  } catch (error) {
    throw errors.notARunFolder(dir, `${FIT_CHECKPOINT} is not a calibration checkpoint (${error instanceof Error ? error.message : String(error)})`);
  }
  for (const field of Object.keys(identity) as Array<keyof FitIdentity>) {
    const found = JSON.stringify(saved.identity?.[field]);
    const wanted = JSON.stringify(identity[field]);
    if (found !== wanted) throw errors.checkpointMismatch(dir, field, found, wanted);
  }
  return parseAbcState(JSON.stringify(saved.state));
}

/** Writes the checkpoint of `state` atomically. */
export function saveCheckpoint(dir: string, identity: FitIdentity, state: AbcState): void {
  const file: CheckpointFile = { format: "giftsim-calibrate-checkpoint/1", identity, state };
  writeFileAtomic(join(dir, FIT_CHECKPOINT), `${JSON.stringify(file)}\n`);
}
