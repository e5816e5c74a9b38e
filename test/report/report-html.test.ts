import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, readRunFolder, renderHtml, writeReport, type Report } from "../../src/report/index.js";
import { runCli } from "../cli.js";
import { syntheticRunFolder, tempDir, twoArmScenario } from "./helpers.js";

const HOSTILE = "<script>alert(1)</script>";
const HOSTILE_ATTR = '"><img src=x onerror=alert(2)>';

let report: Report;
let html: string;

/** The JSON embedded in <script type="application/json" id="...">, parsed. */
function embedded(page: string, id: string): unknown {
  const match = new RegExp(`<script type="application/json" id="${id}">([^<]*)</script>`).exec(page);
  if (!match) throw new Error(`no embedded ${id}`);
  return JSON.parse(match[1]);
}

beforeAll(async () => {
  const dir = syntheticRunFolder({
    scenario: twoArmScenario({
      description: `Described as ${HOSTILE} & ${HOSTILE_ATTR}`,
      question: `Which wins? ${HOSTILE}`,
      arms: [
        { name: "qa", label: `Q&A ${HOSTILE}` },
        { name: "challenge", label: `challenge ${HOSTILE_ATTR}` },
      ],
    }),
    replicates: 6,
  });
  const data = readRunFolder(dir);
  // The scenario schema only allows identifiers as names; a hand-edited manifest could hold anything.
  data.scenario.name = `name ${HOSTILE}`;
  report = await buildReport(data);
  html = renderHtml(report);
});

describe("report.html", () => {
  it("opens with the answer: the question, then the headline sentence", () => {
    const h1 = html.indexOf("<h1>");
    const answer = html.indexOf('id="answer"');
    const firstChart = html.indexOf('<figure class="chart"');
    expect(h1).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(h1);
    expect(firstChart).toBeGreaterThan(answer);
    const headline = report.comparisons.find((c) => c.metric === "coinsPerLiveHour")!;
    const sentence = html.indexOf(headline.sentence.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    expect(sentence).toBeGreaterThan(answer);
    expect(sentence).toBeLessThan(firstChart);
  });

  it("holds every chart with its SVG and its spec with data", () => {
    for (const chart of report.charts) {
      expect(html).toContain(`<figure class="chart" id="chart-${chart.id}"`);
      expect(embedded(html, `spec-${chart.id}`)).toEqual(JSON.parse(JSON.stringify(chart.spec)));
    }
    expect(html.match(/<svg /g)?.length).toBe(report.charts.length);
    expect(embedded(html, "giftsim-report")).toMatchObject({ format: "giftsim-report/1", comparisons: expect.any(Array) });
  });

  it("has the comparison table, the calibration table and the run", () => {
    expect(html).toContain('id="comparisons"');
    expect(html).toMatch(/<table class="calibration">[\s\S]*Heavy gifting concentration[\s\S]*0\.80 - 0\.98[\s\S]*badge-inside/);
    expect(html).toContain(report.data.run.scenarioHash);
  });

  it("escapes hostile scenario text everywhere: no script but its own", () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain("<img");
    // The attribute payload survives only as text: outside the bundled libraries, each "onerror" follows an escaped "<img" (HTML, JSON or URI escaped).
    const page = html.replace(/<script>[\s\S]*?<\/script>/g, "");
    const payloads = page.match(/onerror/g)?.length ?? 0;
    const escaped = (page.match(/(&lt;img src=x |\\u003cimg src=x |%3Cimg%20src%3Dx%20)onerror/g) ?? []).length;
    expect(payloads).toBeGreaterThan(0);
    expect(escaped).toBe(payloads);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // Executable scripts: vega, vega-lite and the page's own; the rest are JSON data blocks.
    const scripts = html.match(/<script(?: [^>]*)?>/g) ?? [];
    expect(scripts.filter((tag) => tag === "<script>")).toHaveLength(3);
    expect(scripts.filter((tag) => tag !== "<script>").every((tag) => tag.startsWith('<script type="application/json"'))).toBe(true);
    // Embedded JSON keeps the text exactly, escaped for the script element.
    const spec = embedded(html, "spec-revenue-per-arm") as { data: { values: Array<{ cell: string }> } };
    expect(spec.data.values.map((row) => row.cell)).toContain(`Q&A ${HOSTILE}`);
  });

  it("fetches nothing: no external URL in any src or href, and a policy that forbids requests", () => {
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; /);
    expect(html).not.toMatch(/sourceMappingURL/);
  });

  it("without the interactive view it has no executable script at all", () => {
    const plain = renderHtml(report, { interactive: false });
    expect(plain.match(/<script>/g)).toBeNull();
    expect(plain).toContain("script-src &#39;none&#39;");
    expect(plain.length).toBeLessThan(html.length - 500_000);
  });
});

