import { getDiscussion } from "@/lib/comments/data";
import { isPlausibleDay, parseDay } from "@/lib/dates/days";
import { appUrl } from "@/lib/env";
import { dayMarkdown, paperMarkdown } from "@/lib/markdown/pages";
import { getDailyList, getPaper } from "@/lib/papers/data";
import { idFromSegments } from "@/lib/papers/paper-route";
import { paperPath } from "@/lib/urls";

type Params = { params: Promise<{ kind: string; key: string[] }> };

/** Most papers a day's Markdown lists (the day's page pages them; an agent wants the day at once). */
const DAY_PAPERS = 100;

/**
 * Pages as Markdown (lib/markdown/pages.ts): `GET /markdown/paper/<id>` and `/markdown/day/<day>`, which the
 * public addresses rewrite to (next.config.ts): `/papers/<id>.md`, `/papers/date/<day>.md`, and
 * `/papers/<id>` asked with `Accept: text/markdown`. A versioned id redirects to the bare one; anything else
 * not there is a plain 404.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { kind, key } = await params;
  if (kind === "paper") {
    const parsed = idFromSegments(key);
    if (!parsed) return notFound("No such paper.");
    if (!parsed.canonical) {
      return new Response(null, { status: 308, headers: { Location: `${paperPath(parsed.id)}.md` } });
    }
    const [paper, discussion] = await Promise.all([getPaper(parsed.id), getDiscussion(parsed.id)]);
    if (!paper) return notFound("No such paper.");
    return markdown(paperMarkdown(paper, discussion?.comments ?? [], appUrl()));
  }
  if (kind === "day" && key.length === 1) {
    const day = parseDay(key[0]!);
    if (!day || !isPlausibleDay(day)) return notFound("No such day.");
    const list = await getDailyList(day, 1, { pageSize: DAY_PAPERS });
    return markdown(dayMarkdown(day, list.papers, list.total, appUrl()));
  }
  return notFound("Not found.");
}

function markdown(text: string): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      Vary: "Accept",
    },
  });
}

function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
