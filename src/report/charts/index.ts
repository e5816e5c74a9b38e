export { CHARTS } from "./all-charts.js";
export type { ChartDefinition, ChartFill, Rows } from "./chart.js";
