/**
 * The giftsim command line: a thin shell over the library. Each command is one module in
 * commands/; errors made by the library arrive as GiftsimError and leave with their exit code
 * (1 failed run, 2 bad input) and a message without a stack trace.
 */
import yargs from "yargs";
import { GiftsimError } from "../errors.js";
import { benchCommand } from "./commands/bench.js";
import { loadCommand } from "./commands/load.js";

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = yargs(argv)
    .scriptName("giftsim")
    .usage("$0 <command> [options]\n\nSimulation and load-testing engine for live-stream gifting economics.")
    .command(loadCommand)
    .command(benchCommand)
    .demandCommand(1, "name a command (see --help)")
    .strict()
    .help()
    .alias("h", "help")
    .version()
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      if (error) throw error;
      throw new GiftsimError("INVALID_INPUT", message, 2);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (error instanceof GiftsimError) {
      process.stderr.write(`giftsim: ${error.message}\n`);
      exitCode = error.exitCode;
    } else throw error;
  }
  return exitCode || (typeof process.exitCode === "number" ? process.exitCode : 0);
}
