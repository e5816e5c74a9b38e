import type { Argv, CommandModule } from "yargs";
import { printJson } from "../output.js";
import { relative } from "node:path";

interface ScenariosArgs {
  json: boolean;
}

export const scenariosCommand: CommandModule<object, ScenariosArgs> = {
  command: "scenarios",
  describe: "List the built-in scenarios and the question each answers",
  builder: (yargs: Argv) =>
    yargs
      .option("json", { type: "boolean", default: false, describe: "print the list as JSON" })
      .example("$0 scenarios", "then: giftsim run <file>"),
  handler: async (args) => {
    const { listScenarios } = await import("../../scenario/index.js");
    const list = listScenarios();
    if (args.json) return printJson(list);
    if (list.length === 0) {
      process.stdout.write("no built-in scenarios found\n");
      return;
    }
    for (const entry of list) {
      const file = relative(process.cwd(), entry.file) || entry.file;
      if (entry.state === "valid") process.stdout.write(`${entry.name.padEnd(22)} ${entry.question}\n${"".padEnd(22)} ${file}\n`);
      else process.stdout.write(`${file}: INVALID\n${entry.problems}\n`);
    }
  },
};
