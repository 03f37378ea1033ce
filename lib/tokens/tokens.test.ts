import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { answerMcpPost } from "@/lib/mcp/endpoint";
import { MEMBER_CAPS } from "@/lib/rate-limits";
import { authenticateBearer } from "@/lib/tokens/bearer";
import { getAccessTokens } from "@/lib/tokens/data";
import { createAccessToken, noteTokenUsed, revokeAccessToken, TOKEN_CAP_MESSAGE } from "@/lib/tokens/mutations";
import { createTokenSchema, TOKEN_FORMAT } from "@/lib/tokens/schema";
import { voteAsMember } from "@/lib/upvotes/mutations";

const run = randomUUID().slice(0, 8);
const member = `tokens_${run}_member`;
const other = `tokens_${run}_other`;
const full = `tokens_${run}_full`;
const paperId = `2612.${String(Date.now() % 90_000).padStart(5, "0")}`;
const hiddenId = `2612.${String((Date.now() + 1) % 90_000).padStart(5, "0")}`;

beforeAll(async () => {
  await prisma.user.createMany({ data: [{ id: member }, { id: other }, { id: full }] });
  await prisma.paper.createMany({
    data: [
      { id: paperId, title: "T", abstract: "x", authors: ["A"], categories: ["cs.CL"], publishedAt: new Date() },
      {
        id: hiddenId,
        title: "H",
        abstract: "x",
        authors: ["A"],
        categories: ["cs.CL"],
        publishedAt: new Date(),
        hiddenAt: new Date(),
      },
    ],
  });
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: [member, other, full] } } });
  await prisma.paper.deleteMany({ where: { id: { in: [paperId, hiddenId] } } });
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("personal access tokens", () => {
  it("stores only the secret's hash, and answers the member and rights for the secret", async () => {
    const { secret, token } = await createAccessToken(member, { name: "Laptop agent", mayVote: true });
    expect(secret).toMatch(TOKEN_FORMAT);
    const row = await prisma.accessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.secretHash).toBe(sha256(secret));
    // Nothing stored holds the secret, whole or in part.
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));
    expect(row).toMatchObject({ userId: member, name: "Laptop agent", mayVote: true, lastUsedAt: null });

    const auth = await authenticateBearer(`Bearer ${secret}`);
    expect(auth).toEqual({ status: "valid", member: { userId: member, tokenId: token.id, mayVote: true } });
    // The scheme is case-insensitive (RFC 7235); spaces around the token are forgiven.
    expect((await authenticateBearer(`bearer   ${secret} `)).status).toBe("valid");
    // Two secrets are never alike.
    const second = await createAccessToken(member, { name: "Read only", mayVote: false });
    expect(second.secret).not.toBe(secret);
    expect(await authenticateBearer(`Bearer ${second.secret}`)).toMatchObject({ member: { mayVote: false } });
  });

  it("tells no token from a refused one: absent, malformed, unknown", async () => {
    expect(await authenticateBearer(null)).toEqual({ status: "absent" });
    expect(await authenticateBearer("")).toEqual({ status: "absent" });
    // Another scheme is not ours to judge.
    expect(await authenticateBearer("Basic dXNlcjpwYXNz")).toEqual({ status: "absent" });
    for (const header of ["Bearer", "Bearer ", "Bearer abc", "Bearer dp_short", `Bearer dp_${"a".repeat(42)}!`]) {
      expect(await authenticateBearer(header), header).toMatchObject({
        status: "invalid",
        reason: expect.stringContaining("malformed") as unknown,
      });
    }
    const unknown = `dp_${Buffer.alloc(32, 7).toString("base64url")}`;
    expect(await authenticateBearer(`Bearer ${unknown}`)).toMatchObject({
      status: "invalid",
      reason: expect.stringContaining("revoked") as unknown,
    });
  });

  it("revokes: the secret is refused at once; another member cannot revoke it", async () => {
    const { secret, token } = await createAccessToken(member, { name: "To revoke", mayVote: false });
    await expect(revokeAccessToken(other, token.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await authenticateBearer(`Bearer ${secret}`)).status).toBe("valid");
    await revokeAccessToken(member, token.id);
    expect((await authenticateBearer(`Bearer ${secret}`)).status).toBe("invalid");
    await expect(revokeAccessToken(member, token.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getAccessTokens(member)).map((t) => t.id)).not.toContain(token.id);
  });

  it("writes last used at most once a minute per token", async () => {
    const { secret, token } = await createAccessToken(member, { name: "Busy agent", mayVote: false });
    const lastUsed = async () => (await prisma.accessToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    await authenticateBearer(`Bearer ${secret}`);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await Promise.all([1, 2, 3].map(() => authenticateBearer(`Bearer ${secret}`)));
    expect(await lastUsed()).toEqual(first);
    // Within the minute, even a direct note changes nothing; after it, the note is written.
    await noteTokenUsed(token.id, new Date(first!.getTime() + 59_000));
    expect(await lastUsed()).toEqual(first);
    const later = new Date(first!.getTime() + 61_000);
    await noteTokenUsed(token.id, later);
    expect(await lastUsed()).toEqual(later);
    // A token last used over a minute ago is noted again by its next request.
    await prisma.accessToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await authenticateBearer(`Bearer ${secret}`);
    expect(Date.now() - (await lastUsed())!.getTime()).toBeLessThan(10_000);
  });

  it("refuses a token past the member's cap, also when asked at once", async () => {
    await prisma.accessToken.createMany({
      data: Array.from({ length: MEMBER_CAPS.accessTokens - 2 }, (_, i) => ({
        userId: full,
        name: `t${i}`,
        secretHash: sha256(`${run}-${i}`),
      })),
    });
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => createAccessToken(full, { name: `race ${i}`, mayVote: false })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const refused of results.filter((r) => r.status === "rejected")) {
      expect(refused.reason).toMatchObject({ code: "CONFLICT", message: TOKEN_CAP_MESSAGE });
    }
    expect(await prisma.accessToken.count({ where: { userId: full } })).toBe(MEMBER_CAPS.accessTokens);
  });

  it("lists a member's tokens newest first, without secrets", async () => {
    const tokens = await getAccessTokens(member);
    expect(tokens.length).toBeGreaterThan(0);
    expect(Object.keys(tokens[0]!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "mayVote", "name"]);
    const times = tokens.map((t) => t.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("takes a name of one line and a form's checkbox", () => {
    expect(createTokenSchema.parse({ name: "  My\n agent ", mayVote: "on" })).toEqual({
      name: "My agent",
      mayVote: true,
    });
    expect(createTokenSchema.parse({ name: "x" })).toEqual({ name: "x", mayVote: false });
    expect(createTokenSchema.safeParse({ name: "   " }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "a".repeat(61) }).success).toBe(false);
    expect(createTokenSchema.safeParse({ name: "a\u202eb" }).success).toBe(false);
  });
});

