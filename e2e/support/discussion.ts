import { randomInt } from "node:crypto";
import { query } from "./db";

// Papers made for the discussion specs; each spec deletes them in its afterAll (`deleteNewPapers`).
const papers: string[] = [];

/** A paper nobody else uses (by "E2E Reader", the users fixture's display name), optionally on a day's list. */
export async function newPaper(options: { day?: string; submittedBy?: string; oldStyle?: boolean } = {}) {
  const id = options.oldStyle
    ? `hep-th/99${String(randomInt(1, 12)).padStart(2, "0")}${String(randomInt(0, 1000)).padStart(3, "0")}`
    : `2611.${String(randomInt(10_000, 99_999))}`;
  const title = `Discussing $\\alpha$-paper ${id}`;
  await query(
    `insert into "Paper" (id, title, abstract, authors, "publishedAt", "updatedAt")
     values ($1, $2, 'An abstract.', array['Someone Else', 'E2E Reader'], now(), now())
     on conflict (id) do nothing`,
    [id, title],
  );
  if (options.day) {
    await query(`insert into "DailyPaper" ("paperId", day, "submittedById") values ($1, $2::date, $3)`, [
      id,
      options.day,
      options.submittedBy ?? null,
    ]);
  }
  papers.push(id);
  return { id, title };
}

/** Deletes the papers `newPaper` made (and so their comments). */
export async function deleteNewPapers() {
  const ids = papers.splice(0);
  if (ids.length) await query(`delete from "Paper" where id = any($1)`, [ids]);
}

/** A paper's comment counter beside its actual number of comment rows. */
export async function commentRow(paperId: string) {
  const [paper] = await query<{ commentCount: number }>(`select "commentCount" from "Paper" where id = $1`, [paperId]);
  const [rows] = await query<{ n: string }>(`select count(*) as n from "Comment" where "paperId" = $1`, [paperId]);
  return { counter: paper?.commentCount, rows: Number(rows?.n) };
}
