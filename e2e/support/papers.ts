import { randomInt } from "node:crypto";
import { query } from "./db";

/**
 * A day of `year` that no other spec uses, different for each run: each spec takes a year of its own, far from
 * the demo data's recent days. `offsetDays` moves it on (a second day, later than the first).
 */
export function quietDay(year: number, offsetDays = 0): string {
  const day = Date.UTC(year, 0, 1) + (randomInt(0, 300) + offsetDays) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

export interface PaperFields {
  title?: string;
  authors?: string[];
  thumbnailUrl?: string;
  /** The arXiv announcement it is in (New on arXiv). */
  announcedOn?: string;
}

/**
 * The papers a spec makes, with ids arXiv has not reached yet: `listed` adds one (on the list of `day` unless
 * it is null), `deleteAll` (the spec's afterAll) removes them and the audit entries about them.
 */
export function testPapers() {
  const created: string[] = [];
  return {
    async listed(day: string | null, fields: PaperFields = {}) {
      const id = `2612.${String(randomInt(10_000, 99_999))}`;
      const title = fields.title ?? `E2E paper ${id}`;
      await query(
        `insert into "Paper" (id, title, abstract, authors, categories, "publishedAt", "thumbnailUrl", "announcedOn",
           "announceType", "updatedAt")
         values ($1, $2, 'An abstract.', $3, array['cs.CL'], now(), $4, $5::date, $6, now())`,
        [
          id,
          title,
          fields.authors ?? ["A. Writer"],
          fields.thumbnailUrl ?? null,
          fields.announcedOn ?? null,
          fields.announcedOn ? "new" : null,
        ],
      );
      created.push(id);
      if (day) await query(`insert into "DailyPaper" ("paperId", day) values ($1, $2::date)`, [id, day]);
      return { id, title };
    },
    async deleteAll() {
      const ids = created.splice(0);
      if (!ids.length) return;
      await query(`delete from "AdminAction" where "targetId" = any($1)`, [ids]);
      await query(`delete from "Paper" where id = any($1)`, [ids]);
    },
  };
}
