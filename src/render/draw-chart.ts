import type { ChartFill } from "./chart-fill.js";
import { fillTemplate } from "./templates.js";

/** A chart drawn: its filled spec and SVG, ready for a page. */
export interface DrawnChart {
  id: string;
  title: string;
  caption: string;
  /** The filled Vega-Lite spec, data inline: re-plottable as it is. */
  spec: object;
  svg: string;
  /** Vega-Lite compiler and Vega warnings while drawing (none expected). */
  warnings: string[];
}

/**
 * Fills chart template `id` and draws it to SVG. vega is imported on the first chart drawn, not
 * when this module is, so commands that never draw stay quick to start.
 */
export async function drawChart(id: string, title: string, fill: ChartFill): Promise<DrawnChart> {
  const { renderSvg } = await import("./render-svg.js");
  const spec = fillTemplate(id, fill);
  const { svg, warnings } = await renderSvg(spec);
  return { id, title, caption: fill.caption, spec, svg, warnings };
}
