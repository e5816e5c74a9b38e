export { CHARTS } from "./all-charts.js";
export type { ChartDefinition } from "./chart.js";
