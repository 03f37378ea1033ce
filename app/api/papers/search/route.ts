import type { NextRequest } from "next/server";
import { appUrl } from "@/lib/env";
import { answerJson } from "@/lib/api/handler";
import { apiError, apiJson } from "@/lib/api/responses";
import { INVALID_QUERY_MESSAGE, paperSearchQuerySchema, queryObject } from "@/lib/api/schema";
import { firstIssueMessage } from "@/lib/validation";
import { searchApiPapers } from "@/lib/api/data";
import { toDailyPaperItem } from "@/lib/api/shapes";

/** `GET /api/papers/search?q=&limit=`: full-text search, best matches first, as daily-papers items. */
export async function GET(request: NextRequest) {
  return answerJson("GET /api/papers/search", async () => {
    const query = paperSearchQuerySchema.safeParse(queryObject(request.nextUrl.searchParams));
    if (!query.success) return apiError(400, firstIssueMessage(query.error, INVALID_QUERY_MESSAGE));
    const papers = await searchApiPapers(query.data.q, query.data.limit);
    const baseUrl = appUrl();
    return apiJson(papers.map((paper) => toDailyPaperItem(paper, baseUrl)));
  });
}
