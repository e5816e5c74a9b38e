/**
 * Renders a filled Vega-Lite spec to SVG in Node: vega-lite compiles it to Vega, vega's View
 * runs headless (renderer "none") and serialises the scenegraph. Vega escapes text it writes
 * into SVG, so labels from the scenario file stay text. Warnings from the compiler are
 * collected, not printed, so tests can insist on none.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** A chart drawn: its SVG and the compiler's warnings. */
export interface RenderedChart {
  svg: string;
  warnings: string[];
}

/** Compiles and renders `spec` (data inline) to SVG. */
export async function renderSvg(spec: object): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger: vega.LoggerInterface = {
    level: () => logger,
    error: (...args: readonly unknown[]) => (warnings.push(args.map(String).join(" ")), logger),
    warn: (...args: readonly unknown[]) => (warnings.push(args.map(String).join(" ")), logger),
    info: () => logger,
    debug: () => logger,
  } as vega.LoggerInterface;
  const vegaSpec = compile(spec as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none", logger, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}
