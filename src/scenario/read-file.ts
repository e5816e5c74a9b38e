/**
 * Reads a scenario file as plain data. JSON is a subset of YAML 1.2, so one parser serves
 * both and every syntax error can name its line and column; a .json file must also pass
 * JSON.parse, so YAML's leniency (trailing commas, comments, bare words) does not hide a file
 * another JSON reader would refuse. The file's size is capped before it is read, and the checks
 * the parser would do in quadratic time (unique keys) are done here in one pass.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { extname } from "node:path";
import { LineCounter, isMap, isScalar, parseDocument, visit } from "yaml";
import { GiftsimError, errors, type Problem } from "../errors.js";
import { fileKind } from "../file-kind.js";

/**
 * The largest scenario file read: the built-in studies are a few KiB, and past this a file is
 * a mistake (a data dump, a generated key list) that would cost seconds and memory to parse.
 */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;

/** Parses FILE (YAML or JSON) or throws a GiftsimError (exit 2) naming each bad line. */
export function readScenarioFile(file: string): unknown {
  const text = readCappedText(file, MAX_SCENARIO_FILE_BYTES, "a scenario file");
  if (extname(file).toLowerCase() === ".json") {
    const problem = jsonSyntaxProblem(text);
    if (problem !== undefined) throw errors.jsonSyntax(file, [problem]);
  }
  const lineCounter = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    // uniqueKeys is checked below: the parser's own check compares each key with every earlier one.
    // resolveKnownTags off: YAML 1.1 tags (!!omap, !!set, !!timestamp, !!binary) would turn a
    // mapping the user wrote into a Map or Date, which then failed as "not an object"; they are refused below.
    document = parseDocument(text, { prettyErrors: true, uniqueKeys: false, resolveKnownTags: false, lineCounter });
  } catch (error) {
    // Nesting thousands deep overflows the parser's stack: a bad file, not a crash.
    throw errors.yamlSyntax(file, [{ path: "(file)", value: file, expected: `valid YAML or JSON (${(error as Error).message})` }]);
  }
  const lines = text.split(/\r?\n/);
  const lineAt = ({ line, col }: { line: number; col: number }) => ({ path: `line ${line}, column ${col}`, value: excerpt((lines[line - 1] ?? "").trim()) });
  const at = (offset: number | undefined) => lineAt(lineCounter.linePos(offset ?? 0));
  if (document.errors.length > 0) {
    const problems: Problem[] = document.errors.map((error) => ({
      ...(error.linePos ? lineAt(error.linePos[0]) : { path: "(file)", value: file }),
      // A second document ("---") is the parser's MULTIPLE_DOCS, worded as advice to a programmer.
      expected: error.code === "MULTIPLE_DOCS" ? "one YAML document (this file holds more, separated by ---)" : `valid YAML or JSON (${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")})`,
    }));
    throw errors.yamlSyntax(file, problems);
  }
  const tags = document.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (tags.length > 0) {
    const tagProblem = (warning: (typeof tags)[number]) => {
      const tag = /^!\S*/.exec(text.slice(warning.pos[0]))?.[0] ?? "tag";
      return { ...at(warning.pos[0]), expected: `a plain mapping, list or value, without ${tag} (a YAML 1.1 or custom tag giftsim does not read)` };
    };
    throw errors.yamlSyntax(file, tags.map(tagProblem));
  }
  const duplicates = duplicateKeys(document).map((offset) => ({ ...at(offset), expected: "valid YAML or JSON (Map keys must be unique)" }));
  if (duplicates.length > 0) throw errors.yamlSyntax(file, duplicates);
  const unsafe = unsafeNodes(document, at);
  if (unsafe.length > 0) throw errors.invalidFile(file, unsafe);
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb (aliases of aliases) stops at maxAliasCount instead of eating memory.
    throw errors.yamlSyntax(file, [{ path: "(file)", value: file, expected: `valid YAML or JSON (${(error as Error).message.split("\n")[0]})` }]);
  }
}

