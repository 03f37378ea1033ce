import { FEED_CONTENT_TYPES, getFeedXml, parseFeedFile } from "@/lib/feeds/build";

/** `/feeds/daily.xml`, `/feeds/daily.atom`, `/feeds/trending.xml`, `/feeds/trending.atom`. */
export async function GET(_request: Request, { params }: { params: Promise<{ feed: string }> }) {
  const file = parseFeedFile((await params).feed);
  if (!file) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const xml = await getFeedXml(file.name, file.format);
  return new Response(xml, {
    headers: { "Content-Type": FEED_CONTENT_TYPES[file.format], "Cache-Control": "public, max-age=300" },
  });
}
