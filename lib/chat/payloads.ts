import { formatDay } from "@/lib/dates/days";
import { formatAuthors } from "@/lib/text/author-list";
import { plainText } from "@/lib/text/plain-text";
import { dayPath, paperUrl } from "@/lib/urls";
import type { ChatFormatName } from "@/lib/chat/schema";

/**
 * What a team chat post says, as each chat wants it: Slack (Block Kit: a header and rich-text sections, whose
 * text elements are literal, so a title cannot mention, link or format), Mattermost (its Slack-compatible `text`,
 * Markdown), Discord (`content` and one embed within its 2,000 / 256 / 4,096 limits, with mentions switched off)
 * and plain JSON (documented in docs/team-chat.md). Titles come from arXiv and submitters: everything taken from
 * a paper is escaped for the format it goes into. Links are absolute, from the site's base URL. Universal.
 */

/** A paper as a post lists it. */
export interface ChatPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  upvoteCount: number;
}

export type ChatMessage =
  | { kind: "daily"; day: string; papers: ChatPaper[] }
  | { kind: "featured"; day: string; paper: ChatPaper }
  | { kind: "test"; webhookName: string };

/** Discord's limits: a message's content, an embed's title and description. */
export const DISCORD_LIMITS = { content: 2000, title: 256, description: 4096 } as const;
/** Mattermost's longest post is 16,383 characters; stay well inside it. */
const MATTERMOST_MAX = 12_000;

interface Line {
  rank: number | null;
  title: string;
  url: string;
  byline: string;
}

function headline(message: ChatMessage): string {
  switch (message.kind) {
    case "daily":
      return `Top papers of ${formatDay(message.day, "full")}`;
    case "featured":
      return "Newly featured paper";
    case "test":
      return "Test post from Daily Papers";
  }
}

function linesOf(message: ChatMessage, siteUrl: string): Line[] {
  const papers = message.kind === "daily" ? message.papers : message.kind === "featured" ? [message.paper] : [];
  return papers.map((paper, index) => ({
    rank: message.kind === "daily" ? index + 1 : null,
    title: plainText(paper.title),
    url: paperUrl(siteUrl, paper.id),
    byline: `${formatAuthors(paper.authors.map(plainText))} · ▲ ${paper.upvoteCount}`,
  }));
}

/** The sentence under the list: where the day is, or what a test post means. */
function footer(message: ChatMessage, siteUrl: string): { text: string; url: string | null } {
  if (message.kind === "test") {
    return { text: "This webhook works: the day's top papers will be posted here.", url: null };
  }
  if (message.kind === "daily" && message.papers.length === 0) {
    return { text: "No papers were featured that day.", url: `${siteUrl}${dayPath(message.day)}` };
  }
  return { text: "See the whole list", url: `${siteUrl}${dayPath(message.day)}` };
}

/** The request body for `format`. */
export function chatPayload(format: ChatFormatName, message: ChatMessage, siteUrl: string): unknown {
  switch (format) {
    case "SLACK":
      return slackPayload(message, siteUrl);
    case "MATTERMOST":
      return mattermostPayload(message, siteUrl);
    case "DISCORD":
      return discordPayload(message, siteUrl);
    case "JSON":
      return jsonPayload(message, siteUrl);
  }
}

/** Slack's three control characters; all a `text` fallback needs (its text is ours, not a paper's). */
export function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function slackPayload(message: ChatMessage, siteUrl: string) {
  const lines = linesOf(message, siteUrl);
  const end = footer(message, siteUrl);
  const blocks: unknown[] = [{ type: "header", text: { type: "plain_text", text: headline(message).slice(0, 150) } }];
  if (lines.length > 0) {
    blocks.push({
      type: "rich_text",
      elements: lines.map((line) => ({
        type: "rich_text_section",
        elements: [
          ...(line.rank ? [{ type: "text", text: `${line.rank}. ` }] : []),
          { type: "link", url: line.url, text: line.title, style: { bold: true } },
          { type: "text", text: `\n${line.byline}\n` },
        ],
      })),
    });
  }
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: end.url ? `<${end.url}|${escapeSlack(end.text)}>` : escapeSlack(end.text),
      },
    ],
  });
  return { text: escapeSlack(headline(message)), blocks, unfurl_links: false, unfurl_media: false };
}

