/**
 * The giftsim command line: a thin shell over the library. Each command is one module in
 * commands/; errors made by the library arrive as GiftsimError and leave with their exit code
 * (1 failed run, 2 bad input) and a message without a stack trace.
 */
import yargs, { type CommandModule } from "yargs";
import { GiftsimError, errors, writeFailureCode } from "../errors.js";
import { benchCommand } from "./commands/bench.js";
import { calibrateCommand } from "./commands/calibrate.js";
import { loadCommand } from "./commands/load.js";
import { serveCommand } from "./commands/serve.js";
import { compareCommand } from "./commands/compare.js";
import { historyCommand } from "./commands/history.js";
import { mergeCommand } from "./commands/merge.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { scenariosCommand } from "./commands/scenarios.js";
import { sensitivityCommand } from "./commands/sensitivity.js";
import { sweepCommand } from "./commands/sweep.js";
import { validateCommand } from "./commands/validate.js";

const COMMANDS = [loadCommand, serveCommand, benchCommand, runCommand, compareCommand, sweepCommand, sensitivityCommand, mergeCommand, reportCommand, validateCommand, scenariosCommand, historyCommand, calibrateCommand];

/** A first word that names no command: strict yargs calls it an "Unknown argument". */
function unknownCommand(argv: readonly string[]): GiftsimError | undefined {
  const first = argv[0];
  if (first === undefined || first.startsWith("-")) return undefined;
  const names = COMMANDS.map((command) => String(command.command).split(" ")[0]);
  if (names.includes(first)) return undefined;
  return errors.invalidInput("command", [{ path: "(command)", value: first, expected: `one of ${names.join(", ")} (see giftsim --help)` }]);
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const parser = COMMANDS.reduce(
    (chain, command) => chain.command(command as CommandModule),
    yargs(argv)
      .scriptName("giftsim")
      .usage("$0 <command> [options]\n\nSimulation and load-testing engine for live-stream gifting economics."),
  )
    .demandCommand(1, "name a command (see --help)")
    .strict()
    .help()
    .alias("h", "help")
    .version()
    // A fixed width: help reads the same in any terminal (and in a test's pipe).
    .wrap(100)
    .fail((message, error) => {
      // yargs' own parse errors ("Not enough arguments following: format") are bad input too.
      if (error && error.name !== "YError") throw error;
      const text = message ?? error?.message ?? "";
      const bare = /^Not enough arguments following: (.+)$/.exec(text);
      throw bare ? errors.invalidInput("option", [{ path: `--${bare[1]}`, value: undefined, expected: `a value after --${bare[1]}` }]) : new GiftsimError("INVALID_INPUT", text, 2);
    });
  try {
    const unknown = unknownCommand(argv);
    if (unknown !== undefined) throw unknown;
    await parser.parseAsync();
  } catch (error) {
    // A write that fails outside a run's own handling (a report on a full disk) is still a message.
    const failed = error instanceof GiftsimError || writeFailureCode(error) === undefined ? error : errors.cannotWrite(error as NodeJS.ErrnoException);
    if (failed instanceof GiftsimError) {
      process.stderr.write(`giftsim: ${failed.message}\n`);
      exitCode = failed.exitCode;
    } else throw error;
  }
  return exitCode || (typeof process.exitCode === "number" ? process.exitCode : 0);
}