/** The file's text, refused unread when larger than MAX_SCENARIO_FILE_BYTES (also for pipes and devices, which have no size). */
/**
 * The text of FILE, refused (exit 2) when it is not a regular file or passes `maxBytes`, which
 * the message names as the size limit of `what`; shared with the other input files (histories).
 */
export function readCappedText(file: string, maxBytes: number, what: string): string {
  let fd: number;
  try {
    // Opening a FIFO blocks until a writer comes, for ever; a device reads without end.
    const kind = fileKind(statSync(file));
    if (kind !== "a regular file") throw errors.unreadableFile(file, `a regular file, not ${kind}`);
    fd = openSync(file, "r");
  } catch (error) {
    throw error instanceof GiftsimError ? error : errors.unreadableFile(file, readFailure(error));
  }
  // One byte more than the cap tells a stream past the cap from one exactly at it.
  const buffer = Buffer.alloc(maxBytes + 1);
  let length = 0;
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw errors.fileTooLarge(file, size, maxBytes, what);
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
  } catch (error) {
    throw error instanceof GiftsimError ? error : errors.unreadableFile(file, readFailure(error));
  } finally {
    closeSync(fd);
  }
  if (length > maxBytes) throw errors.fileTooLarge(file, length, maxBytes, what);
  return buffer.toString("utf8", 0, length);
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : String(code ?? error);
}

/** The problem JSON.parse finds in TEXT, at its line and column, or undefined for valid JSON. */
function jsonSyntaxProblem(text: string): Problem | undefined {
  // Editors on Windows start files with a byte-order mark, which JSON.parse does not skip.
  const json = text.replace(/^\uFEFF/, "");
  try {
    JSON.parse(json);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position === null ? json.length : Number(position[1]);
    const before = json.slice(0, offset).split(/\r?\n/);
    const line = before.length;
    return {
      path: `line ${line}, column ${before[line - 1].length + 1}`,
      value: (json.split(/\r?\n/)[line - 1] ?? "").trim(),
      expected: `valid JSON (${message.replace(/ in JSON at position \d+.*$/, "").replace(/^Unexpected end of JSON input$/, "the file ends too early")})`,
    };
  }
}

/** Offsets of keys that repeat an earlier key of the same mapping, in one pass (a Set per mapping). */
function duplicateKeys(document: ReturnType<typeof parseDocument>): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) offsets.push(pair.key.range?.[0] ?? 0);
        seen.add(pair.key.value);
      }
    },
  });
  return offsets;
}

/**
 * Nodes that would not become plain data: keys named __proto__ (turned into an object they set
 * its prototype, so the key would vanish without a word and its contents be inherited), and
 * aliases inside the very node they name (`&m {population: *m}`), which become a cycle.
 */
function unsafeNodes(document: ReturnType<typeof parseDocument>, at: (offset: number | undefined) => { path: string; value: string }): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== "__proto__") return;
      problems.push({ path: at(pair.key.range?.[0]).path, value: "__proto__", expected: "a field of the scenario format (__proto__ would set an object's prototype)" });
    },
    Alias(_, alias, path) {
      const target = alias.resolve(document);
      if (target === undefined || !path.includes(target)) return;
      const kind = isMap(target) ? "mapping" : "list";
      problems.push({ path: at(alias.range?.[0]).path, value: `*${alias.source}`, expected: `an alias of a node outside the ${kind} &${alias.source} it is in (it would contain itself)` });
    },
  });
  return problems;
}

/** Longest piece of a line a problem quotes: enough to find it, never a dump of the file. */
const MAX_EXCERPT_CHARS = 80;

function excerpt(line: string): string {
  return line.length > MAX_EXCERPT_CHARS ? `${line.slice(0, MAX_EXCERPT_CHARS - 3)}...` : line;
}
