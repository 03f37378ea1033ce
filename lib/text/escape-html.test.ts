import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/text/escape-html";

describe("escapeHtml", () => {
  it("escapes markup and both quotes, ampersands first", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });

  it("leaves other text alone", () => {
    expect(escapeHtml("Attention ▲ 87% — $x^2$")).toBe("Attention ▲ 87% — $x^2$");
  });
});
