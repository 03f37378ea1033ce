import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { registerPaperTools } from "@/lib/mcp/tools";

/** A fresh MCP server with the site's tools: stateless, so one per request (lib/mcp/endpoint.ts). */
export function createMcpServer(): McpServer {
  const server = new McpServer(
    { name: "daily-papers", title: "Daily Papers", version: "1.0.0" },
    {
      instructions:
        "Read-only access to this site's daily list of arXiv papers: search them, read one, list a day's, week's " +
        "or month's featured papers, or the trending ones.",
    },
  );
  registerPaperTools(server);
  return server;
}
