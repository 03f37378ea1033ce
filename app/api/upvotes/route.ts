import type { NextRequest } from "next/server";
import { expireDataCache } from "@/lib/page-cache/data-cache";
import { stalePages } from "@/lib/page-cache/invalidate";
import { tagsStaleAfterVote } from "@/lib/upvotes/after-vote";
import { answerVote, MAX_VOTE_BODY_BYTES, voteTooLarge, type VoteAnswer } from "@/lib/upvotes/vote-request";

/**
 * `POST /api/upvotes` under `next dev` and `next start` (lib/upvotes/vote-request.ts says what it takes and
 * answers). `npm start`'s front server answers the same requests itself, without this round through Next.js.
 */
export async function POST(request: NextRequest) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const body = declared > MAX_VOTE_BODY_BYTES ? null : await request.text();
  if (body === null || Buffer.byteLength(body) > MAX_VOTE_BODY_BYTES) return send(voteTooLarge());
  const answer = await answerVote({
    contentType: request.headers.get("content-type") ?? undefined,
    origin: request.headers.get("origin") ?? undefined,
    host: request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? undefined,
    cookie: request.headers.get("cookie") ?? undefined,
    body,
  });
  if (answer.counted) {
    const stale = tagsStaleAfterVote(answer.counted);
    expireDataCache(stale.data, "stale");
    stalePages(...stale.pages);
  }
  return send(answer);
}

function send(answer: VoteAnswer): Response {
  return Response.json(answer.result, { status: answer.status, headers: answer.headers });
}
