import { describe, expect, it } from "vitest";
import { chatPayload, DISCORD_LIMITS, escapeMarkdown, type ChatPaper } from "@/lib/chat/payloads";

const site = "https://papers.example.org";
const hostile: ChatPaper = {
  id: "2501.12948",
  title:
    "Hi <!channel> <@U123> @everyone @here *bold* _it_ [click](https://evil.example) <https://evil.example|x> `code`",
  abstract: "Abstract.",
  authors: ["Ann @channel", "Bob"],
  upvoteCount: 7,
};

describe("chat payloads", () => {
  it("Slack: the title is a literal rich-text link, never mrkdwn; the fallback holds no paper text", () => {
    const body = chatPayload("SLACK", { kind: "daily", day: "2026-12-06", papers: [hostile] }, site) as {
      text: string;
      blocks: { type: string; elements?: { elements?: { type: string; text?: string; url?: string }[] }[] }[];
    };
    expect(body.text).toBe("Top papers of Sunday, December 6, 2026");
    const section = body.blocks.find((block) => block.type === "rich_text")!.elements![0]!.elements!;
    expect(section.find((element) => element.type === "link")).toEqual({
      type: "link",
      url: `${site}/papers/2501.12948`,
      text: hostile.title,
      style: { bold: true },
    });
    // Only ours is mrkdwn: the context line's link to the day.
    expect(JSON.stringify(body.blocks.filter((block) => block.type === "context"))).not.toContain("channel");
  });

  it("Mattermost and Discord: Markdown escaped, mentions broken, links only ours", () => {
    const escaped = escapeMarkdown(hostile.title);
    expect(escaped).not.toMatch(/(^|[^\\])[<>[\]*_`]/);
    expect(escaped).not.toContain("@everyone");
    expect(escaped).toContain("@\u200Beveryone");
    const mattermost = chatPayload("MATTERMOST", { kind: "featured", day: "2026-12-06", paper: hostile }, site) as {
      text: string;
    };
    expect(mattermost.text).not.toContain("<!channel>");
    expect(mattermost.text).not.toContain("@channel");
    expect(mattermost.text).toContain(`](${site}/papers/2501.12948)`);
    expect(mattermost.text).not.toContain("](https://evil.example)");
    const discord = chatPayload("DISCORD", { kind: "featured", day: "2026-12-06", paper: hostile }, site) as {
      allowed_mentions: unknown;
      embeds: { title: string; url: string }[];
    };
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(discord.embeds[0]!.url).toBe(`${site}/papers/2501.12948`);
  });

  it("Discord: within its limits however long the titles", () => {
    const long = Array.from({ length: 20 }, (_, i) => ({
      ...hostile,
      id: `2501.${10000 + i}`,
      title: "T".repeat(600),
    }));
    const body = chatPayload("DISCORD", { kind: "daily", day: "2026-12-06", papers: long }, site) as {
      content: string;
      embeds: { title: string; description: string }[];
    };
    expect(body.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(body.embeds[0]!.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(body.embeds[0]!.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(body.embeds[0]!.description).toMatch(/…and \d+ more$/);
    const featured = chatPayload("DISCORD", { kind: "featured", day: "2026-12-06", paper: long[0]! }, site) as {
      embeds: { title: string }[];
    };
    expect(featured.embeds[0]!.title.length).toBe(DISCORD_LIMITS.title);
  });

  it("JSON: the documented shape", () => {
    expect(chatPayload("JSON", { kind: "daily", day: "2026-12-06", papers: [hostile] }, site)).toEqual({
      event: "daily",
      site,
      day: "2026-12-06",
      url: `${site}/papers/date/2026-12-06`,
      papers: [
        {
          rank: 1,
          url: `${site}/papers/2501.12948`,
          title: hostile.title,
          paper: {
            id: "2501.12948",
            title: hostile.title,
            summary: "Abstract.",
            authors: [{ name: "Ann @channel" }, { name: "Bob" }],
            upvotes: 7,
          },
        },
      ],
    });
    expect(chatPayload("JSON", { kind: "test", webhookName: "x" }, site)).toMatchObject({ event: "test", papers: [] });
  });
});
