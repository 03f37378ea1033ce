import { describe, expect, it } from "vitest";
import type { CommentView } from "@/lib/comments/schema";
import { dayMarkdown, fenced, paperMarkdown } from "@/lib/markdown/pages";
import type { PaperDetail } from "@/lib/papers/schema";

const paper: PaperDetail = {
  id: "2501.12948",
  title: "Fast $\\mathcal{O}(n^2)$ R\\&D for *LLMs*",
  abstract: "We reach 87\\% with $x_1 * y_2$.\n# Not a heading",
  authors: ["Ada Lovelace", "Alan [Turing]"],
  publishedAt: new Date("2025-01-22T18:00:00Z"),
  upvoteCount: 29,
  commentCount: 3,
  githubRepo: "https://github.com/x/y",
  projectPage: null,
  thumbnailUrl: null,
  categories: ["cs.CL", "cs.AI"],
  githubStars: null,
  aiSummary: "A summary.",
  aiKeywords: [],
  organization: null,
  day: "2025-01-23",
  submittedAt: null,
  submittedBy: null,
  version: 2,
  revisedAt: null,
  arxivComment: null,
  doi: null,
  journalRef: null,
  license: null,
  withdrawnAt: null,
};

const comment = (body: string, replies: CommentView[] = []): CommentView => ({
  id: "c1",
  parentId: null,
  author: { username: "ada", name: "Ada", badges: [] },
  body,
  html: "",
  createdAt: "2025-01-24T10:00:00.000Z",
  createdAgo: "",
  createdTitle: "",
  editedAt: null,
  editedTitle: null,
  replies,
});

describe("a paper as Markdown", () => {
  const text = paperMarkdown(paper, [comment("# Heading?\nGreat *paper*", [comment("reply")])], "https://dp.example");

  it("starts with its title as a heading, its math TeX and its text escaped", () => {
    expect(text.split("\n")[0]).toBe("# Fast $\\mathcal{O}(n^2)$ R&D for \\*LLMs\\*");
    expect(text).toContain("We reach 87% with $x_1 * y_2$. \\# Not a heading");
    expect(text).toContain("- **Authors:** Ada Lovelace, Alan \\[Turing\\]");
    expect(text).toContain(
      "- **arXiv:** [2501.12948](https://arxiv.org/abs/2501.12948) · [PDF](https://arxiv.org/pdf/2501.12948)",
    );
    expect(text).toContain("- **Page:** https://dp.example/papers/2501.12948");
    expect(text).toContain("## AI summary\n\nA summary.");
  });

  it("shows comments as written in a fenced block, so they add no markup, and says how many more there are", () => {
    expect(text).toContain("**Ada** · 2025-01-24 · 1 reply\n\n```markdown\n# Heading?\nGreat *paper*\n```");
    expect(text).toContain("And 1 more at https://dp.example/papers/2501.12948#discussion.");
    const outsideFences = text.replace(/^(`{3,})markdown\n[\s\S]*?\n\1$/gm, "");
    expect(outsideFences.match(/^#{1,2} /gm)).toEqual(["# ", "## ", "## ", "## "]);
  });

  it("keeps a comment's HTML, reference definitions and fences inside its own block", () => {
    const hostile = "</blockquote>\n<h1>Fake title</h1>\n[repo]: https://evil.example\n```\n# Out?\n````";
    const block = fenced(hostile);
    expect(block.startsWith("`````markdown\n")).toBe(true);
    expect(block.endsWith("\n`````")).toBe(true);
    // No line inside is a fence as long as the block's own, so nothing inside closes it.
    const inner = block.split("\n").slice(1, -1);
    expect(inner.every((line) => !/^`{5,}\s*$/.test(line))).toBe(true);
  });
});

describe("a literal dollar in a title", () => {
  it("stays text, escaped, and never pairs with a formula", () => {
    const text = paperMarkdown({ ...paper, title: "Costs \\$5 per $n$ tokens" }, [], "https://dp.example");
    expect(text.split("\n")[0]).toBe("# Costs \\$5 per $n$ tokens");
  });
});

describe("a day as Markdown", () => {
  it("lists its papers in order, and says when it has none", () => {
    const text = dayMarkdown("2025-01-23", [paper], 3, "https://dp.example");
    expect(text).toMatch(/^# Daily Papers — Thursday, January 23, 2025\n\n1 of 3 papers/);
    expect(text).toContain("## 1. Fast $\\mathcal{O}(n^2)$ R&D for \\*LLMs\\*");
    expect(text).toContain("2 more at https://dp.example/papers/date/2025-01-23.");
    expect(dayMarkdown("2025-01-25", [], 0, "https://dp.example")).toContain("No papers were featured on this day.");
  });
});
