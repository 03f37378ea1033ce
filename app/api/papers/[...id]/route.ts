import { appUrl } from "@/lib/env";
import { answerJson } from "@/lib/api/handler";
import { apiError, apiJson } from "@/lib/api/responses";
import { answerComments, isCommentsPath } from "@/lib/api/comments";
import { toPaperJson } from "@/lib/api/shapes";
import { getPaper } from "@/lib/papers/data";
import { idFromSegments } from "@/lib/papers/paper-route";

/**
 * `GET /api/papers/{arxivId}`: one paper (`hep-th/9901001` and `2501.12948v2` work; the version is dropped).
 * `GET /api/papers/{arxivId}/comments`: its comments (lib/api/comments.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string[] }> }) {
  return answerJson("GET /api/papers/{id}", async () => {
    const segments = (await params).id;
    // `/api/papers/{id}/comments` lands here too (the id itself may contain a slash).
    if (isCommentsPath(segments)) return answerComments(segments);
    const parsed = idFromSegments(segments);
    if (!parsed) return apiError(400, "not an arXiv id: expected e.g. 2501.12948 or hep-th/9901001");
    const paper = await getPaper(parsed.id);
    if (!paper) return apiError(404, `no paper ${parsed.id} here`);
    return apiJson(toPaperJson(paper, appUrl()));
  });
}
