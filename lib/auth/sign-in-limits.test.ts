import { describe, expect, it } from "vitest";
import { clientKey, mailboxKey, signInEmailSchema, signInLimitedMessage } from "@/lib/auth/sign-in-limits";
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

describe("the per-address key (issue 20: +tag variants put 8 of 8 links into one inbox)", () => {
  const key = (address: string) => mailboxKey(signInEmailSchema.parse(address));

  it("is the inbox: +tags dropped, case folded", () => {
    const inbox = key("ada@example.org");
    for (const variant of ["ada+1@example.org", "Ada+papers@Example.ORG", "ada+@example.org", "ada+a+b@example.org"]) {
      expect(key(variant), variant).toBe(inbox);
    }
  });

  it("drops dots only at Gmail, where they reach the same inbox, and reads googlemail.com as gmail.com", () => {
    expect(key("a.da.l@gmail.com")).toBe("adal@gmail.com");
    expect(key("A.Da.L+x@GoogleMail.com")).toBe("adal@gmail.com");
    expect(key("a.da@example.org")).not.toBe(key("ada@example.org"));
  });

  it("keeps different people apart", () => {
    expect(key("ada@example.org")).not.toBe(key("ada@example.com"));
    expect(key("ada@example.org")).not.toBe(key("adam@example.org"));
    // A local part that is only a tag stays itself rather than becoming empty.
    expect(key("+x@example.org")).toBe("+x@example.org");
  });
});

describe("the per-client key", () => {
  it("is the address that reached the app's server when no proxy is trusted, whatever the client wrote", () => {
    // serve.ts appended 198.51.100.9 (the socket); the client sent the rest to pass for someone else.
    const spoofed = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1, 198.51.100.9" });
    expect(clientKey(spoofed, 0)).toBe("198.51.100.9");
    expect(clientKey(new Headers({ "x-forwarded-for": "198.51.100.9" }), 0)).toBe("198.51.100.9");
  });

  it("is the client as the outermost trusted proxy saw it, with proxies in front", () => {
    // The client sent 203.0.113.7; nginx appended the client's real address, serve.ts appended nginx's.
    const behindNginx = new Headers({ "x-forwarded-for": "203.0.113.7, 192.0.2.44, 10.0.0.2" });
    expect(clientKey(behindNginx, 1)).toBe("192.0.2.44");
    expect(clientKey(new Headers({ "x-forwarded-for": "192.0.2.44 , 10.0.0.3, 10.0.0.2" }), 2)).toBe("192.0.2.44");
    // Fewer hops than proxies (reached past them): the leftmost, never an index out of range.
    expect(clientKey(new Headers({ "x-forwarded-for": "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });

  it("is one shared bucket without the header, and ignores X-Real-IP, which any client can send", () => {
    expect(clientKey(new Headers(), 0)).toBe("unknown");
    expect(clientKey(new Headers({ "x-real-ip": "203.0.113.8" }), 1)).toBe("unknown");
    expect(clientKey(new Headers({ "x-forwarded-for": " , " }), 0)).toBe("unknown");
  });

  it("says when to come back, in minutes", () => {
    expect(signInLimitedMessage(30)).toMatch(/Try again in 30 s\.$/);
    expect(signInLimitedMessage(600)).toMatch(/Try again in 10 min\.$/);
  });
});
