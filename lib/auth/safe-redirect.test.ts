import { describe, expect, it } from "vitest";
import { safeCallbackUrl, safeRedirectPath } from "@/lib/auth/safe-redirect";

/** Every open-redirect shape found by the probe (issue 10), and the classic ones. */
const OPEN_REDIRECT_VARIANTS = [
  "https://evil.example/",
  "http:evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/.//evil.example/phish",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/%2e%2e/%2e%2e//evil.example",
  "/./\\evil.example",
  "/.\\/evil.example",
  "/a/../..//evil.example",
  "/papers/../..//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/\u0000/evil.example",
  "javascript:alert(1)",
  "data:text/html,hi",
];

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/papers/2501.12948?x=1#abstract")).toBe("/papers/2501.12948?x=1#abstract");
    expect(safeRedirectPath("/")).toBe("/");
    expect(safeRedirectPath("/papers/search?q=a%20b")).toBe("/papers/search?q=a%20b");
    expect(safeRedirectPath("/papers/search?next=//evil.example")).toBe("/papers/search?next=//evil.example");
  });

  it("returns the normalised path the browser would follow", () => {
    expect(safeRedirectPath("/papers/../settings")).toBe("/settings");
    expect(safeRedirectPath("/%2e/settings")).toBe("/settings");
    // Still a path here: an encoded slash or backslash is never read as the start of a host.
    expect(safeRedirectPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirectPath("/%5C%5Cevil.example")).toBe("/%5C%5Cevil.example");
  });

  it("never returns anything a browser reads as another host", () => {
    for (const bad of OPEN_REDIRECT_VARIANTS) {
      const result = safeRedirectPath(bad);
      expect(result, JSON.stringify(bad)).toBe("/");
    }
  });

  it("refuses what is not a short string", () => {
    for (const bad of ["", 42, null, undefined, ["/a"], "/".repeat(3000), `/${"a".repeat(2000)}`]) {
      expect(safeRedirectPath(bad)).toBe("/");
    }
  });

  it("gives only same-origin paths for any input", () => {
    const pieces = ["/", "\\", ".", "..", "%2e", "%2f", "%5c", "evil.example", "\t", "@", ":", "?", "#"];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const result = safeRedirectPath(`/${a}${b}${c}`);
          expect(result.startsWith("/") && !result.startsWith("//") && !result.startsWith("/\\"), result).toBe(true);
          expect(new URL(result, "https://site.example").origin).toBe("https://site.example");
        }
  });
});

describe("safeCallbackUrl (Auth.js's redirect callback)", () => {
  const origin = "https://papers.example";

  it("keeps paths and absolute URLs on the site", () => {
    expect(safeCallbackUrl("/papers/2501.12948", origin)).toBe(`${origin}/papers/2501.12948`);
    expect(safeCallbackUrl(`${origin}/settings?x=1`, origin)).toBe(`${origin}/settings?x=1`);
  });

  it("sends everything else home, without throwing", () => {
    for (const bad of [
      ...OPEN_REDIRECT_VARIANTS,
      "foo",
      "https://papers.example.evil.example/",
      "https://papers.example@evil.example/",
      `${origin}/.//evil.example`,
      "%",
    ]) {
      expect(safeCallbackUrl(bad, origin), JSON.stringify(bad)).toBe(`${origin}/`);
    }
  });
});
