/**
 * The library face as a user meets it: the packed package installed into a project outside
 * the repo, the README's example compiled under strict TypeScript against `giftsim/core` and
 * run. The install is offline: the scratch project gets a lockfile seeded from the repo's own
 * resolved production tree, so npm takes every dependency's tarball from the cache that the
 * repo's `npm install` filled rather than asking the registry.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runProcess, type CliResult } from "./cli.js";
import { tempDir } from "./run/helpers.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const exportPaths: string[] = Object.keys(pkg.exports).filter((key) => key !== "./package.json");

/** The ```ts block under the README's "## Library" heading. */
function readmeLibraryExample(): string {
  const match = /## Library\n\n```ts\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "README.md"), "utf8"));
  if (!match) throw new Error("README.md has no ```ts block under ## Library");
  return match[1];
}

/** A package-lock for `project` that pins the tarball and the repo's own production dependency tree. */
function seededLockfile(tarball: string): object {
  const repoLock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
  const { "": repoRoot, ...entries } = repoLock.packages as Record<string, { dev?: boolean; link?: boolean }>;
  const production = Object.entries(entries).filter(([, entry]) => !entry.dev && !entry.link);
  return {
    name: "scratch",
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: "scratch", dependencies: { giftsim: `file:${tarball}` } },
      "node_modules/giftsim": { version: pkg.version, resolved: `file:${tarball}`, dependencies: (repoRoot as { dependencies: object }).dependencies },
      ...Object.fromEntries(production),
    },
  };
}

function succeeded(result: CliResult): string {
  expect(result.stderr.replace(/^npm warn .*\n/gm, ""), result.stdout).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("package.json's entry points", () => {
  it("main, types and every exports entry name built files", () => {
    const files = [pkg.main, pkg.types, ...exportPaths.flatMap((key) => [pkg.exports[key].types, pkg.exports[key].default])];
    expect(files.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });
});

describe("the packed package in a project outside the repo", () => {
  let project: string;

  beforeAll(async () => {
    project = tempDir("library-face");
    succeeded(await runProcess("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", project], { cwd: ROOT }));
    const tarball = `giftsim-${pkg.version}.tgz`;
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
    writeFileSync(join(project, "package-lock.json"), JSON.stringify(seededLockfile(tarball)));
    succeeded(await runProcess("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", `./${tarball}`], { cwd: project }));
  });

  it("compiles the README's library example under strict TypeScript and runs it", async () => {
    const example = readmeLibraryExample();
    expect(example).toContain('from "giftsim/core"');
    writeFileSync(join(project, "example.ts"), example);
    const compilerOptions = {
      strict: true,
      module: "NodeNext",
      moduleResolution: "NodeNext",
      target: "ES2022",
      lib: ["ES2023"],
      types: ["node"],
      typeRoots: [join(ROOT, "node_modules/@types")],
      skipLibCheck: false,
      noEmitOnError: true,
      outDir: "out",
    };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["example.ts"] }));
    succeeded(await runProcess(process.execPath, [TSC, "-p", "tsconfig.json"], { cwd: project }));
    expect(succeeded(await runProcess(process.execPath, ["out/example.js"], { cwd: project }))).toBe("1 passed\n");
  });

  it("every entry point imports; a path inside dist/ is refused", async () => {
    const script = `
      for (const name of ${JSON.stringify(exportPaths.map((key) => key.replace(/^\./, "giftsim")))}) await import(name);
      await import("giftsim/dist/src/run/chunk.js").then(() => console.log("internal imported"), (e) => console.log(e.code));`;
    expect(succeeded(await runProcess(process.execPath, ["--input-type=module", "-e", script], { cwd: project }))).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED\n");
  });
});
