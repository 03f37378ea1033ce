import { answerMcpPost, mcpMethodNotAllowed } from "@/lib/mcp/endpoint";

/** `/mcp`: the MCP server for agents (Streamable HTTP, stateless; lib/mcp/). */
export function POST(request: Request): Promise<Response> {
  return answerMcpPost(request);
}

export function GET(): Response {
  return mcpMethodNotAllowed();
}

export function DELETE(): Response {
  return mcpMethodNotAllowed();
}
