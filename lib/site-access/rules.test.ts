import { describe, expect, it } from "vitest";
import { accessKindOf, routedPath, splitFeedKey } from "@/lib/site-access/rules";

const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("what a stranger may reach on a members-only site", () => {
  it("lets in what signing in needs, and what carries its own proof", () => {
    for (const path of [
      "/signin",
      "/signin/check-email",
      "/api/auth/signin/nodemailer",
      "/api/auth/callback/oidc",
      "/api/unsubscribe/abc",
      "/unsubscribe/abc",
      "/dev/mail",
      "/api/revalidate",
      "/_next/static/chunks/app.js",
      "/favicon.ico",
      "/icon.svg",
      "/robots.txt",
    ]) {
      expect(accessKindOf(path, HTML), path).toBe("open");
    }
    expect(accessKindOf("/mcp", undefined)).toBe("own");
  });

  it("refuses programs with a 401 and sends people to sign in", () => {
    for (const path of [
      "/api/daily_papers",
      "/api/papers/2501.12948",
      "/api/viewer",
      "/api/upvotes",
      "/og/2501.12948",
      // Next's image optimizer fetches what it is given inside the server, past the gate.
      "/_next/image",
      "/_next/data/build/index.json",
      "/sitemap.xml",
      "/papers/2501.12948.md",
      "/papers/date/2025-01-20.bib",
      "/collections/abc.csl.json",
      "/users/ada/upvoted.ris",
    ]) {
      expect(accessKindOf(path, HTML), path).toBe("machine");
    }
    expect(accessKindOf("/feeds/daily.xml", HTML)).toBe("feed");
    for (const path of [
      "/",
      "/papers/2501.12948",
      "/papers/hep-th/9901001",
      "/settings",
      "/no/such/page",
      "/signinx",
    ]) {
      expect(accessKindOf(path, HTML), path).toBe("page");
    }
    expect(accessKindOf("/", undefined)).toBe("page");
    expect(accessKindOf("/", "*/*")).toBe("page");
    // An agent asking for Markdown, a client that takes JSON only.
    expect(accessKindOf("/papers/2501.12948", "text/markdown")).toBe("machine");
    expect(accessKindOf("/", "application/json")).toBe("machine");
  });

  it("does not mistake a look-alike for an open address", () => {
    for (const url of [
      "/signin/../papers",
      "/signin/%2e%2e/papers",
      "/api/auth/%2E%2E/%2e%2e/papers?x=1",
      "/_next/../papers",
      "/_next/static/../../papers",
    ]) {
      expect(accessKindOf(routedPath(url), HTML), url).toBe("page");
    }
    expect(accessKindOf(routedPath("/signin%2F..%2Fpapers"), HTML)).toBe("page");
    expect(accessKindOf(routedPath("/_next/static/../image?url=/og/2501.12948"), HTML)).toBe("machine");
    expect(accessKindOf("/signin/anything", HTML)).toBe("page");
    expect(accessKindOf("/api/authx/session", HTML)).toBe("machine");
    expect(accessKindOf("/api/revalidate/x", HTML)).toBe("machine");
    expect(accessKindOf("/robots.txt/x", HTML)).toBe("page");
  });
});

describe("a feed's key", () => {
  it("is taken out of the address, the rest kept in order", () => {
    expect(splitFeedKey("/feeds/daily.xml?key=u1.sig&category=cs.CL")).toEqual({
      key: "u1.sig",
      rest: "/feeds/daily.xml?category=cs.CL",
    });
    expect(splitFeedKey("/feeds/daily.xml?key=u1.sig")).toEqual({ key: "u1.sig", rest: "/feeds/daily.xml" });
    expect(splitFeedKey("/feeds/daily.xml")).toEqual({ key: null, rest: "/feeds/daily.xml" });
  });

  it("is no key when given twice", () => {
    expect(splitFeedKey("/feeds/daily.xml?key=a&key=b").key).toBeNull();
  });
});
