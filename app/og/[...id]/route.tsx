import { ImageResponse } from "next/og";
import { OG_FONT_FAMILY, ogFonts, ogText } from "@/lib/og/fonts";
import { getPaper } from "@/lib/papers/data";
import { idFromSegments } from "@/lib/papers/paper-route";
import { formatAuthors } from "@/lib/text/author-list";
import { latexToPlainText } from "@/lib/text/latex";

/** The OpenGraph / Twitter card image of a paper: 1200×630 PNG with its title, authors and upvotes. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string[] }> }) {
  const parsed = idFromSegments((await params).id);
  const paper = parsed ? await getPaper(parsed.id) : null;
  if (!paper) return new Response("Not found", { status: 404 });
  // Only characters the shipped fonts draw: the renderer would fetch any other glyph from the internet.
  const title = ogText(latexToPlainText(paper.title));
  const authors = ogText(formatAuthors(paper.authors, 4));
  const image = new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        width: "100%",
        height: "100%",
        padding: 72,
        background: "#09090b",
        color: "#fafafa",
        fontFamily: OG_FONT_FAMILY,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 28, color: "#fbbf24" }}>
        <div
          style={{
            display: "flex",
            width: 48,
            height: 48,
            borderRadius: 10,
            background: "#fbbf24",
            color: "#09090b",
            alignItems: "center",
            justifyContent: "center",
            fontSize: 22,
            fontWeight: 700,
          }}
        >
          DP
        </div>
        Daily Papers
      </div>
      <div style={{ display: "flex", fontSize: title.length > 90 ? 48 : 60, fontWeight: 700, lineHeight: 1.15 }}>
        {title}
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", fontSize: 26, color: "#a1a1aa" }}>
        <div style={{ display: "flex", maxWidth: 860 }}>{authors}</div>
        <div style={{ display: "flex", color: "#fafafa" }}>▲ {paper.upvoteCount}</div>
      </div>
    </div>,
    {
      width: 1200,
      height: 630,
      fonts: ogFonts([title, authors, "DP Daily Papers ▲ 0123456789"]),
      headers: { "Cache-Control": "public, max-age=3600" },
    },
  );
  // Drawn before answering, so a failure is an error answer rather than a cut connection.
  return new Response(await image.arrayBuffer(), { headers: image.headers });
}
