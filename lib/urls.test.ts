import { describe, expect, it } from "vitest";
import { dayPath, doiUrl, licenseName, paperPath, paperUrl, safeHttpUrl, userPath } from "@/lib/urls";

describe("safeHttpUrl", () => {
  it("keeps absolute http(s) URLs, normalised", () => {
    expect(safeHttpUrl("https://github.com/deepseek-ai/DeepSeek-R1")).toBe(
      "https://github.com/deepseek-ai/DeepSeek-R1",
    );
    expect(safeHttpUrl("  http://example.org/a?b=1#c ")).toBe("http://example.org/a?b=1#c");
    expect(safeHttpUrl("HTTPS://Example.ORG")).toBe("https://example.org/");
  });

  it.each([
    ["javascript:", "javascript:alert(1)"],
    ["mixed-case javascript with a leading space", " JaVaScRiPt:alert(document.cookie)"],
    ["javascript with a tab inside the scheme", "java\tscript:alert(1)"],
    ["javascript with a newline before it", "\njavascript:alert(1)"],
    ["an encoded javascript scheme", "javascript&colon;alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["data: image", "data:image/svg+xml;base64,PHN2Zz4="],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["file:", "file:///etc/passwd"],
    ["ftp:", "ftp://example.org/x"],
    ["protocol-relative", "//evil.example/x"],
    ["backslash protocol-relative", "\\\\evil.example/x"],
    ["relative path", "/papers/2501.12948"],
    ["http without slashes", "http:evil.example"],
    ["http with one slash", "http:/evil.example"],
    ["no host", "https://"],
    ["no host but a path", "https:///path"],
    ["a quote that would break out of an attribute", 'https://example.org/" onmouseover="alert(1)'],
    ["angle brackets", "https://example.org/<script>"],
    ["a space inside", "https://exa mple.org"],
    ["a NUL byte", "https://example.org/\u0000"],
    ["the empty string", ""],
    ["a bare word", "github"],
  ])("refuses %s", (_name, raw) => {
    expect(safeHttpUrl(raw)).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

describe("doiUrl", () => {
  it("links a DOI, bare or written as a doi.org URL or doi: prefix, on https://doi.org/", () => {
    expect(doiUrl("10.1145/3458817.3476205")).toBe("https://doi.org/10.1145/3458817.3476205");
    expect(doiUrl("https://dx.doi.org/10.48550/arXiv.2501.12948")).toBe("https://doi.org/10.48550/arXiv.2501.12948");
    expect(doiUrl("doi:10.1000/a b")).toBeNull();
    expect(doiUrl("10.1000/x<y>")).toBe("https://doi.org/10.1000/x%3Cy%3E");
  });

  it("refuses what is not a DOI", () => {
    expect(doiUrl("javascript:alert(1)")).toBeNull();
    expect(doiUrl("not a doi")).toBeNull();
    expect(doiUrl(null)).toBeNull();
  });
});

describe("licenseName", () => {
  it("names Creative Commons and arXiv licences", () => {
    expect(licenseName("http://creativecommons.org/licenses/by/4.0/")).toBe("CC BY 4.0");
    expect(licenseName("http://creativecommons.org/licenses/by-nc-sa/4.0/")).toBe("CC BY-NC-SA 4.0");
    expect(licenseName("http://creativecommons.org/publicdomain/zero/1.0/")).toBe("CC0 1.0");
    expect(licenseName("http://arxiv.org/licenses/nonexclusive-distrib/1.0/")).toBe("arXiv licence");
    expect(licenseName("https://example.org/licence")).toBe("Licence");
  });
});

describe("paperPath and paperUrl", () => {
  it("link a paper's page, old-style ids keeping their slash", () => {
    expect(paperPath("2501.12948")).toBe("/papers/2501.12948");
    expect(paperPath("hep-th/9901001")).toBe("/papers/hep-th/9901001");
    expect(paperUrl("https://papers.example.org", "hep-th/9901001")).toBe(
      "https://papers.example.org/papers/hep-th/9901001",
    );
  });

  it("add a fragment only when one is given", () => {
    expect(paperPath("2501.12948", "discussion")).toBe("/papers/2501.12948#discussion");
    expect(paperPath("2501.12948", "comment-42")).toBe("/papers/2501.12948#comment-42");
    expect(paperPath("2501.12948", "")).toBe("/papers/2501.12948");
  });
});

describe("dayPath and userPath", () => {
  it("name a day's listing and a member's page", () => {
    expect(dayPath("2025-01-22")).toBe("/papers/date/2025-01-22");
    expect(userPath("alice")).toBe("/users/alice");
  });
});
