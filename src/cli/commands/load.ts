import type { Argv, CommandModule } from "yargs";
import { httpLoadMode } from "./load/http.js";
import { replayLoadMode } from "./load/replay.js";
import { syntheticLoadMode } from "./load/synthetic.js";

/**
 * `giftsim load`: three modes, one module each, every flag with one meaning. `synthetic` (the
 * default, so `giftsim load --events N` runs it) and `replay` push a stream through the core in
 * process; `http` sends synthetic or scenario traffic to a gift service.
 */
export const loadCommand: CommandModule = {
  command: "load",
  describe: "Load the conversion core: in process with a synthetic stream (default) or a scenario replay, or over HTTP",
  builder: (yargs: Argv) => yargs.command(syntheticLoadMode).command(replayLoadMode).command(httpLoadMode),
  handler: () => undefined,
};
