/** The forms `giftsim report` writes; its own module so the CLI can list them without loading vega. */
export const REPORT_FORMATS = ["html", "svg", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
