import { randomUUID } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { query } from "./support/db";
import { quietDay, testPapers } from "./support/papers";

// The MCP server at /mcp (lib/mcp/), driven by the SDK's own client as an agent would, and by hand-made posts
// for what a client would never send. Its days are in 1999 (e2e/support/papers.ts).

const YEAR = 1999;
const papers = testPapers();

test.afterAll(() => papers.deleteAll());

interface Item {
  paper: { id: string; title: string };
}

async function connect(baseURL: string | undefined): Promise<Client> {
  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", baseURL)));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

function text(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === "text" ? first.text : "";
}

function listedIds(result: CallToolResult): string[] {
  expect(result.isError ?? false, text(result)).toBe(false);
  return (result.structuredContent as { papers: Item[] }).papers.map((item) => item.paper.id);
}

test("an agent lists the tools and calls each; hidden papers are nowhere", async ({ baseURL, request }) => {
  const day = quietDay(YEAR);
  const word = `mcpwalk${randomUUID().slice(0, 8).replace(/\d/g, "x")}`;
  const shown = await papers.listed(day, { title: `${word} graphs for reasoning`, authors: ["Ada Lovelace"] });
  const hidden = await papers.listed(day, { title: `${word} graphs, hidden` });
  await query(`update "Paper" set "hiddenAt" = now() where id = $1`, [hidden.id]);
  const client = await connect(baseURL);
  try {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "daily_papers",
      "get_paper",
      "search_papers",
      "trending_papers",
    ]);
    for (const tool of tools) {
      expect(tool.description, tool.name).toBeTruthy();
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
    expect(tools.find((tool) => tool.name === "search_papers")?.inputSchema.required).toEqual(["query"]);

    // Search: the shown paper, not the hidden one; the category and the arXiv dates filter.
    expect(listedIds(await call(client, "search_papers", { query: word }))).toEqual([shown.id]);
    expect(listedIds(await call(client, "search_papers", { query: word, category: "cs.CL" }))).toEqual([shown.id]);
    expect(listedIds(await call(client, "search_papers", { query: word, category: "hep-th" }))).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(listedIds(await call(client, "search_papers", { query: word, from: "2000-01-01", to: today }))).toEqual([
      shown.id,
    ]);
    expect(listedIds(await call(client, "search_papers", { query: word, to: "1999-12-31" }))).toEqual([]);
    expect(text(await call(client, "search_papers", { query: word }))).toContain(`## 1. ${word} graphs for reasoning`);

    // One paper, versioned id accepted: its Markdown as text, the JSON API's shape as structured content.
    const paper = await call(client, "get_paper", { id: `${shown.id}v2` });
    expect(paper.isError ?? false).toBe(false);
    expect(text(paper).split("\n")[0]).toBe(`# ${word} graphs for reasoning`);
    expect(text(paper)).toContain("- **Authors:** Ada Lovelace");
    expect(paper.structuredContent).toMatchObject({
      paper: { id: shown.id, arxivUrl: `https://arxiv.org/abs/${shown.id}` },
    });
    const gone = await call(client, "get_paper", { id: hidden.id });
    expect(gone.isError).toBe(true);
    expect(text(gone)).toBe(`No paper ${hidden.id} here.`);

    // The day's list, and its month's: the shown paper only.
    expect(listedIds(await call(client, "daily_papers", { date: day }))).toEqual([shown.id]);
    expect(listedIds(await call(client, "daily_papers", { month: day.slice(0, 7), category: "cs.CL" }))).toEqual([
      shown.id,
    ]);
    expect(listedIds(await call(client, "daily_papers", { date: day, category: "hep-th" }))).toEqual([]);

    // Trending is the JSON API's trending, in its order.
    const api = (await (await request.get("/api/daily_papers?sort=trending&limit=5")).json()) as Item[];
    expect(api.length).toBeGreaterThan(0);
    expect(listedIds(await call(client, "trending_papers", { limit: 5 }))).toEqual(api.map((item) => item.paper.id));
  } finally {
    await client.close();
  }
});

