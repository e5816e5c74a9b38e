import type { Argv } from "yargs";
import { DEFAULT_REPLAY_LOAD } from "../../../load/replay/replay-options.js";
import type { ReplayStreamOptions } from "../../../load/replay/replay-stream.js";

/** Which stream a replay takes from a scenario: the same flags in process and over HTTP. */
export interface ReplaySourceArgs {
  scenario?: string;
  arm?: string;
  replicate?: number;
  repeat?: number;
  seed?: string;
}

/** Flags of the replay source with their defaults applied; `seed` is the scenario's master seed. */
export function replaySource(args: ReplaySourceArgs, file: string): ReplayStreamOptions & { repeat: number } {
  return { file, arm: args.arm, replicate: args.replicate ?? DEFAULT_REPLAY_LOAD.replicate, seed: args.seed, repeat: args.repeat ?? DEFAULT_REPLAY_LOAD.repeat };
}

/** Adds the replay source flags but --seed (whose default each mode states). */
export function replaySourceOptions(yargs: Argv): Argv<ReplaySourceArgs> {
  return yargs
    .option("scenario", { type: "string", describe: "scenario file (YAML or JSON) whose replicate's purchases and gifts are replayed" })
    .option("arm", { type: "string", describe: "the arm to simulate (default the first)" })
    .option("replicate", { type: "number", describe: `replicate index, seeded as giftsim run seeds it (default ${DEFAULT_REPLAY_LOAD.replicate})` })
    .option("repeat", { type: "number", describe: `copies of the stream back to back, on fresh stream and order ids (default ${DEFAULT_REPLAY_LOAD.repeat})` }) as unknown as Argv<ReplaySourceArgs>;
}
