/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * End to end: a real `giftsim run` of a tiny scenario whose text tries to inject markup, its
 * report opened in headless Chromium from file://. The page must make no request beyond
 * itself, log no console error, raise no dialog, and every chart must draw, statically and live.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeReport } from "../../src/report/index.js";
import { runCli } from "../cli.js";
import { chromiumInstalled, CHROMIUM, launchChromium } from "../../scripts/chromium.mjs";
import { fixture, syntheticRunFolder, tempDir, twoArmScenario } from "./helpers.js";

const ARTIFACTS = join(process.cwd(), "test-artifacts");
/** The constants the run's plausible worlds and the sensitivity analysis draw. */
const WORLD_CONSTANTS = "gifting.kappa,formats.challenge.sizeTilt";
const skip = !chromiumInstalled() && process.env.GIFTSIM_SKIP_BROWSER_INSTALL === "1";

let browser: BrowserContext;
let dir: string;
/** A calibration folder whose history's file name tries to inject markup. */
let fit: string;
const HOSTILE_HISTORY = '"><img src=x onerror=alert(6)>.csv';
/** A synthetic three-arm run with differences in both directions and one metric with no better direction. */
let verdicts: string;

interface PageLog {
  consoleErrors: string[];
  failedRequests: string[];
  otherRequests: string[];
  dialogs: string[];
}

