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
});
