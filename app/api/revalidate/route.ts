import type { NextRequest } from "next/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/responses";
import { cacheTags } from "@/lib/cache-tags";
import { expireDataCache } from "@/lib/page-cache/data-cache";
import { invalidateEverywhere, invalidatePagesHere } from "@/lib/page-cache/changes";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { isRevalidationAuthorized } from "@/lib/page-cache/revalidate";

const tagSchema = z.union([
  z.literal(cacheTags.all),
  z.literal(cacheTags.lists),
  z
    .string()
    .max(80)
    .refine((tag) => tag.startsWith("paper:") && parseArxivId(tag.slice(6)) === tag.slice(6), "Not a cache tag."),
]);
const bodySchema = z.object({
  tags: z.array(tagSchema).min(1).max(100),
  mode: z.enum(["expire", "stale"]).default("expire"),
  scope: z.enum(["everywhere", "here"]).default("everywhere"),
});

/**
 * `POST /api/revalidate` with `Authorization: Bearer <token>` and `{ "tags": ["papers"] }`: drops what the
 * app cached under those tags (see lib/page-cache/revalidate.ts; imports outside the app call it), on this server and,
 * through the change feed, on every other app server of the same database. With `"mode": "stale"` the
 * stored pages are marked stale instead, to be refreshed while still served (Next's data cache entries
 * under the tags are dropped either way: see `expireDataCache`). `"scope": "here"` is the front server
 * relaying a vote or another server's change into this process's Next.js: nothing is announced again.
 * 204 when done, 401 without the token, 400 for a body that names no known tag.
 */
export async function POST(request: NextRequest) {
  if (!isRevalidationAuthorized(request.headers.get("authorization"))) {
    return jsonError(401, "This endpoint needs the revalidation token.");
  }
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return jsonError(400, "Name the cache tags to drop: { tags: [...] }.");
  const { tags, mode, scope } = body.data;
  expireDataCache(tags, mode);
  if (scope === "here") invalidatePagesHere(tags, mode);
  else invalidateEverywhere(tags, mode);
  return new Response(null, { status: 204 });
}
