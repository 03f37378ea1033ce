import { createHash, randomBytes, randomInt } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { query } from "./support/db";
import { LAB_URL } from "./support/lab-site";
import { quietDay, testPapers } from "./support/papers";
import { expect, test } from "./support/users";

// Personal access tokens for agents (lib/tokens/): made and revoked in Settings, used from the MCP SDK's own
// client against /mcp — the member's For you, collections and votes — on the public site and on the lab's
// members-only one (SITE_ACCESS=members), where /mcp without a token is refused. Its days are in 2006.

const YEAR = 2006;
const papers = testPapers();

test.afterAll(() => papers.deleteAll());

async function connect(origin: string, secret?: string): Promise<Client> {
  const client = new Client({ name: "e2e-tokens", version: "1.0.0" });
  const headers: Record<string, string> = secret ? { Authorization: `Bearer ${secret}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", origin), { requestInit: { headers } }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

function ok(result: CallToolResult): Record<string, unknown> {
  expect(result.isError ?? false, text(result)).toBe(false);
  return result.structuredContent!;
}

/** A hand-made initialize request, to read the HTTP answer a client never shows. */
function initialize(origin: string, authorization?: string): Promise<Response> {
  return fetch(new URL("/mcp", origin), {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "e2e", version: "1" } },
    }),
  });
}

/** A token for `userId` made straight in the database, as Settings would (only its hash stored). */
async function tokenFor(userId: string, mayVote: boolean): Promise<string> {
  const secret = `dp_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(secret).digest("hex");
  await query(
    `insert into "AccessToken" (id, "userId", name, "secretHash", "mayVote") values ($1, $2, 'e2e', $3, $4)`,
    [`tok${randomBytes(8).toString("hex")}`, userId, hash, mayVote],
  );
  return secret;
}

async function makeCollection(ownerId: string, name: string, visibility: string, paperIds: string[]): Promise<string> {
  const id = `col${randomBytes(8).toString("hex")}`;
  await query(
    `insert into "Collection" (id, "ownerId", name, visibility, "updatedAt") values ($1, $2, $3, $4::"CollectionVisibility", now())`,
    [id, ownerId, name, visibility],
  );
  for (const [position, paperId] of paperIds.entries()) {
    await query(`insert into "CollectionItem" ("collectionId", "paperId", position, note) values ($1, $2, $3, $4)`, [
      id,
      paperId,
      position,
      `Note on ${paperId}`,
    ]);
  }
  return id;
}

test("a member makes a token in Settings, and an agent with it reads their For you and collections and votes", async ({
  page,
  context,
  baseURL,
  users,
}) => {
  // A cold server's first Settings and For you cost seconds each on the shared test machine.
  test.slow();
  const origin = baseURL!;
  const word = `numbat${randomInt(1e6, 1e7)}`;
  const liked = await papers.listed(quietDay(YEAR), { title: `Termite mound acoustics of the ${word}` });
  const recent = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const related = await papers.listed(null, { title: `Acoustics of ${word} termite mounds`, announcedOn: recent });
  const target = await papers.listed(quietDay(YEAR, 1), { title: `A paper the agent upvotes ${word}` });
  const member = await users.create();
  const friend = await users.create();
  await query(`insert into "Upvote" ("userId", "paperId") values ($1, $2)`, [member.id, liked.id]);
  const own = await makeCollection(member.id, `Reading ${word}`, "PRIVATE", [liked.id]);
  const shared = await makeCollection(friend.id, `Shared ${word}`, "SHARED", [target.id]);
  await query(`insert into "CollectionShare" ("collectionId", "userId") values ($1, $2)`, [shared, member.id]);
  const secret = await makeCollection(friend.id, `Secret ${word}`, "PRIVATE", [target.id]);

  // Settings: make a token that may vote; its secret is shown once, with the copy button and the configuration.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await member.signIn(context);
  await page.goto("/settings");
  const tokens = page.getByRole("region", { name: "Tokens for agents" });
  await expect(tokens.getByText("None yet.")).toBeVisible();
  await tokens.getByLabel("Name").fill("E2E agent");
  await tokens.getByLabel("May vote").check();
  await tokens.getByRole("button", { name: "Create token" }).click();
  const shown = tokens.getByRole("region", { name: "Your new token “E2E agent”" });
  const secretBox = shown.getByRole("textbox", { name: "Token" });
  await expect(secretBox).toHaveValue(/^dp_[A-Za-z0-9_-]{43}$/);
  const token = await secretBox.inputValue();
  await shown.getByRole("button", { name: "Copy token" }).click();
  await expect(shown.getByRole("status")).toHaveText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(shown).toContainText(`${origin}/mcp`);
  await expect(shown).toContainText(`Authorization: Bearer ${token}`);
  const row = tokens.getByRole("listitem").filter({ hasText: "E2E agent" });
  await expect(row).toContainText("may vote");
  await expect(row).toContainText("never used");
  // Only its hash is stored.
  const [stored] = await query<{ secretHash: string }>(`select "secretHash" from "AccessToken" where "userId" = $1`, [
    member.id,
  ]);
  expect(stored!.secretHash).toBe(createHash("sha256").update(token).digest("hex"));
  await shown.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(shown).toHaveCount(0);

  const client = await connect(origin, token);
  try {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(
      expect.arrayContaining(["for_you", "list_collections", "get_collection", "upvote_paper", "remove_upvote"]),
    );

    // For you: the paper like the one they upvoted, with the reason.
    const forYou = ok(await call(client, "for_you", { limit: 30 })) as {
      papers: { paper: { id: string }; reason: string }[];
    };
    const pick = forYou.papers.find((item) => item.paper.id === related.id);
    expect(pick?.reason).toBe(`Like “${liked.title}” you upvoted`);

    // Collections: their own and the one shared with them, not the friend's private one.
    const listed = ok(await call(client, "list_collections")) as {
      own: { id: string }[];
      sharedWithYou: { id: string }[];
    };
    expect(listed.own.map((c) => c.id)).toEqual([own]);
    expect(listed.sharedWithYou.map((c) => c.id)).toEqual([shared]);
    const sharedOne = ok(await call(client, "get_collection", { id: shared })) as {
      collection: { name: string };
      papers: { paper: { id: string }; note: string }[];
    };
    expect(sharedOne.collection.name).toBe(`Shared ${word}`);
    expect(sharedOne.papers.map((item) => [item.paper.id, item.note])).toEqual([[target.id, `Note on ${target.id}`]]);
    const refused = await call(client, "get_collection", { id: secret });
    expect(refused.isError).toBe(true);
    expect(text(refused)).toBe(`No collection ${secret} that you may read.`);

    // A vote, counted as the site counts it and shown on the member's page.
    expect(ok(await call(client, "upvote_paper", { id: target.id }))).toEqual({
      paperId: target.id,
      upvoted: true,
      count: 1,
    });
    expect(ok(await call(client, "upvote_paper", { id: target.id }))).toMatchObject({ count: 1 });
    await page.goto(`/papers/${target.id}`);
    // The count is in the page for everyone; the pressed state comes with the member's own part (/api/viewer).
    const button = page.getByRole("button", { name: /^(Remove upvote|Upvote) \(1 upvotes\)$/ }).first();
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute("aria-pressed", "true", { timeout: 20_000 });
    const hidden = await call(client, "upvote_paper", { id: "2612.00000" });
    expect(hidden.isError).toBe(true);
  } finally {
    await client.close();
  }
});

test("a read-only token lists no voting tools and cannot vote", async ({ baseURL, users }) => {
  const member = await users.create();
  const target = await papers.listed(quietDay(YEAR, 3), { title: `Read only ${randomInt(1e6, 1e7)}` });
  const reader = await connect(baseURL!, await tokenFor(member.id, false));
  try {
    const names = (await reader.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(["for_you", "list_collections", "get_collection"]));
    expect(names).not.toContain("upvote_paper");
    expect(names).not.toContain("remove_upvote");
    const attempt = await reader
      .callTool({ name: "upvote_paper", arguments: { id: target.id } })
      .catch((error: Error) => error);
    expect(attempt instanceof Error || (attempt as CallToolResult).isError).toBe(true);
  } finally {
    await reader.close();
  }
  const rows = await query(`select 1 from "Upvote" where "paperId" = $1`, [target.id]);
  expect(rows).toHaveLength(0);
});

test("a token in use shows when it was last used; revoked after a second press, it is refused with 401", async ({
  page,
  context,
  baseURL,
  users,
}) => {
  // A cold server's first Settings costs seconds on the shared test machine.
  test.slow();
  const origin = baseURL!;
  const member = await users.create();
  const token = await tokenFor(member.id, true);
  const client = await connect(origin, token);
  await client.close();

  await member.signIn(context);
  await page.goto("/settings");
  const tokens = page.getByRole("region", { name: "Tokens for agents" });
  const row = tokens.getByRole("listitem").filter({ hasText: "e2e" });
  await expect(row).toContainText("may vote");
  await expect(row).toContainText("last used just now");
  await row.getByRole("button", { name: "Revoke “e2e”" }).click();
  await row.getByRole("button", { name: "Cancel" }).click();
  await row.getByRole("button", { name: "Revoke “e2e”" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(tokens.getByText("Revoked: requests with that token are refused from now on.")).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(tokens.getByText("None yet.")).toBeVisible();

  const answer = await initialize(origin, `Bearer ${token}`);
  expect(answer.status).toBe(401);
  expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
  expect(await answer.json()).toMatchObject({
    jsonrpc: "2.0",
    id: null,
    error: { code: -32000, message: expect.stringContaining("revoked") as unknown },
  });
  await expect(connect(origin, token)).rejects.toThrow();
  // A malformed token is refused the same way; no token at all is the public server.
  expect((await initialize(origin, "Bearer not-a-token")).status).toBe(401);
  expect((await initialize(origin)).status).toBe(200);
});

test("the lab's members-only site refuses /mcp without a token and serves a member's token", async ({ users }) => {
  const refused = await initialize(LAB_URL);
  expect(refused.status).toBe(401);
  expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  const body = (await refused.json()) as { jsonrpc: string; error: { message: string } };
  expect(body.jsonrpc).toBe("2.0");
  expect(body.error.message).toContain(`${LAB_URL}/settings#tokens`);
  await expect(connect(LAB_URL)).rejects.toThrow();

  const member = await users.create();
  const word = `quoll${randomInt(1e6, 1e7)}`;
  const paper = await papers.listed(quietDay(YEAR, 2), { title: `Lab reading ${word}` });
  const collection = await makeCollection(member.id, `Lab ${word}`, "PRIVATE", [paper.id]);
  const client = await connect(LAB_URL, await tokenFor(member.id, false));
  try {
    const listed = ok(await call(client, "list_collections")) as { own: { id: string }[] };
    expect(listed.own.map((c) => c.id)).toEqual([collection]);
    const one = ok(await call(client, "get_collection", { id: collection })) as { papers: { paper: { id: string } }[] };
    expect(one.papers.map((item) => item.paper.id)).toEqual([paper.id]);
    expect(ok(await call(client, "for_you"))).toMatchObject({ papers: expect.any(Array) as unknown });
    // The public tools work too, with the token.
    expect(ok(await call(client, "get_paper", { id: paper.id }))).toMatchObject({ paper: { id: paper.id } });
  } finally {
    await client.close();
  }
  expect((await initialize(LAB_URL, "Bearer dp_wrong")).status).toBe(401);
});
