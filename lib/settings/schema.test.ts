import { describe, expect, it } from "vitest";
import { deleteAccountSchema, emailPreferencesSchema, unsubscribeTokenSchema } from "@/lib/settings/schema";

describe("settings input", () => {
  it("accepts the three digest choices and a sane threshold", () => {
    expect(emailPreferencesSchema.parse({ digest: "WEEKLY", minUpvotes: "5" })).toEqual({
      digest: "WEEKLY",
      minUpvotes: 5,
    });
  });

  it("rejects forged values with a sentence", () => {
    expect(emailPreferencesSchema.safeParse({ digest: "HOURLY", minUpvotes: 0 }).error?.issues[0]?.message).toBe(
      "Choose off, daily or weekly.",
    );
    expect(emailPreferencesSchema.safeParse({ digest: "DAILY", minUpvotes: "-1" }).success).toBe(false);
    expect(emailPreferencesSchema.safeParse({ digest: "DAILY", minUpvotes: "1e9" }).success).toBe(false);
    expect(emailPreferencesSchema.safeParse({ digest: "DAILY", minUpvotes: "abc" }).success).toBe(false);
  });

  it("takes only plain decimal whole numbers from 0 to 10000 as the threshold", () => {
    for (const good of ["0", "7", " 12 ", "10000", 3]) {
      expect(emailPreferencesSchema.safeParse({ digest: "DAILY", minUpvotes: good }).success, String(good)).toBe(true);
    }
    for (const bad of ["", " ", "0x10", "1e3", "1.5", "+5", "10001", "99999", "٣", null, undefined, 1.5, -1]) {
      const parsed = emailPreferencesSchema.safeParse({ digest: "DAILY", minUpvotes: bad });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/number|whole|10000/);
    }
  });

  it("asks for the word before deleting an account", () => {
    expect(deleteAccountSchema.safeParse({ confirm: "delete" }).success).toBe(true);
    expect(deleteAccountSchema.safeParse({ confirm: "yes" }).success).toBe(false);
  });

  it("only accepts well-formed unsubscribe tokens", () => {
    expect(unsubscribeTokenSchema.safeParse("a".repeat(43)).success).toBe(true);
    expect(unsubscribeTokenSchema.safeParse("a".repeat(42)).success).toBe(false);
    expect(unsubscribeTokenSchema.safeParse("../../etc/passwd").success).toBe(false);
  });
});
