import { describe, expect, it } from "vitest";
import { displayNameSchema, profileSchema, usernameSchema } from "@/lib/users/schema";

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

describe("display names", () => {
  it("trims, collapses spaces, and keeps names in any script", () => {
    expect(displayNameSchema.parse("  Ada   Lovelace ")).toBe("Ada Lovelace");
    expect(displayNameSchema.parse("Ada\tLovelace")).toBe("Ada Lovelace");
    for (const name of ["Zoë Müller-Lüdenscheidt", "李雷", "O'Brien, J. R.", "محمد\u200Cرضا", "x".repeat(60)]) {
      expect(displayNameSchema.parse(name), name).toBe(name);
    }
  });

  it("reads empty as no name", () => {
    expect(displayNameSchema.parse("")).toBeNull();
    expect(displayNameSchema.parse("   ")).toBeNull();
  });

  it("refuses control and invisible formatting characters, names too long, and staff names", () => {
    const cases: [string, RegExp][] = [
      ["Ada\u0000", /letters, digits/],
      ["Ada\u0007Lovelace", /letters, digits/],
      ["\u202EecalevoL adA", /letters, digits/],
      ["Ada\u200BLovelace", /letters, digits/],
      ["Ada\u2066Lovelace", /letters, digits/],
      ["x".repeat(61), /at most 60/],
      ["Admin", /reserved/],
      ["moderator", /reserved/],
    ];
    for (const [bad, message] of cases) {
      const parsed = displayNameSchema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.message, JSON.stringify(bad)).toMatch(message);
    }
  });

  it("is optional in the profile form: absent leaves the name as it is", () => {
    expect(profileSchema.parse({ username: "ada" })).not.toHaveProperty("name");
    expect(profileSchema.parse({ username: "ada", name: " Ada " })).toMatchObject({ name: "Ada" });
  });
});
