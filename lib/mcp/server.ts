import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { registerMemberTools } from "@/lib/mcp/member-tools";
import { registerPaperTools } from "@/lib/mcp/tools";
import type { TokenMember } from "@/lib/tokens/bearer";

const PUBLIC_INSTRUCTIONS =
  "Read-only access to this site's daily list of arXiv papers: search them, read one, list a day's, week's " +
  "or month's featured papers, or the trending ones.";

/**
 * A fresh MCP server with the site's tools: stateless, so one per request (lib/mcp/endpoint.ts). With the
 * `member` of a personal access token, their own tools too (member-tools.ts).
 */
export function createMcpServer(member: TokenMember | null = null): McpServer {
  const instructions = member
    ? `${PUBLIC_INSTRUCTIONS} As the token's member: the papers picked for them (for_you), their collections and ` +
      `those shared with them (list_collections, get_collection)${member.mayVote ? ", and upvoting (upvote_paper, remove_upvote)" : ""}.`
    : PUBLIC_INSTRUCTIONS;
  const server = new McpServer({ name: "daily-papers", title: "Daily Papers", version: "1.0.0" }, { instructions });
  registerPaperTools(server);
  if (member) registerMemberTools(server, member);
  return server;
}
