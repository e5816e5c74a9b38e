/**
 * The Dockerfile the deploy/ examples' image is built from: a base pinned to an exact Node
 * release this package supports, a non-root user, and giftsim as the entrypoint. No Docker is
 * needed: the instructions are read as text, as a reviewer would.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url);

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { keyword: string; rest: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
    .map((line) => {
      const [, keyword, rest] = /^\s*(\w+)\s+(.*)$/.exec(line) ?? [];
      return { keyword: (keyword ?? line).toUpperCase(), rest: (rest ?? "").trim() };
    });
}

const steps = instructions(readFileSync(fileURLToPath(new URL("Dockerfile", ROOT)), "utf8"));
const all = (keyword: string) => steps.filter((step) => step.keyword === keyword).map((step) => step.rest);

/** ARG defaults, for the FROM lines that name their base through one. */
const args = new Map(
  all("ARG").flatMap((arg) => {
    const match = /^(\w+)=(\S+)$/.exec(arg);
    return match === null ? [] : [[match[1], match[2]] as const];
  }),
);

describe("Dockerfile", () => {
  it("builds every stage on one exact Node release that package.json's engines allows", () => {
    const stages = new Set<string>();
    const bases = all("FROM").flatMap((from) => {
      const [image, , stage] = from.split(/\s+/);
      const resolved = image.replace(/^\$\{(\w+)\}$/, (_, name: string) => args.get(name) ?? name);
      if (stage !== undefined) stages.add(stage);
      return stages.has(resolved) ? [] : [resolved];
    });
    expect(bases.length).toBeGreaterThan(0);
    expect(new Set(bases).size).toBe(1);
    const pin = /^node:(\d+)\.(\d+)\.(\d+)-[a-z-]+(@sha256:[0-9a-f]{64})?$/.exec(bases[0]);
    expect(pin, bases[0]).not.toBeNull();
    const engines = (JSON.parse(readFileSync(fileURLToPath(new URL("package.json", ROOT)), "utf8")) as { engines: { node: string } }).engines.node;
    const [, major, minor] = /^>=(\d+)\.(\d+)$/.exec(engines) ?? [];
    expect(Number(pin?.[1])).toBe(Number(major));
    expect(Number(pin?.[2])).toBeGreaterThanOrEqual(Number(minor));
  });

  it("installs from the lockfile and runs giftsim as a non-root user", () => {
    expect(all("RUN").some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    expect(all("RUN").some((run) => /\bnpm prune --omit=dev\b/.test(run))).toBe(true);
    const user = all("USER").at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const entrypoint = JSON.parse(all("ENTRYPOINT").at(-1) ?? "null") as unknown;
    expect(entrypoint).toEqual(["giftsim"]);
  });
});
