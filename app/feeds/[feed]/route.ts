import type { NextRequest } from "next/server";
import { answerText } from "@/lib/api/handler";
import { FEED_CONTENT_TYPES, getFeedXml, parseFeedFile } from "@/lib/feeds/build";
import { CATEGORY_MESSAGE, parseCategory } from "@/lib/papers/categories";

function text(body: string, status: number): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * `/feeds/daily.xml`, `/feeds/daily.atom`, `/feeds/trending.xml`, `/feeds/trending.atom`, each optionally
 * `?category=cs.CL` (a malformed or repeated category is a 400 with a sentence).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ feed: string }> }) {
  const file = parseFeedFile((await params).feed);
  if (!file) return text("Not found", 404);
  const values = request.nextUrl.searchParams.getAll("category");
  const category = values.length === 0 ? null : values.length === 1 ? parseCategory(values[0]!) : null;
  if (values.length > 0 && category === null) return text(`${CATEGORY_MESSAGE}.`, 400);
  return answerText(`GET /feeds/${file.name}`, async () => {
    const xml = await getFeedXml(file.name, file.format, category);
    return new Response(xml, {
      headers: { "Content-Type": FEED_CONTENT_TYPES[file.format], "Cache-Control": "public, max-age=300" },
    });
  });
}
