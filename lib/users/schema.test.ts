import { describe, expect, it } from "vitest";
import { profileSchema, usernameSchema } from "@/lib/users/schema";

describe("handles", () => {
  it("takes 3–30 lowercase letters, digits and single dashes", () => {
    for (const good of ["ada", "ada-lovelace", "reader-ab2cd3", "a1b", "x".repeat(30), "  ada  "]) {
      expect(usernameSchema.safeParse(good).success, good).toBe(true);
    }
  });

  it("refuses anything else with a sentence", () => {
    const cases: [string, RegExp][] = [
      ["ab", /at least 3/],
      ["x".repeat(31), /at most 30/],
      ["Ada", /lowercase/],
      ["ada_lovelace", /lowercase/],
      ["ada.lovelace", /lowercase/],
      ["ada@example", /lowercase/],
      ["<script>", /lowercase/],
      ["ada\u0000x", /lowercase/],
      ["-ada", /Start and end/],
      ["ada-", /Start and end/],
      ["ada--x", /one dash/],
      ["admin", /reserved/],
      ["settings", /reserved/],
      ["api", /reserved/],
    ];
    for (const [bad, message] of cases) {
      const parsed = usernameSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message, bad).toMatch(message);
    }
  });

  it("reads the privacy checkbox as a form posts it", () => {
    expect(profileSchema.parse({ username: "ada", profilePrivate: "on" })).toEqual({
      username: "ada",
      profilePrivate: true,
    });
    expect(profileSchema.parse({ username: "ada" })).toEqual({ username: "ada", profilePrivate: false });
    expect(profileSchema.safeParse({ username: "ada", profilePrivate: "yes please" }).success).toBe(false);
  });
});