describe("giftsim report DIR and writeReport", () => {
  const dir = syntheticRunFolder({ scenario: twoArmScenario(), replicates: 4 }, join(tempDir("cli"), "run"));

  it("writes DIR/report.html by default", async () => {
    const result = await runCli(["report", dir]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(join(dir, "report.html"));
    expect(readFileSync(join(dir, "report.html"), "utf8")).toMatch(/^<!doctype html>/);
  });

  it("svg writes one SVG per chart; json the figures, comparisons and specs", async () => {
    const svgDir = join(tempDir("svg"), "charts");
    const svg = await writeReport(dir, { format: "svg", out: svgDir });
    expect(readdirSync(svgDir).sort()).toEqual(svg.charts.map((id) => `${id}.svg`).sort());
    for (const file of svg.files) expect(readFileSync(file, "utf8")).toMatch(/^<svg /);
    const json = await writeReport(dir, { format: "json" });
    expect(json.files).toEqual([join(dir, "report.json")]);
    const body = JSON.parse(readFileSync(json.files[0], "utf8")) as { comparisons: Array<{ sentence: string }>; charts: Array<{ spec: object }> };
    expect(body.comparisons.length).toBeGreaterThan(0);
    expect(body.charts.filter((chart) => typeof chart.spec === "object")).toHaveLength(json.charts.length);
  });

  it("a folder that is not a finished run exits 2 with a message and writes nothing", async () => {
    const empty = tempDir("empty");
    const result = await runCli(["report", empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a giftsim run folder \(no manifest\.json/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(empty, "report.html"))).toBe(false);
  });

  it("rejects an unknown format", async () => {
    const result = await runCli(["report", dir, "--format", "pdf"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/format/);
  });
});

describe("report.html reads in the user's terms", () => {
  let threeArms: string;
  let payout: string;

  beforeAll(async () => {
    const arms = [
      { name: "a", label: "Arm A" },
      { name: "b", label: "Arm B" },
      { name: "c", label: "Arm C" },
    ];
    threeArms = renderHtml(await buildReport(readRunFolder(syntheticRunFolder({ scenario: twoArmScenario({ arms, metrics: ["coinsPerLiveHour"] }), replicates: 5 }))), { interactive: false });
    const sweep = { "economy.policy.payoutThresholdMicros": [100_000_000, 50_000_000] };
    const folder = syntheticRunFolder({
      scenario: twoArmScenario({ arms: undefined, sweep, metrics: ["meanDaysToFirstPayout", "creatorsPaidShare"] }),
      replicates: 6,
      metric: (name, { pointIndex, replicate }) => (name === "meanDaysToFirstPayout" ? (pointIndex === 0 ? 34 : 20) + (replicate % 3) : name === "creatorsPaidShare" ? 0.3 + 0.2 * pointIndex : undefined),
    });
    payout = renderHtml(await buildReport(readRunFolder(folder)), { interactive: false });
  });

  it("has a pairwise table when there are more than two arms (regression: only each against the base)", () => {
    const table = /<table class="pairwise-table" data-metric="coinsPerLiveHour">([\s\S]*?)<\/table>/.exec(threeArms)?.[1] ?? "";
    expect(table.match(/<tr><td>/g)).toHaveLength(3);
    expect(table).toContain("<td>Arm C</td><td>Arm B</td>");
  });

  it("colours a fall in days to first payout as good news and names the threshold in dollars (regression: red, and payoutThresholdMicros = 50000000)", () => {
    expect(payout).toMatch(/<li class="headline verdict-better">Days to first payout \(paid creators\): \d+% less with payout threshold \$50 \(\d+\.?\d*\) than with payout threshold \$100/);
    expect(payout).toContain('<td class="verdict-better">lower (better)</td>');
    expect(payout).not.toContain("payoutThresholdMicros = ");
    expect(payout).toContain('id="chart-payout-survival"');
  });

  it("says what a replicate is (regression: \"USD per replicate\" with replicate never explained)", () => {
    expect(payout).toMatch(/A replicate is one simulated run of the whole world .* with its own random seed/);
  });
});
