import { afterEach, describe, expect, it, vi } from "vitest";

/** Issue 20, item 8: no Strict-Transport-Security when APP_URL is https. next.config.ts's headers, as built. */
async function headersFor(appUrl: string | undefined): Promise<Record<string, string>> {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl ?? "");
  const { default: config } = await import("@/next.config");
  const rules = (await config.headers?.()) ?? [];
  const everyPage = rules.find((rule) => rule.source === "/:path*");
  return Object.fromEntries((everyPage?.headers ?? []).map(({ key, value }) => [key.toLowerCase(), value]));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("security headers", () => {
  it("pin HTTPS for a year on every page when the site is https", async () => {
    const headers = await headersFor("https://papers.example.org");
    expect(headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  it("send no Strict-Transport-Security for an http site (the default install)", async () => {
    expect((await headersFor(undefined))["strict-transport-security"]).toBeUndefined();
    expect((await headersFor("http://papers.example.org"))["strict-transport-security"]).toBeUndefined();
  });
});