describe("a token's vote", () => {
  it("counts through the site's statement, idempotent, and refuses a hidden paper", async () => {
    expect(await voteAsMember(member, paperId, true)).toEqual({ signedIn: true, upvoted: true, count: 1 });
    expect(await voteAsMember(member, paperId, true)).toEqual({ signedIn: true, upvoted: true, count: 1 });
    expect(await voteAsMember(other, paperId, true)).toEqual({ signedIn: true, upvoted: true, count: 2 });
    expect((await prisma.paper.findUniqueOrThrow({ where: { id: paperId } })).upvoteCount).toBe(2);
    expect(await voteAsMember(member, paperId, false)).toEqual({ signedIn: true, upvoted: false, count: 1 });
    await expect(voteAsMember(member, hiddenId, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await voteAsMember(`tokens_${run}_nobody`, paperId, true)).toEqual({ signedIn: false });
  });
});

describe("POST /mcp with a token", () => {
  const post = (authorization: string) =>
    answerMcpPost(
      new Request("http://localhost/mcp", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          Authorization: authorization,
          "X-Forwarded-For": `10.${run.charCodeAt(0)}.0.1`,
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
      }),
    );

  it("refuses a malformed or revoked token with 401 invalid_token and a JSON-RPC error", async () => {
    const { secret, token } = await createAccessToken(member, { name: "Soon revoked", mayVote: false });
    await revokeAccessToken(member, token.id);
    for (const header of ["Bearer nonsense", `Bearer ${secret}`]) {
      const response = await post(header);
      expect(response.status, header).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
      expect(await response.json()).toMatchObject({
        jsonrpc: "2.0",
        id: null,
        error: { code: -32000, message: expect.stringContaining("/settings#tokens") as unknown },
      });
    }
  });

  it("lists the member's tools for a token, the voting ones only when it may vote", async () => {
    const names = async (header: string) => {
      const response = await post(header);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { tools: { name: string }[] } };
      return body.result.tools.map((tool) => tool.name).sort();
    };
    const reader = await createAccessToken(member, { name: "Reader", mayVote: false });
    const voter = await createAccessToken(member, { name: "Voter", mayVote: true });
    const publicTools = ["daily_papers", "get_paper", "search_papers", "trending_papers"];
    const memberTools = [...publicTools, "for_you", "get_collection", "list_collections"].sort();
    expect(await names(`Bearer ${reader.secret}`)).toEqual(memberTools);
    expect(await names(`Bearer ${voter.secret}`)).toEqual([...memberTools, "remove_upvote", "upvote_paper"].sort());
  });
});
