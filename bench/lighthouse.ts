/**
 * Lighthouse's mobile performance audit of one page (its default: a mid-range phone on a slow 4G network,
 * the CPU slowed 4×, throttling simulated from the observed trace), in Debian's chromium, headless. Scores
 * move between runs, so the bench takes the median of a few (Lighthouse's own advice).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface LighthouseFigures {
  /** 0–100. */
  score: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  firstContentfulPaintMs: number;
  speedIndexMs: number;
  cumulativeLayoutShift: number;
}

const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function auditOnce(port: number, url: string): Promise<LighthouseFigures> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no report for ${url}.`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    totalBlockingTimeMs: numeric("total-blocking-time"),
    largestContentfulPaintMs: numeric("largest-contentful-paint"),
    firstContentfulPaintMs: numeric("first-contentful-paint"),
    speedIndexMs: numeric("speed-index"),
    cumulativeLayoutShift: numeric("cumulative-layout-shift"),
  };
}

/** The run with the median score of `runs` audits of `url`, and every run's score. */
export async function lighthouseMobile(
  url: string,
  runs: number,
): Promise<{ median: LighthouseFigures; scores: number[] }> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: "error" });
  try {
    const results: LighthouseFigures[] = [];
    for (let i = 0; i < runs; i++) results.push(await auditOnce(chrome.port, url));
    const sorted = [...results].sort((a, b) => a.score - b.score);
    return { median: sorted[Math.floor(sorted.length / 2)]!, scores: results.map((r) => r.score) };
  } finally {
    chrome.kill();
  }
}
