/**
 * The deploy/ examples against the CLI and the image they name: every `giftsim` command line in
 * a manifest (its code and its comments) uses a command and flags the built CLI lists in its
 * --help, and every image they run is the one docs/fanout.md says to build from the Dockerfile.
 * A renamed flag or a version bump breaks this test rather than a cluster job.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments, visit, type Document } from "yaml";
import { runCli } from "../cli.js";
import { helpCommands, helpOptions } from "../cli-help.js";
import { commentInvocations, invocations, scriptInvocations, type Invocation } from "./shell-invocations.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Container {
  image?: unknown;
  command?: unknown;
  args?: unknown;
}

/** What one manifest runs: its invocations, those its comments show, and its containers' images. */
interface Manifest {
  file: string;
  invocations: Invocation[];
  inComments: Invocation[];
  images: unknown[];
}

/** Every container and init container anywhere in a parsed Kubernetes object. */
function containers(node: unknown): Container[] {
  if (Array.isArray(node)) return node.flatMap(containers);
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === "containers" || key === "initContainers") && Array.isArray(value) ? (value as Container[]) : containers(value),
  );
}

/** A container's argv: its command then its args, as Kubernetes runs them. */
function argv(container: Container): string[] {
  return [container.command, container.args].flatMap((part) => (Array.isArray(part) ? part.map(String) : []));
}

/** The comments of a YAML document, wherever the parser attached them. */
function yamlComments(doc: Document): string[] {
  const found: (string | null | undefined)[] = [doc.commentBefore, doc.comment];
  visit(doc, {
    Node(_, node) {
      found.push(node.commentBefore, node.comment);
    },
  });
  return found.filter((comment): comment is string => typeof comment === "string");
}

function readYaml(file: string): Manifest {
  const docs = parseAllDocuments(read(file));
  const parsed = Array.isArray(docs) ? docs : [docs];
  for (const doc of parsed) expect(doc.errors.map(String), file).toEqual([]);
  const running = parsed.flatMap((doc) => containers(doc.toJS()));
  return {
    file,
    invocations: running.flatMap((container) => invocations(argv(container))),
    inComments: parsed.flatMap(yamlComments).flatMap((comment) => comment.split("\n").flatMap(commentInvocations)),
    images: running.map((container) => container.image),
  };
}

function readShell(file: string): Manifest {
  return { file, ...scriptInvocations(read(file)), images: [] };
}

/** The tag of each `docker build -t TAG` a text shows. */
function buildTags(text: string): string[] {
  return [...text.matchAll(/docker build\b[^\n]*?\s-t\s+(\S+)/g)].map((match) => match[1]);
}

let commands: string[];
let flags: Map<string, Set<string>>;
let manifests: Manifest[];

beforeAll(async () => {
  manifests = readdirSync(join(ROOT, "deploy"))
    .sort()
    .map((name) => {
      const file = join("deploy", name);
      if (/\.ya?ml$/.test(name)) return readYaml(file);
      if (name.endsWith(".sh")) return readShell(file);
      throw new Error(`${file}: a manifest this test cannot read; teach it the format`);
    });
  const top = await runCli(["--help"]);
  expect(top.code).toBe(0);
  commands = helpCommands(top.stdout);
  const named = [...new Set(manifests.flatMap((m) => [...m.invocations, ...m.inComments]).map((i) => i.command))].filter((c) => commands.includes(c));
  const helps = await Promise.all(named.map((command) => runCli([command, "--help"])));
  flags = new Map(named.map((command, i) => [command, new Set(helpOptions(helps[i].stdout))]));
});

/**
 * The flags of an invocation the CLI does not list for its command. yargs negates any boolean
 * as `--no-<name>` (`--no-report`), so that form counts as its option.
 */
function unknownFlags(invocation: Invocation): string[] {
  const known = flags.get(invocation.command) ?? new Set<string>();
  return invocation.flags.filter((flag) => !known.has(flag) && !known.has(flag.replace(/^--no-/, "--")));
}

describe("deploy/ manifests", () => {
  it("are read, and each runs a sharded giftsim run", () => {
    expect(manifests.map((m) => m.file)).toEqual(expect.arrayContaining([join("deploy", "k8s-indexed-job.yaml"), join("deploy", "slurm-array.sh")]));
    for (const { file, invocations: found } of manifests) {
      expect(found.some(({ command, flags: given }) => command === "run" && given.includes("--shard")), file).toBe(true);
    }
  });

  it("run only giftsim commands and flags the CLI accepts", () => {
    const wrong = manifests.flatMap(({ file, invocations: found }) =>
      found.filter((i) => !commands.includes(i.command) || unknownFlags(i).length > 0).map((i) => ({ file, line: i.line, unknown: unknownFlags(i) })),
    );
    expect(wrong).toEqual([]);
  });

  it("show in their comments only flags the CLI accepts (the merge that follows the shards)", () => {
    const shown = manifests.flatMap(({ file, inComments }) => inComments.filter((i) => commands.includes(i.command)).map((i) => ({ file, ...i })));
    expect(shown.filter(({ command }) => command === "merge").map(({ file }) => file)).toEqual(expect.arrayContaining(manifests.map((m) => m.file)));
    expect(shown.filter((i) => unknownFlags(i).length > 0).map(({ file, line }) => ({ file, line }))).toEqual([]);
  });

  it("run the image docs/fanout.md builds, tagged with this version", () => {
    expect(buildTags(read("docs/fanout.md"))).not.toEqual([]);
    const built = [...new Set(["docs/fanout.md", "README.md", "Dockerfile"].flatMap((file) => buildTags(read(file))))];
    expect(built).toHaveLength(1);
    const [image] = built;
    const [repository, tag] = image.split(/:(?=[^:/]+$)/);
    expect(tag).toBe((JSON.parse(read("package.json")) as { version: string }).version);
    const images = manifests.flatMap((m) => m.images);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((named) => named !== image)).toEqual([]);
    // The docs' own commands (kubectl run, apptainer pull) name the repository with a tag too.
    const docTags = [...read("docs/fanout.md").matchAll(new RegExp(`${repository.replace(/[.]/g, "\\.")}:([\\w.-]+)`, "g"))].map((m) => m[1]);
    expect(docTags.length).toBeGreaterThan(1);
    expect(docTags.filter((named) => named !== tag)).toEqual([]);
  });
});
