import { describe, expect, it } from "vitest";
import { apiError, apiJson, jsonError } from "@/lib/api/responses";

describe("JSON answers", () => {
  it("answers the public API's bodies and refusals cacheable for a minute, to any site", async () => {
    for (const [response, status, body] of [
      [apiJson([{ id: "2501.12948" }]), 200, [{ id: "2501.12948" }]],
      [apiError(404, "no paper 2501.12948 here"), 404, { error: "no paper 2501.12948 here" }],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(await response.json()).toEqual(body);
    }
  });

  it("says no as { error } with only the headers it is given", async () => {
    const response = jsonError(401, "This endpoint needs the revalidation token.");
    expect(response.status).toBe(401);
    expect(response.headers.get("Cache-Control")).toBeNull();
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(await response.json()).toEqual({ error: "This endpoint needs the revalidation token." });
    expect(jsonError(500, "x", { "Cache-Control": "no-store" }).headers.get("Cache-Control")).toBe("no-store");
  });
});
