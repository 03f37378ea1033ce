import { appUrl } from "@/lib/env";
import { answerJson, apiError, apiJson, toPaperJson } from "@/lib/papers/api";
import { getPaper } from "@/lib/papers/data";
import { idFromSegments } from "@/lib/papers/paper-route";

/** `GET /api/papers/{arxivId}`: one paper (`hep-th/9901001` and `2501.12948v2` work; the version is dropped). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string[] }> }) {
  return answerJson("GET /api/papers/{id}", async () => {
    const parsed = idFromSegments((await params).id);
    if (!parsed) return apiError(400, "not an arXiv id: expected e.g. 2501.12948 or hep-th/9901001");
    const paper = await getPaper(parsed.id);
    if (!paper) return apiError(404, `no paper ${parsed.id} here`);
    return apiJson(toPaperJson(paper, appUrl()));
  });
}
