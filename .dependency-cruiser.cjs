/**
 * The layering of src/, checked on every test run (test/layers.test.ts). Each layer imports only
 * the layers listed for it, so dependencies run one way:
 *
 *   economy <- core <- sim <- scenario <- run <- history <- fit <- (report, load, serve) <- cli
 *
 * with bench (the core benchmark `giftsim bench` ships, on the synthetic load) above load,
 * with render (pages shared by report and load) below report and load, serve (the service and
 * its wire contract) below load, and stats a leaf of pure statistics that run's summaries and
 * report's comparisons both use. errors.ts, install.ts and file-kind.ts are shared by every
 * layer and import no layer. src/index.ts, the library face, sits on top with cli. The rules name folders, so
 * they hold whether serve and the load modes live in src/load/ or in their own folders.
 */

/** Layer: the layers it may import besides itself and the shared modules. */
const LAYERS = {
  economy: [],
  stats: [],
  core: ["economy"],
  sim: ["core", "economy"],
  scenario: ["sim", "core", "economy"],
  run: ["scenario", "sim", "core", "economy", "stats"],
  history: ["run", "scenario", "sim", "core", "economy", "stats"],
  fit: ["history", "run", "scenario", "sim", "core", "economy", "stats"],
  render: ["run", "scenario", "sim", "core", "economy", "stats"],
  report: ["fit", "history", "render", "run", "scenario", "sim", "core", "economy", "stats"],
  serve: ["run", "scenario", "sim", "core", "economy", "stats"],
  load: ["serve", "render", "run", "scenario", "sim", "core", "economy", "stats"],
  bench: ["load", "serve", "core", "economy"],
  cli: ["bench", "load", "serve", "report", "fit", "history", "render", "run", "scenario", "sim", "core", "economy", "stats"],
};

const SHARED = "^src/(errors|install|file-kind)\\.ts$";

const folders = (names) => `^src/(${names.join("|")})/`;

const layerRules = Object.entries(LAYERS).map(([layer, below]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${below.length === 0 ? "the shared modules" : below.join(", ")} (and the shared modules)`,
  severity: "error",
  from: { path: `^src/${layer}/` },
  to: {
    path: "^src/",
    pathNot: [folders([layer, ...below]), SHARED],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "shared-imports-no-layer",
      comment: "errors.ts, install.ts and file-kind.ts are used by every layer, so they import none",
      severity: "error",
      from: { path: SHARED },
      to: { path: "^src/", pathNot: SHARED },
    },
    {
      name: "library-face-on-top",
      comment: "src/index.ts re-exports the layers; nothing inside src imports it",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/index\\.ts$" },
      to: { path: "^src/index\\.ts$" },
    },
    {
      name: "every-folder-a-layer",
      comment: "a new folder under src gets a place in LAYERS before it imports anything",
      severity: "error",
      from: { path: "^src/[^/]+/", pathNot: folders(Object.keys(LAYERS)) },
      to: {},
    },
    {
      name: "no-cycles",
      comment: "no module reaches itself through imports, type-only ones included: two pieces that name each other's types belong below a shared interface (as formats and tactics are typed against stream contexts, not the stream's state)",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "src-not-on-tests-or-benchmarks",
      comment: "the library does not depend on its tests or benchmarks",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|bench)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies between layers too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