test("bad arguments are error results with a sentence, not failures", async ({ baseURL }) => {
  const client = await connect(baseURL);
  try {
    const refusals: [string, Record<string, unknown>, RegExp][] = [
      ["search_papers", {}, /query/],
      ["search_papers", { query: "x", limit: 0 }, /limit/],
      ["search_papers", { query: "x", from: "2024-02-30" }, /from and to must be real days/],
      ["search_papers", { query: "x", category: "not a category" }, /category must be an arXiv category/],
      ["get_paper", { id: "not-an-id" }, /not an arXiv id/],
      ["daily_papers", { date: "2025-01-22", week: "2025-W04" }, /at most one of date, week and month/],
      ["daily_papers", { week: "2025-W99" }, /week must be an ISO week/],
      ["trending_papers", { limit: "ten" }, /limit/],
    ];
    for (const [name, args, message] of refusals) {
      const result = await call(client, name, args);
      expect(result.isError, `${name} ${JSON.stringify(args)}`).toBe(true);
      expect(text(result)).toMatch(message);
      expect(text(result)).not.toMatch(/\n\s+at /);
    }
    await expect(client.callTool({ name: "no_such_tool", arguments: {} })).resolves.toMatchObject({ isError: true });
  } finally {
    await client.close();
  }
});

const MCP_HEADERS = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };

async function jsonRpcError(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  const body = (await response.json()) as { jsonrpc: string; error: { code: number; message: string } };
  expect(body.jsonrpc).toBe("2.0");
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body.error;
}

test("malformed requests get a JSON-RPC error and a 4xx, never a 500", async ({ request }) => {
  const notJson = await request.post("/mcp", { headers: MCP_HEADERS, data: "{ this is not json" });
  expect(notJson.status()).toBe(400);
  expect((await jsonRpcError(notJson)).code).toBe(-32700);

  const notJsonRpc = await request.post("/mcp", { headers: MCP_HEADERS, data: { hello: "world" } });
  expect(notJsonRpc.status()).toBe(400);
  expect((await jsonRpcError(notJsonRpc)).code).toBe(-32700);

  // An unknown method is a well-formed request: the JSON-RPC answer says so (the protocol's own error).
  const unknown = await request.post("/mcp", {
    headers: MCP_HEADERS,
    data: { jsonrpc: "2.0", id: 7, method: "papers/delete_all", params: {} },
  });
  expect(unknown.status()).toBeLessThan(500);
  expect((await jsonRpcError(unknown)).code).toBe(-32601);

  const tooLarge = await request.post("/mcp", {
    headers: MCP_HEADERS,
    data: { jsonrpc: "2.0", id: 2, method: "tools/list", params: { padding: "x".repeat(70_000) } },
  });
  expect(tooLarge.status()).toBe(413);
  await jsonRpcError(tooLarge);

  // A batch would be many tool calls for one request's allowance: refused whole, none of it run.
  const search = (id: number) => ({
    jsonrpc: "2.0",
    id,
    method: "tools/call",
    params: { name: "search_papers", arguments: { query: `attention ${id}` } },
  });
  for (const data of [[search(1), search(2), search(3)], []]) {
    const batch = await request.post("/mcp", { headers: MCP_HEADERS, data });
    expect(batch.status(), `a batch of ${data.length}`).toBe(400);
    expect((await jsonRpcError(batch)).code).toBe(-32600);
  }

  const noAccept = await request.post("/mcp", {
    headers: { "Content-Type": "application/json" },
    data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
  });
  expect(noAccept.status()).toBe(406);
  await jsonRpcError(noAccept);

  // Stateless: no stream to open, no session to end.
  for (const method of ["GET", "DELETE"]) {
    const response = await request.fetch("/mcp", { method, headers: { Accept: "text/event-stream" } });
    expect(response.status(), method).toBe(405);
    expect((await jsonRpcError(response)).code, method).toBe(-32000);
  }
});

test("a client past the limit is refused with 429 and Retry-After", async ({ request }) => {
  const headers = { ...MCP_HEADERS, "X-Forwarded-For": `mcp-${randomUUID()}` };
  const ping = { jsonrpc: "2.0", id: 1, method: "ping" };
  const statuses: number[] = [];
  for (let i = 0; i < 121; i++) statuses.push((await request.post("/mcp", { headers, data: ping })).status());
  expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
  expect(statuses[120]).toBe(429);
  const refused = await request.post("/mcp", { headers, data: ping });
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await jsonRpcError(refused)).message).toMatch(/Too many requests\. Try again in/);
});
