// Types of chromium.mjs for the TypeScript tests that import it.
import type { BrowserContext } from "playwright-core";

/** Where the browser is expected (GIFTSIM_CHROMIUM overrides). */
export const CHROMIUM: string;
/** Whether the browser is installed. */
export function chromiumInstalled(): boolean;
/** Launches headless Chromium with a fresh profile; close the returned context when done. */
export function launchChromium(options?: { width?: number; height?: number }): Promise<BrowserContext>;
