import type { NextRequest } from "next/server";
import { appUrl } from "@/lib/env";
import { answerJson } from "@/lib/api/handler";
import { apiError, apiJson } from "@/lib/api/responses";
import { listDailyPapers } from "@/lib/api/data";
import { dailyPapersQuerySchema, INVALID_QUERY_MESSAGE, queryObject } from "@/lib/api/schema";
import { firstIssueMessage } from "@/lib/validation";
import { toDailyPaperItem } from "@/lib/api/shapes";

/** `GET /api/daily_papers`: featured papers in the shape of Hugging Face's Daily Papers API. */
export async function GET(request: NextRequest) {
  return answerJson("GET /api/daily_papers", async () => {
    const query = dailyPapersQuerySchema.safeParse(queryObject(request.nextUrl.searchParams));
    if (!query.success) return apiError(400, firstIssueMessage(query.error, INVALID_QUERY_MESSAGE));
    const papers = await listDailyPapers(query.data);
    const baseUrl = appUrl();
    return apiJson(papers.map((paper) => toDailyPaperItem(paper, baseUrl)));
  });
}
