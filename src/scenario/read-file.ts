/**
 * Reads a scenario file as plain data. JSON is a subset of YAML 1.2, so one parser serves
 * both and every syntax error can name its line and column.
 */
import { readFileSync } from "node:fs";
import { isScalar, parseDocument, visit } from "yaml";
import { errors, type Problem } from "../errors.js";

/** Parses FILE (YAML or JSON) or throws a GiftsimError (exit 2) naming each bad line. */
export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw errors.unreadableFile(file, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a file, not a folder" : String(code ?? error));
  }
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    // Nesting thousands deep overflows the parser's stack: a bad file, not a crash.
    throw errors.yamlSyntax(file, [{ path: "(file)", value: file, expected: `valid YAML or JSON (${(error as Error).message})` }]);
  }
  if (document.errors.length > 0) {
    const lines = text.split(/\r?\n/);
    const problems: Problem[] = document.errors.map((error) => {
      const at = error.linePos?.[0];
      return {
        path: at ? `line ${at.line}, column ${at.col}` : "(file)",
        value: at ? (lines[at.line - 1] ?? "").trim() : file,
        expected: `valid YAML or JSON (${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")})`,
      };
    });
    throw errors.yamlSyntax(file, problems);
  }
  const protoKeys = prototypeKeys(document, text);
  if (protoKeys.length > 0) throw errors.invalidFile(file, protoKeys);
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb (aliases of aliases) stops at maxAliasCount instead of eating memory.
    throw errors.yamlSyntax(file, [{ path: "(file)", value: file, expected: `valid YAML or JSON (${(error as Error).message.split("\n")[0]})` }]);
  }
}

/**
 * Keys named __proto__: turned into plain data they would set an object's prototype, so the key
 * would vanish without a word and its contents be inherited. No scenario field has that name.
 */
function prototypeKeys(document: ReturnType<typeof parseDocument>, text: string): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== "__proto__") return;
      const offset = pair.key.range?.[0] ?? 0;
      const before = text.slice(0, offset).split(/\r?\n/);
      problems.push({ path: `line ${before.length}, column ${before[before.length - 1].length + 1}`, value: "__proto__", expected: "a field of the scenario format (__proto__ would set an object's prototype)" });
    },
  });
  return problems;
}
