/**
 * Output rows were `Record<string, number>`: a mistyped column name compiled and wrote NaN into
 * the column it meant. Rows are now typed by their column tuples; these compile snippets that
 * append rows and check the compiler's verdict.
 */
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");

/** The compiler's errors for a module that appends one stream row whose body is `rowBody`. */
function rowErrors(rowBody: string): string[] {
  const file = join(root, "src/sim/__row-snippet.ts");
  const source = `import { STREAM_COLUMNS, type StreamRow } from "./metric-names.js";
import { appendRow } from "./tally.js";
const row: Omit<StreamRow, "streamId" | "day"> = Object.fromEntries(STREAM_COLUMNS.map((c) => [c, 0])) as never;
export const at = appendRow([], STREAM_COLUMNS, { ...row, ${rowBody} });
`;
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile;
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : readSource(name, language, ...rest));
  const exists = host.fileExists;
  host.fileExists = (name) => name === file || exists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("typed output rows", () => {
  it("a stream row with every column compiles", () => {
    expect(rowErrors("streamId: 1, day: 2")).toEqual([]);
  }, 60_000);

  it("a mistyped column name does not compile (it was a silent NaN)", () => {
    const errors = rowErrors("streamId: 1, dya: 2");
    expect(errors.join("\n")).toMatch(/dya/);
  }, 60_000);

  it("a missing column does not compile", () => {
    expect(rowErrors("streamId: 1").join("\n")).toMatch(/day/);
  }, 60_000);
});
