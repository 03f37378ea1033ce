import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { quietDay, testPapers } from "./support/papers";
import { dayPath, paperPath } from "../lib/urls";

// Pages as Markdown for agents: `/papers/<id>.md` (what Hugging Face's `HfApi.read_paper` asks for: a GET of
// `{endpoint}/papers/{id}.md`, its text taken as it is), `Accept: text/markdown`, and a day's list.

const papers = testPapers();
/** The markdown spec's days are in 1992 (e2e/support/papers.ts). */
const YEAR = 1992;

test.afterAll(() => papers.deleteAll());

test("a paper and a day as Markdown, beside the HTML page at the same address", async ({ request }) => {
  const day = quietDay(YEAR);
  const paper = await papers.listed(day, {
    title: "Markdown walk: attention for $n$ tokens",
    authors: ["Ada Lovelace"],
  });

  // The HTML page first, so the page cache holds it: the Markdown answer must not come from (or replace) it.
  expect((await request.get(paperPath(paper.id))).headers()["content-type"]).toContain("text/html");

  const md = await request.get(`${paperPath(paper.id)}.md`);
  expect(md.status()).toBe(200);
  expect(md.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  const text = await md.text();
  expect(text.split("\n")[0]).toBe("# Markdown walk: attention for $n$ tokens");
  expect(text).toContain("- **Authors:** Ada Lovelace");
  expect(text).toContain(`- **arXiv:** [${paper.id}](https://arxiv.org/abs/${paper.id})`);
  expect(text).toContain("## Abstract\n\nAn abstract.");

  const negotiated = await request.get(paperPath(paper.id), { headers: { Accept: "text/markdown" } });
  expect(negotiated.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(await negotiated.text()).toBe(text);
  expect((await request.get(paperPath(paper.id))).headers()["content-type"]).toContain("text/html");

  const versioned = await request.get(`${paperPath(paper.id)}v3.md`, { maxRedirects: 0 });
  expect(versioned.status()).toBe(308);
  expect(versioned.headers().location).toBe(`${paperPath(paper.id)}.md`);

  const dayText = await (await request.get(`${dayPath(day)}.md`)).text();
  expect(dayText).toMatch(/^# Daily Papers — /);
  expect(dayText).toContain("## 1. Markdown walk: attention for $n$ tokens");

  // Hidden by an admin: gone as Markdown too.
  await query(`update "Paper" set "hiddenAt" = now() where id = $1`, [paper.id]);
  expect((await request.get(`${paperPath(paper.id)}.md`)).status()).toBe(404);
  for (const path of ["/papers/2612.00000.md", "/papers/date/1992-02-30.md"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
