import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/papers/2501.12948?x=1#abstract")).toBe("/papers/2501.12948?x=1#abstract");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it("turns everything else into the home page", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      42,
      null,
      "/".repeat(3000),
    ]) {
      expect(safeRedirectPath(bad)).toBe("/");
    }
  });
});
