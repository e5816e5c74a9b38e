import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

/** Runs dependency-cruiser with the repo's rules on `cwd`'s src/; exit status 0 means no violation. */
function cruise(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [DEPCRUISE, "src", "--config", CONFIG, "--output-type", "err"], { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A small tree of TypeScript files (path: source) with the repo's module settings. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "giftsim-layers-"));
  scratch.push(dir);
  const all = { "tsconfig.json": JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }), ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("layering (.dependency-cruiser.cjs)", () => {
  it("holds on src/: dependencies run one way, no cycles, no imports of test/ or bench/", () => {
    const result = cruise(ROOT);
    expect(result.output).toContain("no dependency violations found");
    expect(result.status).toBe(0);
  });

  it("fails on an import up the layers, a cycle and an import of test/, and passes an import down", () => {
    const dir = tree({
      "src/cli/main.ts": 'import { price } from "../economy/price.js";\nexport const main = price;\n',
      "src/economy/price.ts": 'import { main } from "../cli/main.js";\nexport const price = 1;\nexport const again = main;\n',
      "src/sim/a.ts": 'import { b } from "./b.js";\nexport const a = b;\n',
      "src/sim/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
      "src/core/ledger.ts": 'import { fixture } from "../../test/fixture.js";\nexport const ledger = fixture;\n',
      "test/fixture.ts": "export const fixture = 1;\n",
    });
    const result = cruise(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("layer-economy: src/economy/price.ts → src/cli/main.ts");
    expect(result.output).toMatch(/no-cycles: src\/sim\/a\.ts →/);
    expect(result.output).toContain("src-not-on-tests-or-benchmarks: src/core/ledger.ts → test/fixture.ts");
    expect(result.output).not.toContain("layer-cli");
  });

  it("places a future folder in the order: serve below load, render below report and load", () => {
    const dir = tree({
      "src/render/page.ts": "export const page = 1;\n",
      "src/serve/wire.ts": 'import { replay } from "../load/replay.js";\nexport const wire = replay;\n',
      "src/load/replay.ts": 'import { page } from "../render/page.js";\nexport const replay = page;\n',
      "src/report/html.ts": 'import { page } from "../render/page.js";\nexport const html = page;\n',
    });
    const result = cruise(dir);
    expect(result.output).toContain("layer-serve: src/serve/wire.ts → src/load/replay.ts");
    expect(result.output).not.toContain("layer-load");
    expect(result.output).not.toContain("layer-report");
  });
});
