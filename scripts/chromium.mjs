// Headless Chromium for the report's browser test and README screenshot: Debian's chromium
// (scripts/ensure-browser.sh installs it before `npm test`), driven by playwright-core. The
// flags keep a browser on a closed network quiet: no background services, component updates,
// sync or QUIC probes, and a fresh profile per launch.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** Where the browser is expected (GIFTSIM_CHROMIUM overrides). */
export const CHROMIUM = process.env.GIFTSIM_CHROMIUM ?? "/usr/bin/chromium";

/** Whether the browser is installed. */
export function chromiumInstalled() {
  return existsSync(CHROMIUM);
}

/** Launches headless Chromium with a fresh profile; close the returned context when done. */
export function launchChromium({ width = 1200, height = 900 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "giftsim-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}
