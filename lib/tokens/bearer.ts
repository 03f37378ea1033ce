import "server-only";
import { findTokenByHash } from "@/lib/tokens/data";
import { LAST_USED_RESOLUTION_MS, noteTokenUsed } from "@/lib/tokens/mutations";
import { TOKEN_FORMAT } from "@/lib/tokens/schema";
import { hashTokenSecret } from "@/lib/tokens/secret";

/** A member as a token speaks for them, and what it may do. */
export interface TokenMember {
  userId: string;
  tokenId: string;
  /** The token may upvote and take votes back; without it, it only reads. */
  mayVote: boolean;
}

/**
 * What an `Authorization` header says: no token (`absent`: no header, or another scheme than Bearer), a token
 * refused (`invalid`, with a sentence for the client), or a member.
 */
export type BearerResult =
  { status: "absent" } | { status: "invalid"; reason: string } | { status: "valid"; member: TokenMember };

const MALFORMED = "The bearer token is malformed: a Daily Papers token starts with dp_ and has 46 characters.";
const UNKNOWN = "The bearer token is not valid: it was revoked, or never made here.";

/**
 * Turns an `Authorization: Bearer dp_…` header into the member and the token's rights, or a refusal: the one
 * check for every machine route that takes personal tokens (/mcp; the members-only gate may take it too). A
 * malformed token is refused without a query; a well-formed one is looked up by its hash (only hashes are
 * stored), and its "last used" is written at most once a minute.
 */
export async function authenticateBearer(authorization: string | null | undefined): Promise<BearerResult> {
  const header = authorization?.trim();
  if (!header) return { status: "absent" };
  const match = /^(\S+)(?:\s+(.*))?$/.exec(header);
  if (match?.[1]?.toLowerCase() !== "bearer") return { status: "absent" };
  const secret = match[2]?.trim() ?? "";
  if (!TOKEN_FORMAT.test(secret)) return { status: "invalid", reason: MALFORMED };
  const token = await findTokenByHash(hashTokenSecret(secret));
  if (!token) return { status: "invalid", reason: UNKNOWN };
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await noteTokenUsed(token.id, now);
  }
  return { status: "valid", member: { userId: token.userId, tokenId: token.id, mayVote: token.mayVote } };
}
