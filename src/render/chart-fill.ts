/** Rows of one named dataset of a chart template. */
export type Rows = Array<Record<string, string | number | boolean | null>>;

/** What a chart fills its template (reports/<id>.vl.json) with. */
export interface ChartFill {
  datasets: Record<string, Rows>;
  /** Values for `{{name}}` placeholders in the template's strings (plain text, never markup). */
  text?: Record<string, string>;
  /** One line under the chart saying what it shows. */
  caption: string;
}
