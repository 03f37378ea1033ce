import { describe, expect, it } from "vitest";
import { clientKey, signInEmailSchema, signInLimitedMessage } from "@/lib/auth/sign-in-limits";
import { BAD_SIGN_IN_ADDRESSES } from "@/tests/support/bad-sign-in-addresses";

describe("sign-in addresses", () => {
  it("takes plain mailboxes, normalised as Auth.js stores them", () => {
    expect(signInEmailSchema.parse("  Ada.Lovelace+papers@Example.ORG ")).toBe("ada.lovelace+papers@example.org");
  });

  it("refuses what Auth.js's own check let through", () => {
    for (const bad of BAD_SIGN_IN_ADDRESSES) {
      expect(signInEmailSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("the per-client key", () => {
  it("is the first hop of X-Forwarded-For, else X-Real-IP, else one shared bucket", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(clientKey(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(clientKey(new Headers())).toBe("unknown");
  });

  it("says when to come back, in minutes", () => {
    expect(signInLimitedMessage(30)).toMatch(/try again in 1 minute\.$/);
    expect(signInLimitedMessage(600)).toMatch(/try again in 10 minutes\.$/);
  });
});
