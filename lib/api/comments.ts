import "server-only";
import { getApiComments } from "@/lib/comments/data";
import { apiError, apiJson } from "@/lib/api/responses";
import { idFromSegments } from "@/lib/papers/paper-route";

/**
 * Whether the segments of `/api/papers/[...id]` ask for a paper's comments (`…/2501.12948/comments`,
 * `…/hep-th/9901001/comments`): the catch-all route (old-style ids contain a slash) hands those here.
 */
export function isCommentsPath(segments: string[]): boolean {
  return segments.length > 1 && segments.at(-1) === "comments";
}

/**
 * `GET /api/papers/{id}/comments`: the paper's comments and replies in thread order, each with its Markdown
 * and the sanitised HTML the site shows. 400 for a malformed id, 404 for an unknown or hidden paper.
 */
export async function answerComments(segments: string[]): Promise<Response> {
  const parsed = idFromSegments(segments.slice(0, -1));
  if (!parsed) return apiError(400, "not an arXiv id: expected e.g. 2501.12948/comments or hep-th/9901001/comments");
  const comments = await getApiComments(parsed.id);
  if (!comments) return apiError(404, `no paper ${parsed.id} here`);
  return apiJson(comments);
}
