/**
 * Reading giftsim's --help texts: the one place tests learn which commands and options the CLI
 * defines, so a renamed or removed flag shows in every test that names it.
 */

/** Each section of a --help text ("Options:", "Examples:", ...) with its lines. */
export function sections(help: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of help.split("\n")) {
    if (/^\S.*:$/.test(line)) found.set(line, (current = []));
    else current.push(line);
  }
  return found;
}

/**
 * An entry of the "Options:" section: yargs indents a long name by two spaces after its short
 * alias (`  -h, --help`) or by six without one; the rest is its description and [facts].
 */
export const OPTION_ENTRY = /^(?: {2}(?<short>-\w), | {6})(?<name>--[\w-]+)(?<rest>.*)$/;

/** The command names of the top-level `giftsim --help`. */
export function helpCommands(help: string): string[] {
  return (sections(help).get("Commands:") ?? []).flatMap((line) => /^ {2}giftsim (\w+)/.exec(line)?.[1] ?? []);
}

/** Every flag a command's --help lists, long names and short aliases (`--out`, `-h`). */
export function helpOptions(help: string): string[] {
  return (sections(help).get("Options:") ?? []).flatMap((line) => {
    const groups = OPTION_ENTRY.exec(line)?.groups;
    return groups === undefined ? [] : [groups.name, ...(groups.short === undefined ? [] : [groups.short])];
  });
}