/**
 * Text for Markdown chats (Discord, Mattermost): every ASCII punctuation character backslash-escaped (CommonMark
 * and Discord both read `\*` as a literal `*`), and mentions broken with a zero-width space after `@`, so
 * `@everyone`, `@channel` and `<!channel>` in a title stay text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~:]/g, "\\$&").replaceAll("@", "@\u200B");
}

/** Numbered Markdown lines, as many as fit in `max` characters, then "…and N more". */
function markdownList(lines: Line[], max: number): string {
  const out: string[] = [];
  for (const [index, line] of lines.entries()) {
    const rank = line.rank ? `${line.rank}\\. ` : "";
    const entry = `${rank}**[${escapeMarkdown(line.title)}](${line.url})**\n${escapeMarkdown(line.byline)}`;
    const more = `\n…and ${lines.length - index} more`;
    if ([...out, entry].join("\n").length + more.length > max) {
      out.push(more.trim());
      break;
    }
    out.push(entry);
  }
  return out.join("\n");
}

function mattermostPayload(message: ChatMessage, siteUrl: string) {
  const end = footer(message, siteUrl);
  const parts = [`#### ${escapeMarkdown(headline(message))}`];
  const lines = linesOf(message, siteUrl);
  if (lines.length > 0) parts.push(markdownList(lines, MATTERMOST_MAX));
  parts.push(end.url ? `[${escapeMarkdown(end.text)}](${end.url})` : escapeMarkdown(end.text));
  return { text: parts.join("\n\n") };
}

function discordPayload(message: ChatMessage, siteUrl: string) {
  const end = footer(message, siteUrl);
  const lines = linesOf(message, siteUrl);
  const single = message.kind === "featured" ? lines[0] : undefined;
  const embed = single
    ? {
        title: truncate(single.title, DISCORD_LIMITS.title),
        url: single.url,
        description: truncate(single.byline, DISCORD_LIMITS.description),
      }
    : {
        title: truncate(headline(message), DISCORD_LIMITS.title),
        ...(end.url ? { url: end.url } : {}),
        description:
          lines.length > 0
            ? markdownList(lines, DISCORD_LIMITS.description)
            : truncate(escapeMarkdown(end.text), DISCORD_LIMITS.description),
      };
  return {
    content: truncate(`**${escapeMarkdown(headline(message))}**`, DISCORD_LIMITS.content),
    embeds: [embed],
    // No @everyone, @here, role or user pings, whatever a title says.
    allowed_mentions: { parse: [] },
  };
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The plain JSON shape (docs/team-chat.md): close to `/api/daily_papers` items, plus the event and the day. */
export interface ChatJsonPost {
  event: "daily" | "featured" | "test";
  site: string;
  day: string | null;
  url: string | null;
  papers: {
    rank: number | null;
    url: string;
    title: string;
    paper: { id: string; title: string; summary: string; authors: { name: string }[]; upvotes: number };
  }[];
}

function jsonPayload(message: ChatMessage, siteUrl: string): ChatJsonPost {
  const papers = message.kind === "daily" ? message.papers : message.kind === "featured" ? [message.paper] : [];
  const day = message.kind === "test" ? null : message.day;
  return {
    event: message.kind,
    site: siteUrl,
    day,
    url: day ? `${siteUrl}${dayPath(day)}` : null,
    papers: papers.map((paper, index) => ({
      rank: message.kind === "daily" ? index + 1 : null,
      url: paperUrl(siteUrl, paper.id),
      title: plainText(paper.title),
      paper: {
        id: paper.id,
        title: plainText(paper.title),
        summary: plainText(paper.abstract),
        authors: paper.authors.map((name) => ({ name })),
        upvotes: paper.upvoteCount,
      },
    })),
  };
}
