import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerVote, MAX_VOTE_BODY_BYTES, VOTE_PATH, voteTooLarge, type VoteAnswer } from "@/lib/upvotes/vote-endpoint";

/** Whether `req` is a vote the front server answers itself (other methods go to Next.js, which refuses them). */
export function isVoteRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && (req.url ?? "").split("?", 1)[0] === VOTE_PATH;
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        return resolve(null);
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Answers `POST /api/upvotes` on node:http (lib/upvotes/vote-endpoint.ts), calling `onCounted` with the
 * paper once a vote is stored, for the caches to follow.
 */
export async function serveVote(
  req: IncomingMessage,
  res: ServerResponse,
  onCounted: (paperId: string) => void,
): Promise<void> {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const body = await readBody(req, MAX_VOTE_BODY_BYTES);
  // The rest of a body too large was not read: the connection closes after the answer.
  if (body === null) return send(res, voteTooLarge(), { Connection: "close" });
  const answer = await answerVote({
    contentType: header("content-type"),
    origin: header("origin"),
    host: header("x-forwarded-host") ?? header("host"),
    cookie: header("cookie"),
    body,
  });
  if (answer.counted) onCounted(answer.counted);
  send(res, answer);
}

function send(res: ServerResponse, answer: VoteAnswer, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(answer.status, { ...answer.headers, ...extraHeaders });
  res.end(JSON.stringify(answer.result));
}
