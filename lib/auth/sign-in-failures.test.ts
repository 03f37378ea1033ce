import { describe, expect, it } from "vitest";
import { singleSignOnErrorPath, singleSignOnFailure } from "@/lib/auth/sign-in-failures";

/** Errors shaped as Auth.js logs them: its error, `cause.err` the library's, and the library's own cause. */
function authError(err: Error): Error {
  return Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror"), {
    type: "CallbackRouteError",
    cause: { err, provider: "oidc" },
  });
}

function claimError(code: string, claim: string): Error {
  return Object.assign(new Error(`unexpected JWT "${claim}" claim value`), { code, cause: { claim } });
}

describe("why a single sign-on failed", () => {
  it("tells a provider that does not answer from a bad token", async () => {
    const refused = await fetch("http://127.0.0.1:9/.well-known/openid-configuration").catch((error: unknown) => error);
    expect(singleSignOnFailure(refused)).toBe("OidcUnavailable");
    expect(singleSignOnFailure(authError(refused as Error))).toBe("OidcUnavailable");
    expect(singleSignOnFailure(Object.assign(new Error("timed out"), { name: "TimeoutError" }))).toBe(
      "OidcUnavailable",
    );
    expect(singleSignOnFailure(authError(claimError("OAUTH_JWT_CLAIM_COMPARISON_FAILED", "aud")))).toBe("OidcAudience");
    expect(singleSignOnFailure(authError(claimError("OAUTH_JWT_TIMESTAMP_CHECK_FAILED", "exp")))).toBe("OidcExpired");
    // Another claim (the nonce) is a failure, not one of those.
    expect(singleSignOnFailure(authError(claimError("OAUTH_JWT_CLAIM_COMPARISON_FAILED", "nonce")))).toBe("OidcFailed");
    expect(singleSignOnFailure(undefined)).toBe("OidcFailed");
  });

  it("reads the provider's own refusal from the callback's error", () => {
    expect(singleSignOnFailure(undefined, "access_denied")).toBe("OidcDenied");
    expect(singleSignOnFailure(undefined, "server_error")).toBe("OidcFailed");
  });

  it("rewrites only Auth.js's error landings, and survives a looping cause", () => {
    const looping: { cause?: unknown } = new Error("loop");
    looping.cause = looping;
    expect(singleSignOnErrorPath("http://localhost:3000/signin?error=Configuration", looping)).toBe(
      "/signin?error=OidcFailed",
    );
    expect(singleSignOnErrorPath("/signin?error=OAuthCallbackError", undefined, "access_denied")).toBe(
      "/signin?error=OidcDenied",
    );
    expect(singleSignOnErrorPath("http://127.0.0.1:3422/auth?client_id=x", undefined)).toBeNull();
    expect(singleSignOnErrorPath("/signin?error=NotAllowed", undefined)).toBeNull();
    expect(singleSignOnErrorPath(null, undefined)).toBeNull();
  });
});
