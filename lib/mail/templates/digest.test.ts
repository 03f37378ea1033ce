import { describe, expect, it } from "vitest";
import { renderDigest } from "@/lib/mail/templates/digest";

const paper = {
  id: "2501.12948",
  title: "Attention <script>alert(1)</script> with $x^2$",
  abstract: "Results at 87\\% accuracy & more.",
  authors: ["A. One", "B. Two", "C. Three", "D. Four", "E. Five"],
  upvoteCount: 12,
};

function render() {
  return renderDigest({
    papers: [paper],
    periodLabel: "Sunday, November 22, 2026",
    period: "daily",
    siteUrl: "https://papers.example.org",
    unsubscribeUrl: "https://papers.example.org/api/unsubscribe/tok?x=1&y=2",
    settingsUrl: "https://papers.example.org/settings",
  });
}

describe("renderDigest", () => {
  it("lists each paper in the text part: title, authors and how many more, excerpt, link", () => {
    const { subject, text } = render();
    expect(subject).toBe("1 trending paper: Attention <script>alert(1)</script> with x^2");
    expect(text).toContain("1. Attention <script>alert(1)</script> with x^2 (▲ 12)");
    expect(text).toContain("   A. One, B. Two, C. Three and 2 more");
    expect(text).toContain("   Results at 87% accuracy & more.");
    expect(text).toContain("   https://papers.example.org/papers/2501.12948");
    expect(text).toContain("Unsubscribe: https://papers.example.org/api/unsubscribe/tok?x=1&y=2");
  });

  it("escapes everything it puts in the HTML part", () => {
    const { html } = render();
    expect(html).not.toContain("<script>");
    expect(html).toContain("Attention &lt;script&gt;alert(1)&lt;/script&gt; with x^2");
    expect(html).toContain("Results at 87% accuracy &amp; more.");
    expect(html).toContain('href="https://papers.example.org/papers/2501.12948"');
    expect(html).toContain('href="https://papers.example.org/api/unsubscribe/tok?x=1&amp;y=2"');
    expect(html).toContain("<title>Trending papers of Sunday, November 22, 2026</title>");
  });
});
