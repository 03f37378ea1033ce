import type { NextRequest } from "next/server";
import { appUrl } from "@/lib/env";
import { answerJson } from "@/lib/api/handler";
import { jsonError } from "@/lib/api/responses";
import { INVALID_QUERY_MESSAGE, queryObject, recommendationsQuerySchema } from "@/lib/api/schema";
import { toDailyPaperItem } from "@/lib/api/shapes";
import { sessionTokenIn } from "@/lib/auth/session-cookie";
import { withDetails } from "@/lib/papers/data";
import { consumeAllowance, rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { getForYou } from "@/lib/recommend/data";
import { getSessionUserId } from "@/lib/upvotes/data";
import { firstIssueMessage } from "@/lib/validation";

/** This member's own answer: never stored by a browser's or a proxy's cache. */
const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" } as const;

/**
 * `GET /api/recommendations?limit=30`: the signed-in member's For you (lib/recommend/), as items of
 * `/api/daily_papers` each with its `reason`. 401 without a live session, 429 past the member's limit.
 */
export async function GET(request: NextRequest) {
  return answerJson("GET /api/recommendations", async () => {
    const token = sessionTokenIn((name) => request.cookies.get(name)?.value);
    const userId = token ? await getSessionUserId(token) : null;
    if (!userId) return jsonError(401, "Sign in to get the papers picked for you.", PRIVATE);
    const query = recommendationsQuerySchema.safeParse(queryObject(request.nextUrl.searchParams));
    if (!query.success) return jsonError(400, firstIssueMessage(query.error, INVALID_QUERY_MESSAGE), PRIVATE);
    const allowance = await consumeAllowance(rateLimit("recommendations"), userId);
    if (!allowance.allowed) {
      return jsonError(429, `Too many requests for recommendations. ${tryAgainIn(allowance.retryAfterSeconds)}`, {
        ...PRIVATE,
        "Retry-After": String(allowance.retryAfterSeconds),
      });
    }
    const { items } = await getForYou(userId, query.data.limit);
    const details = new Map((await withDetails(items.map((item) => item.paper))).map((paper) => [paper.id, paper]));
    const baseUrl = appUrl();
    return Response.json(
      items.flatMap(({ paper, reason }) => {
        const detail = details.get(paper.id);
        return detail ? [{ ...toDailyPaperItem(detail, baseUrl), reason }] : [];
      }),
      { headers: PRIVATE },
    );
  });
}
