import type { NextRequest } from "next/server";
import { papersChanged } from "@/lib/page-cache/invalidate";
import { answerVote, MAX_VOTE_BODY_BYTES, voteTooLarge, type VoteAnswer } from "@/lib/upvotes/vote-endpoint";

/**
 * `POST /api/upvotes` under `next dev` (lib/upvotes/vote-endpoint.ts says what it takes and answers). In
 * production the front server (lib/page-cache/front-server.ts) answers the same requests with the same
 * function and the same invalidation, without this round through Next.js.
 */
export async function POST(request: NextRequest) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const body = declared > MAX_VOTE_BODY_BYTES ? null : await readAtMost(request, MAX_VOTE_BODY_BYTES);
  if (body === null) return send(voteTooLarge());
  const answer = await answerVote({
    contentType: request.headers.get("content-type") ?? undefined,
    origin: request.headers.get("origin") ?? undefined,
    host: request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? undefined,
    cookie: request.headers.get("cookie") ?? undefined,
    body,
  });
  if (answer.counted) papersChanged([answer.counted], "counted");
  return send(answer);
}

/** The body as text, or null once it passes `limit` bytes (a chunked body declares no length: read no further). */
async function readAtMost(request: NextRequest, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(answer: VoteAnswer): Response {
  return Response.json(answer.result, { status: answer.status, headers: answer.headers });
}
