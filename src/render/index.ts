export type { ChartFill, Rows } from "./chart-fill.js";
export { drawChart } from "./draw-chart.js";
export type { DrawnChart } from "./draw-chart.js";
export { escapeHtml, jsonForScript } from "./escape.js";
export { fillPage, fillTemplate, readTemplate, reportsDir } from "./templates.js";
