// Screenshots the first screen of a report for the README:
//   node scripts/report-screenshot.mjs out/qa-vs-challenge/report.html docs/report-screenshot.png
// Waits for the live charts to draw, then captures the answer (question, sentence, table, lift chart).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";

const [report, out = "docs/report-screenshot.png", height = "1100"] = process.argv.slice(2);
if (!report) {
  process.stderr.write("usage: node scripts/report-screenshot.mjs REPORT.html [OUT.png] [HEIGHT]\n");
  process.exit(2);
}
const browser = await launchChromium({ width: 1100, height: Number(height) });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(resolve(report)).href, { waitUntil: "load" });
  await page.waitForFunction(() => [...document.querySelectorAll("figure.chart")].every((figure) => figure.hasAttribute("data-interactive")), null, { timeout: 30_000 });
  await page.screenshot({ path: out });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
}
