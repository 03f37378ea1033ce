import { describe, expect, it } from "vitest";
import { parseArxivReference, submitPaperSchema } from "@/lib/submissions/schema";

describe("parseArxivReference", () => {
  it.each([
    ["2501.12948", "2501.12948"],
    ["  2501.12948  ", "2501.12948"],
    ["arXiv:2501.12948v2", "2501.12948"],
    ["hep-th/9901001", "hep-th/9901001"],
    ["https://arxiv.org/abs/2501.12948v3", "2501.12948"],
    ["https://arxiv.org/abs/2501.12948?context=cs", "2501.12948"],
    ["https://arxiv.org/pdf/2501.12948", "2501.12948"],
    ["https://arxiv.org/pdf/2501.12948v1.pdf", "2501.12948"],
    ["http://www.arxiv.org/abs/2501.12948#comments", "2501.12948"],
    ["arxiv.org/abs/2501.12948", "2501.12948"],
    ["https://export.arxiv.org/abs/hep-th/9901001v2", "hep-th/9901001"],
    ["https://arxiv.org/html/2501.12948v1/", "2501.12948"],
  ])("reads %s as %s", (raw, id) => {
    expect(parseArxivReference(raw)).toBe(id);
  });

  it.each([
    "",
    "not an id",
    "2501.123",
    "2513.12948",
    "https://evil.example/abs/2501.12948",
    "https://arxiv.org.evil.example/abs/2501.12948",
    "https://arxiv.org/list/cs.CL/new",
    "javascript:alert(1)//arxiv.org/abs/2501.12948",
    "ftp://arxiv.org/abs/2501.12948",
    `https://arxiv.org/abs/${"1".repeat(400)}`,
  ])("refuses %s", (raw) => {
    expect(parseArxivReference(raw)).toBeNull();
  });
});

describe("submitPaperSchema", () => {
  it("turns a link into the bare id", () => {
    expect(submitPaperSchema.parse({ reference: "https://arxiv.org/abs/2501.12948v3" })).toEqual({
      reference: "2501.12948",
    });
  });

  it("answers bad input with a sentence", () => {
    const empty = submitPaperSchema.safeParse({ reference: "  " });
    expect(empty.success || empty.error.issues[0]?.message).toBe("Enter an arXiv id or link.");
    const wrong = submitPaperSchema.safeParse({ reference: "hello" });
    expect(wrong.success || wrong.error.issues[0]?.message).toMatch(/^“hello” is not an arXiv id or link/);
    const missing = submitPaperSchema.safeParse({});
    expect(missing.success || missing.error.issues[0]?.message).toBe("Enter an arXiv id or link.");
  });
});