async function open(file: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const log: PageLog = { consoleErrors: [], failedRequests: [], otherRequests: [], dialogs: [] };
  page.on("console", (message) => {
    if (message.type() === "error") log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.consoleErrors.push(String(error)));
  page.on("requestfailed", (request) => log.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ""}`));
  page.on("request", (request) => {
    if (request.url() !== url && !request.url().startsWith("data:")) log.otherRequests.push(request.url());
  });
  page.on("dialog", (dialog) => {
    log.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, log };
}

/** Each chart's drawn SVG: its size and how many marks it holds. */
async function charts(page: Page) {
  return page.$$eval("figure.chart", (figures) =>
    figures.map((figure) => {
      const svg = figure.querySelector(".chart-view svg");
      const box = svg?.getBoundingClientRect();
      return {
        id: figure.id,
        interactive: figure.getAttribute("data-interactive"),
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        marks: svg?.querySelectorAll("path, rect, line, circle").length ?? 0,
      };
    }),
  );
}

beforeAll(async () => {
  if (skip) return;
  if (!chromiumInstalled()) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-browser.sh (npm test runs it first)`);
  dir = join(tempDir("e2e"), "run");
  const run = await runCli(["run", fixture("report/hostile-tiny.yaml"), "--out", dir, "--workers", "2", "--quiet", "--uncertainty", WORLD_CONSTANTS]);
  if (run.code !== 0) throw new Error(`giftsim run failed (${run.code}): ${run.stderr}`);
  const sensitivity = await runCli(["sensitivity", fixture("report/hostile-tiny.yaml"), "--out", join(dir, "sensitivity"), "--samples", "2", "--params", WORLD_CONSTANTS, "--quiet"]);
  if (sensitivity.code !== 0) throw new Error(`giftsim sensitivity failed (${sensitivity.code}): ${sensitivity.stderr}`);
  // `giftsim report DIR` itself is tested in report-html.test.ts; here the library renders both pages.
  await writeReport(dir);
  await writeReport(dir, { interactive: false, out: join(dir, "report-static.html") });
  const arms = [
    { name: "a", label: "Arm A" },
    { name: "b", label: "Arm B" },
    { name: "c", label: "Arm C" },
  ];
  const days: Record<string, number> = { a: 30, b: 20, c: 40 };
  verdicts = syntheticRunFolder({
    scenario: twoArmScenario({ arms, metrics: ["meanDaysToFirstPayout", "storeFeeMicros"] }),
    replicates: 6,
    metric: (name, { arm, replicate }) => (name === "meanDaysToFirstPayout" ? days[arm] + (replicate % 3) : undefined),
  });
  await writeReport(verdicts, { interactive: false });
  const history = join(tempDir("fit"), HOSTILE_HISTORY);
  const made = await runCli(["history", "--scenario", fixture("fit/tiny-creator.yaml"), "--out", history]);
  if (made.code !== 0) throw new Error(`giftsim history failed (${made.code}): ${made.stderr}`);
  fit = join(dir, "calibration");
  const fitted = await runCli(["calibrate", "--history", history, "--scenario", fixture("fit/tiny-creator.yaml"), "--params", "population.initialFollowers,population.payerShare", "--particles", "20", "--generations", "2", "--out", fit, "--quiet"]);
  if (fitted.code !== 0) throw new Error(`giftsim calibrate failed (${fitted.code}): ${fitted.stderr}`);
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(skip)("report.html in headless Chromium", () => {
  it("opens offline: no request beyond the file, no console error, no dialog; every chart draws live", async () => {
    const { page, log } = await open(join(dir, "report.html"));
    await page.waitForFunction(() => [...document.querySelectorAll("figure.chart")].every((figure) => figure.hasAttribute("data-interactive")), null, { timeout: 30_000 });
    const drawn = await charts(page);
    await page.screenshot({ path: join(ARTIFACTS, "report-e2e.png"), fullPage: true });
    expect(log).toEqual({ consoleErrors: [], failedRequests: [], otherRequests: [], dialogs: [] });
    expect(drawn.map((chart) => chart.id)).toEqual(expect.arrayContaining(["chart-headline-lift", "chart-revenue-per-arm", "chart-revenue-split", "chart-lorenz", "chart-retention-curves"]));
    for (const chart of drawn) {
      expect(chart.interactive, chart.id).toBe("ready");
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.height, chart.id).toBeGreaterThan(80);
      expect(chart.width, chart.id).toBeLessThan(2000);
      expect(chart.marks, chart.id).toBeGreaterThan(5);
    }
    await page.close();
  });

  it("shows the scenario's markup as text", async () => {
    const { page, log } = await open(join(dir, "report.html"));
    expect(await page.textContent("h1")).toContain("<script>alert(3)</script> Q&A or challenge");
    expect(await page.textContent(".description")).toContain('"><img src=x onerror=alert(2)>');
    expect(await page.$$eval("img", (images) => images.length)).toBe(0);
    expect(log.dialogs).toEqual([]);
    await page.close();
  });

  it("compares every pair of arms in a table, and colours good news green, bad news red, a change with no better direction blue", async () => {
    const { page, log } = await open(join(verdicts, "report.html"));
    await page.screenshot({ path: join(ARTIFACTS, "report-e2e-comparisons.png"), fullPage: true });
    expect(log.consoleErrors).toEqual([]);
    const pairs = await page.$$eval('table.pairwise-table[data-metric="meanDaysToFirstPayout"] tbody tr', (rows) => rows.map((row) => row.textContent));
    expect(pairs).toEqual([expect.stringMatching(/^Arm BArm A.*lower \(better\)$/), expect.stringMatching(/^Arm CArm A.*higher \(worse\)$/), expect.stringMatching(/^Arm CArm B.*higher \(worse\)$/)]);
    const colours = await page.$$eval("[class*='verdict-']", (elements) =>
      elements.map((element) => ({ verdict: [...element.classList].find((name) => name.startsWith("verdict-")), colour: getComputedStyle(element).color })),
    );
    const expected: Record<string, string> = {
      "verdict-better": "rgb(46, 125, 50)",
      "verdict-worse": "rgb(198, 40, 40)",
      "verdict-different": "rgb(46, 90, 172)",
      "verdict-no-clear-difference": "rgb(95, 99, 104)",
      "verdict-not-enough-data": "rgb(95, 99, 104)",
    };
    // Fewer days to a first payout is good news although it is "lower".
    expect(await page.textContent("li.headline")).toMatch(/^Days to first payout \(paid creators\): \d+% less with Arm B/);
    expect(new Set(colours.map((c) => c.verdict))).toEqual(new Set(["verdict-better", "verdict-worse", "verdict-different"]));
    for (const { verdict, colour } of colours) expect(colour, verdict).toBe(expected[verdict ?? ""]);
    await page.close();
  });

  it("says which comparisons are primary, shows their adjusted p-values, the paired bootstrap of every pair and what a month may bring", async () => {
    const { page, log } = await open(join(verdicts, "report.html"));
    expect(log.consoleErrors).toEqual([]);
    expect(await page.textContent("p.multiplicity")).toMatch(
      /^The primary metric is Days to first payout \(paid creators\): its 2 comparisons against the base are the primary family, adjusted together by Holm \(family-wise error rate\); the other 4 comparisons .* are the secondary family/,
    );
    const adjusted = await page.$$eval('table.pairwise-table[data-metric="meanDaysToFirstPayout"] td.adjusted-p', (cells) => cells.map((cell) => cell.textContent));
    expect(adjusted).toEqual([expect.stringMatching(/ \(primary\)$/), expect.stringMatching(/ \(primary\)$/), expect.stringMatching(/ \(secondary\)$/)]);
    // Arm B pays out 10 days sooner than Arm A in every replicate: better in all 6 pairs.
    const paired = await page.$$eval('table.paired-table[data-metric="meanDaysToFirstPayout"] tbody tr', (rows) => rows.map((row) => row.textContent));
    expect(paired).toEqual([expect.stringMatching(/^Arm BArm A6100% \(61% to 100%\)−\d+%/), expect.stringMatching(/^Arm CArm A60% /), expect.stringMatching(/^Arm CArm B60% /)]);
    expect(await page.textContent("li.headline .paired-sentence")).toMatch(/^Paired replicates: Arm B did better in 100% of 6 pairs \(95% CI 61% to 100%\); Arm B against Arm A: median −\d+% \(95% CI /);
    const planning = await page.$$eval("table.planning-table tbody tr", (rows) => rows.map((row) => row.textContent));
    expect(planning).toHaveLength(3 * 2);
    expect(planning[0]).toMatch(/^Arm ACreator earnings(\$[\d,.]+){3}6$/);
    expect(await page.textContent("table.run")).toContain("Primary metricmeanDaysToFirstPayout");
    await page.close();
  });

  it("the static report (no scripts) draws every chart too", async () => {
    const { page, log } = await open(join(dir, "report-static.html"));
    const drawn = await charts(page);
    expect(log).toEqual({ consoleErrors: [], failedRequests: [], otherRequests: [], dialogs: [] });
    expect(drawn.length).toBeGreaterThan(5);
    for (const chart of drawn) {
      expect(chart.interactive, chart.id).toBeNull();
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.marks, chart.id).toBeGreaterThan(5);
    }
    await page.close();
  });

  it("states the answer across plausible worlds, arm labels as text", async () => {
    const { page, log } = await open(join(dir, "report.html"));
    expect(log.dialogs).toEqual([]);
    expect(await page.textContent("ul.worlds li")).toMatch(/^Across 4 plausible worlds \(2 constants drawn from their ranges\): .*Q&A <script>alert\(4\)<\/script>/);
    await page.close();
  });

  it("the calibration report opens offline: the verdict, both charts drawn, the history's file name as text", async () => {
    const { page, log } = await open(join(fit, "report.html"));
    await page.screenshot({ path: join(ARTIFACTS, "calibration-e2e.png"), fullPage: true });
    expect(log).toEqual({ consoleErrors: [], failedRequests: [], otherRequests: [], dialogs: [] });
    expect(await page.textContent("h1")).toBe(`Calibration to ${HOSTILE_HISTORY}`);
    expect(await page.$$eval("img", (images) => images.length)).toBe(0);
    expect(await page.textContent("#verdict")).toMatch(/^The model (can|cannot) reproduce this history: (only )?\d+ of \d+ summary statistics lie inside their 90% predictive bands/);
    const drawn = await charts(page);
    expect(drawn.map((chart) => chart.id)).toEqual(["fit-prior-posterior", "fit-predictive"]);
    for (const chart of drawn) {
      expect(chart.width, chart.id).toBeGreaterThan(200);
      expect(chart.height, chart.id).toBeGreaterThan(150);
      expect(chart.marks, chart.id).toBeGreaterThan(10);
    }
    expect(await page.$$eval("#posterior tbody tr", (rows) => rows.length)).toBe(2);
    await page.close();
  });

  it("sensitivity.html opens offline with its chart of indices and the scenario's markup as text", async () => {
    const { page, log } = await open(join(dir, "sensitivity", "sensitivity.html"));
    await page.screenshot({ path: join(ARTIFACTS, "sensitivity-e2e.png"), fullPage: true });
    expect(log).toEqual({ consoleErrors: [], failedRequests: [], otherRequests: [], dialogs: [] });
    expect(await page.textContent("#sentence")).toMatch(/hinges/);
    const figures = await page.$$eval("figure.chart", (all) => all.map((figure) => ({ caption: figure.querySelector("figcaption")?.textContent ?? "", bars: figure.querySelectorAll("svg rect").length, width: figure.querySelector("svg")?.getBoundingClientRect().width ?? 0 })));
    expect(figures).toHaveLength(3);
    expect(figures[2].caption).toContain('challenge "><img src=x onerror=alert(5)>');
    for (const figure of figures) {
      expect(figure.bars).toBe(4);
      expect(figure.width).toBeGreaterThan(200);
    }
    expect(await page.$$eval("img, script", (elements) => elements.length)).toBe(0);
    await page.close();
  });
});
