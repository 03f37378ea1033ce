import type { NextRequest } from "next/server";
import { answerJson } from "@/lib/api/handler";
import { jsonError } from "@/lib/api/responses";
import { sessionTokenIn } from "@/lib/auth/session-cookie";
import { INVALID_QUERY_MESSAGE, queryObject } from "@/lib/api/schema";
import { firstIssueMessage } from "@/lib/validation";
import { getViewerState } from "@/lib/viewer/data";
import { viewerQuerySchema } from "@/lib/viewer/schema";

/** This reader's own answer: never stored by a browser's or a proxy's cache. */
const PRIVATE = { "Cache-Control": "private, no-store", Vary: "Cookie" } as const;

/**
 * `GET /api/viewer?papers=…&discussion=…`: the reader's part of a page (lib/viewer/data.ts) that every
 * page asks once, beside the page itself, which is the same for everyone (lib/page-cache/).
 */
export async function GET(request: NextRequest) {
  return answerJson("GET /api/viewer", async () => {
    const query = viewerQuerySchema.safeParse(queryObject(request.nextUrl.searchParams));
    if (!query.success) return jsonError(400, firstIssueMessage(query.error, INVALID_QUERY_MESSAGE), PRIVATE);
    const token = sessionTokenIn((name) => request.cookies.get(name)?.value);
    return Response.json(await getViewerState(token, query.data), { headers: PRIVATE });
  });
}
