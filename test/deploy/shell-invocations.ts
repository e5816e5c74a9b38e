/**
 * The `giftsim ...` command lines inside a shell script, a container's command, or a comment:
 * what the deploy tests compare with the CLI's own options. A small tokenizer of the shell
 * these examples use (quotes, backslash continuations, && ; | as separators, # comments); it
 * does not expand variables, which only ever stand for option values here.
 */
import { basename } from "node:path";

/** One `giftsim <command> ...` command line: its command word and the flags after it. */
export interface Invocation {
  /** The word after `giftsim`; "" when nothing follows it. */
  command: string;
  /** Each flag as written, without its `=value` (`--shard`, `--no-report`, `-h`). */
  flags: string[];
  /** The command line's words, for a failure message. */
  line: string;
}

/** A script cut into simple commands (each a list of unquoted words) and its comments. */
export function shellCommands(script: string): { commands: string[][]; comments: string[] } {
  const commands: string[][] = [];
  const comments: string[] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (c === "\\" && script[i + 1] === "\n") i++;
    else if (c === "\\") word = (word ?? "") + (script[++i] ?? "");
    else if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      const stop = end === -1 ? script.length : end;
      const quoted = script.slice(i + 1, stop);
      word = (word ?? "") + (c === '"' ? quoted.replace(/\\(["\\$`])/g, "$1") : quoted);
      i = stop;
    } else if (c === "#" && word === undefined) {
      const end = script.indexOf("\n", i);
      const stop = end === -1 ? script.length : end;
      comments.push(script.slice(i + 1, stop));
      i = stop - 1;
    } else if (c === " " || c === "\t") endWord();
    else if ("\n;&|`".includes(c)) endCommand();
    else word = (word ?? "") + c;
  }
  endCommand();
  return { commands, comments };
}

/**
 * The giftsim invocations of one command's words: `giftsim run ...`, `exec npx giftsim run ...`,
 * and those inside a word that is itself a script (`sh -c "..."`, `sbatch --wrap "..."`).
 */
export function invocations(words: readonly string[]): Invocation[] {
  const found: Invocation[] = [];
  const at = words.findIndex((w) => basename(w) === "giftsim");
  if (at !== -1) {
    const rest = words.slice(at + 1);
    found.push({
      command: rest[0] ?? "",
      flags: rest.slice(1).flatMap((w) => (/^--?[A-Za-z]/.test(w) ? [w.replace(/=.*$/s, "")] : [])),
      line: words.slice(at).join(" "),
    });
  }
  for (const w of words) if (/\s/.test(w)) found.push(...scriptInvocations(w).invocations);
  return found;
}

/**
 * A script's invocations, those in its code and those in its comments apart: a comment is prose
 * ("a giftsim study as ...") around examples, so each of its invocations is read from `giftsim`
 * to the end of its line, backquote or quote, and only the caller knows which words are commands.
 */
export function scriptInvocations(script: string): { invocations: Invocation[]; inComments: Invocation[] } {
  const { commands, comments } = shellCommands(script);
  return {
    invocations: commands.flatMap(invocations),
    inComments: comments.flatMap(commentInvocations),
  };
}

/** The invocations quoted in one comment's text. */
export function commentInvocations(comment: string): Invocation[] {
  return [...comment.matchAll(/\bgiftsim\s+[^`"\n]*/g)].flatMap(([text]) => shellCommands(text).commands.flatMap(invocations));
}
