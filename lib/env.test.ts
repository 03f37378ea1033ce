import { describe, expect, it } from "vitest";
import { appUrl, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("fills in defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_DB_DIR).toBe(".data/postgres");
    expect(appUrl(env)).toBe("http://localhost:3000");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("explains a wrong value in one line naming the variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^Invalid environment variable PORT: .+$/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      "Invalid environment variable DATABASE_URL: must look like postgresql://user:password@host:5432/database",
    );
    try {
      parseEnv({ PORT: "99999" });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain("\n");
    }
  });

  it("strips a trailing slash from APP_URL", () => {
    expect(appUrl(parseEnv({ APP_URL: "https://papers.example.org/" }))).toBe("https://papers.example.org");
  });

  it("takes APP_URL only as an http(s) origin, and gives it without a trailing slash", () => {
    expect(appUrl(parseEnv({ APP_URL: "https://Papers.Example.org:443/" }))).toBe("https://papers.example.org");
    for (const bad of [
      "javascript:alert(1)",
      "ftp://papers.example.org",
      "https://papers.example.org/app",
      "https://a@b.example",
    ]) {
      expect(() => parseEnv({ APP_URL: bad }), bad).toThrow(/^Invalid environment variable APP_URL: /);
    }
  });

  it("falls back to the port the server listens on, never to a request's host", () => {
    expect(appUrl(parseEnv({ PORT: "3301" }))).toBe("http://localhost:3301");
  });

  it("requires APP_URL behind a trusted proxy, where the listening address is not the public one", () => {
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "1" })).toThrow(
      /^Invalid environment variable APP_URL: must be set when TRUSTED_PROXY_HOPS is above 0/,
    );
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "1", APP_URL: "https://papers.example.org" }).TRUSTED_PROXY_HOPS).toBe(1);
  });
});

describe("site access and sign-in variables", () => {
  it("defaults to a public site open to any address", () => {
    const env = parseEnv({});
    expect(env.SITE_ACCESS).toBe("public");
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual([]);
    expect(env.OIDC_NAME).toBe("Single sign-on");
  });

  it("reads a members-only site and its email domains, lowercased, without a leading @", () => {
    const env = parseEnv({ SITE_ACCESS: "members", ALLOWED_EMAIL_DOMAINS: " Lab.Example.org, @example.EDU ,," });
    expect(env.SITE_ACCESS).toBe("members");
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual(["lab.example.org", "example.edu"]);
  });

  it("refuses a wrong access mode, a domain that is not one, and half an OIDC setup", () => {
    expect(() => parseEnv({ SITE_ACCESS: "private" })).toThrow(
      "Invalid environment variable SITE_ACCESS: must be public or members",
    );
    expect(() => parseEnv({ ALLOWED_EMAIL_DOMAINS: "lab.example.org,not a domain" })).toThrow(
      /^Invalid environment variable ALLOWED_EMAIL_DOMAINS\.1: must be comma-separated email domains/,
    );
    expect(() => parseEnv({ OIDC_ISSUER: "https://id.example.org" })).toThrow(
      /^Invalid environment variable OIDC_CLIENT_ID: must be set with the other two/,
    );
    expect(() =>
      parseEnv({ OIDC_ISSUER: "https://id.example.org", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }),
    ).not.toThrow();
  });
});
