import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe-core for a page, run in the page itself. @axe-core/playwright's default mode opens a blank page for every
 * analysis to merge the results of cross-origin frames; our pages have none (the digest preview's frame is
 * same-origin, which this mode covers), and the blank page doubled each analysis's time (measured 2.2–5.8 s
 * against 1.6–2.9 s a page). Pinned at 4.13.0: 4.14 declares Node ≥ 22.12, and `npm install` warned of it on Node 20
 * (4.13.0's hang on the digest preview's sandboxed frame was its default mode's, not this one's).
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(true);
}
