import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { devMailboxOpen, isLoopbackAddress } from "@/lib/mail/dev-mailbox";

const production = { NODE_ENV: "production" };

describe("the development mailbox", () => {
  it("opens for a request from this machine to a site on this machine without a mail server", () => {
    const env = parseEnv(production);
    for (const client of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.1.1"]) {
      expect(devMailboxOpen(env, client), client).toBe(true);
    }
    expect(devMailboxOpen(parseEnv({ ...production, APP_URL: "http://localhost:4000" }), "::1")).toBe(true);
    expect(devMailboxOpen(parseEnv({ ...production, APP_URL: "http://127.0.0.1:4000" }), "::1")).toBe(true);
  });

  it("never opens to another machine, whatever it claims", () => {
    const env = parseEnv(production);
    for (const client of ["203.0.113.7", "10.0.0.2", "unknown", "", "localhost", "127.0.0.1.example.org"]) {
      expect(devMailboxOpen(env, client), client).toBe(false);
    }
  });

  it("stays shut on a public site, even for a proxy on the same machine", () => {
    const env = parseEnv({ ...production, APP_URL: "https://papers.example.org", TRUSTED_PROXY_HOPS: "1" });
    expect(devMailboxOpen(env, "127.0.0.1")).toBe(false);
  });

  it("stays shut when mail goes to a real server: nothing is kept", () => {
    const env = parseEnv({ ...production, SMTP_URL: "smtp://mail.example.org:587" });
    expect(devMailboxOpen(env, "127.0.0.1")).toBe(false);
    expect(devMailboxOpen(parseEnv({ ...production, SMTP_URL: "smtp://m:587", DEV_MAILBOX: "true" }), "::1")).toBe(
      false,
    );
  });

  it("opens under npm run dev, or anywhere when the operator turns it on", () => {
    expect(devMailboxOpen(parseEnv({ NODE_ENV: "development" }), "203.0.113.7")).toBe(true);
    const optedIn = parseEnv({ ...production, APP_URL: "https://demo.example.org", DEV_MAILBOX: "true" });
    expect(devMailboxOpen(optedIn, "203.0.113.7")).toBe(true);
  });

  it("knows loopback addresses", () => {
    expect(isLoopbackAddress("127.255.0.9")).toBe(true);
    expect(isLoopbackAddress("128.0.0.1")).toBe(false);
    expect(isLoopbackAddress("::2")).toBe(false);
  });
});
